"""Bulk coding with review: tick the answers that should get a code, then apply it to them."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, SelectionList, Static
from textual.widgets.selection_list import Selection

from workbench.display import visible_line
from workbench.widgets.inert import inert, inert_line
from workbench.widgets.tick_list import TickList


def answer_choices(
    answers: list[tuple[int, str]], ticked: bool, notes: dict[int, str] | None = None
) -> list[Selection]:
    """One tickable line per answer: its text, with an optional note (a similarity) before it."""
    notes = notes or {}
    choices = []
    for answer_id, text in answers:
        prompt = Text()
        if answer_id in notes:
            prompt.append(f"{visible_line(notes[answer_id])}  ", style="dim")
        prompt.append(visible_line(" ".join(text.split())))
        choices.append(Selection(prompt, answer_id, ticked))
    return choices


class BulkReviewScreen(ModalScreen[tuple[int, ...] | None]):
    """Dismisses with the ticked answer ids on "y", or None on Escape."""

    BINDINGS = [
        Binding("y", "confirm", "Apply to ticked", id="bulk_review_apply"),
        Binding("a", "tick_all", "Tick all", id="bulk_review_all"),
        Binding("n", "tick_none", "Tick none", id="bulk_review_none"),
        Binding("escape", "cancel", "Cancel", id="bulk_review_cancel"),
    ]

    def __init__(self, title: str, answers: list[tuple[int, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.answers = answers

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="bulk-review"):
            yield Label(inert_line(self.title_text), classes="dialog-title")
            yield TickList(*answer_choices(self.answers, ticked=True), id="bulk-answers")
            yield Static("", id="bulk-detail", classes="suggestion-detail")
            yield Label("", id="bulk-count", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()
        self._count()

    def on_selection_list_selection_highlighted(self, event: SelectionList.SelectionHighlighted) -> None:
        """The list shows one line per answer; the highlighted one is shown in full below."""
        self.query_one("#bulk-detail", Static).update(inert(dict(self.answers)[event.selection.value]))

    def on_selection_list_selected_changed(self) -> None:
        self._count()

    def _count(self) -> None:
        ticked = len(self.query_one(SelectionList).selected)
        self.query_one("#bulk-count", Label).update(
            f"{ticked} of {len(self.answers)} ticked  ·  Space ticks · a all · n none · "
            "y apply · Escape cancels"
        )

    def action_tick_all(self) -> None:
        self.query_one(SelectionList).select_all()

    def action_tick_none(self) -> None:
        self.query_one(SelectionList).deselect_all()

    def action_confirm(self) -> None:
        self.dismiss(tuple(self.query_one(SelectionList).selected))

    def action_cancel(self) -> None:
        self.dismiss(None)

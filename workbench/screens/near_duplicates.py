"""The near-duplicates of one answer, and "give all of them this answer's codes"."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Label, ProgressBar, SelectionList, Static

from workbench import coding
from workbench.display import visible_line
from workbench.errors import UserError
from workbench.review.blind import Visibility
from workbench.screens.bulk_review import answer_choices
from workbench.screens.confirm import ConfirmDialog
from workbench.screens.suggestion_job import SuggestionJobScreen, answer_label, current_answer_id
from workbench.store import answers as answer_rows
from workbench.store import codings as coding_rows
from workbench.widgets.inert import inert_line
from workbench.widgets.tick_list import TickList


class NearDuplicatesScreen(SuggestionJobScreen):
    """The answer's uncoded near-duplicates, all ticked; "b" gives the ticked ones its codes."""

    BINDINGS = [
        Binding("b", "apply_codes", "Give them this answer's codes", id="duplicates_apply"),
        Binding("a", "tick_all", "Tick all", id="duplicates_all"),
        Binding("n", "tick_none", "Tick none", id="duplicates_none"),
    ]

    def __init__(self, answer_id: int | None = None) -> None:
        super().__init__()
        self.answer_id = answer_id
        self.codes: dict[str, str] = {}  # code id -> "Theme > Code", the answer's own codes

    def compose(self) -> ComposeResult:
        yield Label("", id="duplicates-title", classes="screen-title")
        yield Static("", id="duplicates-answer", classes="suggestion-context")
        yield ProgressBar(id="suggestion-progress", show_eta=False, classes="-idle")
        yield TickList(id="duplicate-list")
        yield Label("", id="duplicates-status", classes="suggestion-status")
        yield Footer()

    def on_mount(self) -> None:
        self.answer_id = self.answer_id or current_answer_id(self.app)
        self.visibility = Visibility.of(self.app.store, self.app.coder, self.app.settings.blind)
        self.query_one(SelectionList).focus()
        detail = answer_rows.answer_detail(self.app.store, self.answer_id) if self.answer_id else None
        if detail is None:
            self.query_one("#duplicates-title", Label).update("Near-duplicates")
            self.show_status("Open an answer first.")
            return
        self.query_one("#duplicates-title", Label).update(
            inert_line(f"Near-duplicates of {answer_label(detail)}")
        )
        self.codes = self._own_codes()
        self._show_answer(detail["text"])
        self.show_status("Looking for near-duplicates…")
        self.start_job()

    def _own_codes(self) -> dict[str, str]:
        """The codes this coder has put on the answer, with their "Theme > Code" names."""
        codes = {}
        for segment in coding_rows.segments_with_codes(self.app.store, self.answer_id):
            for row in segment["codings"]:
                if row["coder"] == self.app.coder:
                    codes[row["code_id"]] = coding.Codebook.from_store(self.app.store).path(row["code_id"])
        return codes

    def _show_answer(self, text: str) -> None:
        shown = Text(visible_line(" ".join(text.split())))
        shown.append("\nIts codes: ", style="bold")
        shown.append(
            visible_line(", ".join(self.codes.values())) or "none of yours yet — code it first",
            style="" if self.codes else "italic",
        )
        self.query_one("#duplicates-answer", Static).update(shown)

    def compute(self, suggester, on_progress) -> tuple[tuple[int, str], ...]:
        group = suggester.duplicates_of(self.answer_id)
        if group is None:
            return ()
        pairs = zip(group.answer_ids, group.texts, strict=True)
        visible = set(self.visibility.answers(group.answer_ids))
        return tuple(
            (answer_id, text)
            for answer_id, text in pairs
            if answer_id != self.answer_id and answer_id in visible
        )

    def show_result(self, result: tuple[tuple[int, str], ...]) -> None:
        selection_list = self.query_one(SelectionList)
        selection_list.clear_options()
        selection_list.add_options(answer_choices(list(result), ticked=True))
        if result:
            selection_list.highlighted = 0
        self.show_status(
            f"{len(result)} uncoded near-duplicates."
            if result
            else "No uncoded near-duplicates of this answer."
        )

    def action_tick_all(self) -> None:
        self.query_one(SelectionList).select_all()

    def action_tick_none(self) -> None:
        self.query_one(SelectionList).deselect_all()

    def action_apply_codes(self) -> None:
        ticked = tuple(self.query_one(SelectionList).selected)
        if not self.require_writable():
            return
        if not self.codes:
            self.notify("This answer has no codes of yours yet; code it first.", severity="warning")
        elif not ticked:
            self.notify("Tick the near-duplicates that should get the codes.", severity="warning")
        else:
            question = f"Give {len(ticked)} near-duplicates the codes {', '.join(self.codes.values())}?"
            self.app.push_screen(ConfirmDialog(question), lambda yes: yes and self._apply(ticked))

    def _apply(self, ticked: tuple[int, ...]) -> None:
        try:
            coded = coding.apply_to_answers(self.app.store, list(ticked), list(self.codes), self.app.coder)
        except UserError as error:
            self.notify(str(error), severity="error")
            return
        self.changed = True
        self.notify(f"Coded {coded} near-duplicates.")
        self.start_job()

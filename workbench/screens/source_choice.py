"""Choose the earlier question(s) a question comes from: type to filter, most similar first."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from workbench.ingest.mapping_edit import similarity
from workbench.screens.question_choice import question_matches
from workbench.widgets.inert import inert_line

ID_WIDTH = 16


class SourceChoiceDialog(ModalScreen[tuple[str, ...] | None]):
    """Dismisses with the chosen question ids, or None on Escape.

    One question (continued, split): Enter chooses it. Several (merged): Enter ticks or
    unticks the highlighted one and Ctrl+S takes the ticked ones.
    """

    DEFAULT_CSS = """
    #source-choice {
        width: 90; max-width: 96%; height: 90%; padding: 0 1;
        border: round $accent; background: $surface;
    }
    #source-choice-text { height: auto; max-height: 2; }
    #source-matches { height: 1fr; max-height: 100%; }
    """
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="source_choice_cancel"),
        Binding("ctrl+s", "done", "Done", id="source_choice_done"),
        Binding("down", "move(1)", "Next", id="source_choice_down", show=False),
        Binding("up", "move(-1)", "Previous", id="source_choice_up", show=False),
    ]

    def __init__(self, form_id: str, text: str, earlier: list[dict], chosen: tuple[str, ...], several: bool):
        super().__init__()
        self.form_id, self.text, self.several = form_id, text, several
        self.chosen = list(chosen)
        scores = {row["id"]: similarity(text, row["text"]) for row in earlier}
        self.scores = scores
        self.earlier = sorted(earlier, key=lambda row: (-scores[row["id"]], row["id"]))

    def compose(self) -> ComposeResult:
        with Vertical(id="source-choice"):
            yield Label(inert_line(f"Earlier question(s) for {self.form_id}"), classes="dialog-title")
            yield Static(inert_line(self.text[:300]), id="source-choice-text")
            yield Input(placeholder="Type part of its id or text…", id="source-filter")
            yield OptionList(id="source-matches")
            hint = "Enter ticks/unticks · Ctrl+S takes the ticked" if self.several else "Enter chooses"
            yield Label(f"{hint} · Escape cancels", classes="dialog-hint")

    def on_mount(self) -> None:
        self._refresh("")
        self.query_one(Input).focus()

    @on(Input.Changed, "#source-filter")
    def _changed(self, event: Input.Changed) -> None:
        self._refresh(event.value)

    def _refresh(self, query: str, keep: str | None = None) -> None:
        option_list = self.query_one(OptionList)
        found = question_matches(query, self.earlier)
        option_list.set_options(Option(self._prompt(row), id=row["id"]) for row in found)
        ids = [row["id"] for row in found]
        if ids:
            option_list.highlighted = ids.index(keep) if keep in ids else 0

    def _prompt(self, row: dict) -> Content:
        tick = ("[x] " if row["id"] in self.chosen else "[ ] ") if self.several else ""
        shown = row["id"] if len(row["id"]) <= ID_WIDTH else row["id"][: ID_WIDTH - 1] + "…"
        return inert_line(f"{tick}{shown:<{ID_WIDTH}} {self.scores[row['id']]:>3} %  {row['text']}")

    def action_move(self, step: int) -> None:
        option_list = self.query_one(OptionList)
        if option_list.option_count:
            current = option_list.highlighted or 0
            option_list.highlighted = (current + step) % option_list.option_count

    @on(Input.Submitted, "#source-filter")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        option = self.query_one(OptionList).highlighted_option
        if option is not None:
            self._take(option.id)

    @on(OptionList.OptionSelected, "#source-matches")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._take(event.option.id)

    def _take(self, question_id: str) -> None:
        if not self.several:
            self.dismiss((question_id,))
            return
        if question_id in self.chosen:
            self.chosen.remove(question_id)
        else:
            self.chosen.append(question_id)
        self._refresh(self.query_one(Input).value, keep=question_id)

    def action_done(self) -> None:
        if self.several:
            self.dismiss(tuple(self.chosen))
            return
        option = self.query_one(OptionList).highlighted_option
        self.dismiss((option.id,) if option is not None else None)

    def action_cancel(self) -> None:
        self.dismiss(None)

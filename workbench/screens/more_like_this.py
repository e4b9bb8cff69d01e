"""More like this: the uncoded answers most like a code, to tick and code in one go."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Label, ProgressBar, SelectionList, Static

from workbench import coding
from workbench.errors import UserError
from workbench.screens.bulk_review import answer_choices
from workbench.screens.code_choice import CodeChoiceDialog
from workbench.screens.confirm import ConfirmDialog
from workbench.screens.suggestion_job import SuggestionJobScreen
from workbench.suggest.results import RankedAnswer
from workbench.widgets.inert import inert, inert_line
from workbench.widgets.tick_list import TickList


class MoreLikeThisScreen(SuggestionJobScreen):
    """Uncoded answers ranked by similarity to a code (of the current question if there is one)."""

    BINDINGS = [
        Binding("b", "apply_code", "Code ticked answers", id="similar_apply"),
        Binding("o", "choose_code", "Another code", id="similar_choose_code"),
        Binding("a", "tick_all", "Tick all", id="similar_all"),
        Binding("n", "tick_none", "Tick none", id="similar_none"),
    ]

    def __init__(self, code_id: str | None = None, question_id: str | None = None) -> None:
        super().__init__()
        self.code_id = code_id
        self.question_id = question_id
        self.text_of: dict[int, str] = {}

    def compose(self) -> ComposeResult:
        yield Label("More like this", id="similar-title", classes="screen-title")
        yield ProgressBar(id="suggestion-progress", show_eta=False, classes="-idle")
        yield TickList(id="similar-list")
        yield Static("", id="similar-detail", classes="suggestion-detail")
        yield Label("", id="similar-status", classes="suggestion-status")
        yield Footer()

    def on_mount(self) -> None:
        self.question_id = self.question_id or self.app.current_question_id
        self.query_one(SelectionList).focus()
        if self.code_id is None:
            self.show_status("Choose a code (o).")
            self.action_choose_code()
        else:
            self.rank()

    def action_choose_code(self) -> None:
        codes = [code for code in coding.Codebook.from_store(self.app.store).live_rows() if code["codable"]]
        self.app.push_screen(CodeChoiceDialog("More answers like which code?", codes), self._code_chosen)

    def _code_chosen(self, code_id: str | None) -> None:
        if code_id is not None:
            self.code_id = code_id
            self.rank()

    def rank(self) -> None:
        where = (
            f"uncoded answers to {self.question_id}"
            if self.question_id
            else "uncoded answers to the questions it is used in"
        )
        self.query_one("#similar-title", Label).update(
            inert_line(
                f"More like “{coding.Codebook.from_store(self.app.store).path(self.code_id)}”  ·  {where}"
            )
        )
        self.query_one(SelectionList).clear_options()
        self.show_status("Ranking…")
        self.start_job()

    def compute(self, suggester, on_progress) -> tuple[RankedAnswer, ...]:
        suggester.fit(on_progress)
        return tuple(suggester.more_like_this(self.code_id, self.question_id))

    def show_result(self, result: tuple[RankedAnswer, ...]) -> None:
        selection_list = self.query_one(SelectionList)
        selection_list.clear_options()
        answers = [(ranked.answer_id, ranked.text) for ranked in result]
        self.text_of = dict(answers)
        notes = {ranked.answer_id: f"{ranked.similarity:.2f}" for ranked in result}
        selection_list.add_options(answer_choices(answers, ticked=False, notes=notes))
        if result:
            selection_list.highlighted = 0
        self.show_status(
            f"{len(result)} answers, most similar first · Space ticks"
            if result
            else "No uncoded answers left."
        )

    def on_selection_list_selection_highlighted(self, event: SelectionList.SelectionHighlighted) -> None:
        """The list shows one line per answer; the highlighted one is shown in full below."""
        self.query_one("#similar-detail", Static).update(inert(self.text_of.get(event.selection.value, "")))

    def action_tick_all(self) -> None:
        self.query_one(SelectionList).select_all()

    def action_tick_none(self) -> None:
        self.query_one(SelectionList).deselect_all()

    def action_apply_code(self) -> None:
        ticked = tuple(self.query_one(SelectionList).selected)
        if not self.require_writable():
            return
        if self.code_id is None or not ticked:
            self.notify("Tick the answers that should get the code (Space).", severity="warning")
        else:
            path = coding.Codebook.from_store(self.app.store).path(self.code_id)
            self.app.push_screen(
                ConfirmDialog(f"Code {len(ticked)} answers with “{path}”?"),
                lambda yes: yes and self._apply(ticked),
            )

    def _apply(self, ticked: tuple[int, ...]) -> None:
        try:
            coded = coding.apply_to_answers(self.app.store, list(ticked), [self.code_id], self.app.coder)
        except UserError as error:
            self.notify(str(error), severity="error")
            return
        self.changed = True
        self.notify(f"Coded {coded} answers.")
        self.rank()

"""Go to any question: type part of its id or text, Enter (the `g` key and the palette).
Keys typed right after Enter or Escape reach the coding screen (see ``prompt_keys``)."""

from __future__ import annotations

from rapidfuzz import fuzz, utils
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from workbench.screens.prompt_keys import caught_up, prompt_bindings
from workbench.widgets.inert import inert_line

MATCH_CUTOFF = 50


def question_matches(query: str, questions: list[dict]) -> list[dict]:
    """The questions whose id or text fit the query, best first (all of them, in order, if
    empty): an id it begins, then texts holding it word for word, then fuzzy matches."""
    if not query.strip():
        return questions
    wanted = query.strip().casefold()
    scored = []
    for question in questions:
        label = f"{question['id']} {question['text']}"
        score = fuzz.WRatio(query, label, processor=utils.default_process)
        if question["id"].casefold().startswith(wanted):
            score = 300.0
        elif wanted in label.casefold():
            score = 200.0
        if score >= MATCH_CUTOFF:
            scored.append((score, question))
    scored.sort(key=lambda pair: -pair[0])
    return [question for _score, question in scored]


class QuestionChoiceDialog(ModalScreen[str | None]):
    """Dismisses with a question id, or None on Escape."""

    BINDINGS = [
        *prompt_bindings("question_choice"),
        Binding("down", "move(1)", "Next", id="question_choice_down", show=False),
        Binding("up", "move(-1)", "Previous", id="question_choice_up", show=False),
    ]

    def __init__(self, questions: list[dict], progress: dict[str, tuple[int, int]]) -> None:
        super().__init__()
        self.questions = questions
        self.progress = progress
        self._listed_for: str | None = None  # the filter text the list was built from

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-tall"):
            yield Label("Go to question", classes="dialog-title")
            yield Input(placeholder="Type part of its id or text…", id="question-filter")
            yield OptionList(id="question-matches")
            yield Label("↑↓ · Enter to go · Escape to stay", classes="dialog-hint")

    def on_mount(self) -> None:
        self._refresh("")
        self.query_one(Input).focus()

    @on(Input.Changed, "#question-filter")
    def _changed(self, event: Input.Changed) -> None:
        self._refresh(event.value)

    def _refresh(self, query: str) -> None:
        self._listed_for = query
        option_list = self.query_one(OptionList)
        option_list.set_options(
            Option(self._prompt(question), id=question["id"])
            for question in question_matches(query, self.questions)
        )
        if option_list.option_count:
            option_list.highlighted = 0

    def _prompt(self, question: dict) -> Content:
        answered, coded = self.progress.get(question["id"], (0, 0))
        return inert_line(f"{question['id']}  {coded}/{answered}  {question['text']}")

    def action_move(self, step: int) -> None:
        option_list = self.query_one(OptionList)
        if option_list.option_count:
            current = option_list.highlighted or 0
            option_list.highlighted = (current + step) % option_list.option_count

    async def action_choose(self) -> None:
        """Go to the highlighted question, of the list for all the text typed before Enter."""
        query = self.query_one(Input)
        await caught_up(query)
        if query.value != self._listed_for:
            self._refresh(query.value)
        option = self.query_one(OptionList).highlighted_option
        self.dismiss(option.id if option else None)

    @on(OptionList.OptionSelected, "#question-matches")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)

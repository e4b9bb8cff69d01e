"""Above the answer: the question, where the coder is among its answers, and the respondent."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label

from workbench.widgets.inert import inert_line


class AnswerHeader(Vertical):
    """Three lines; every text from the data goes through ``inert_line``."""

    DEFAULT_CSS = "AnswerHeader { height: auto; }"

    _place: tuple[str, str] | None = None

    def compose(self) -> ComposeResult:
        yield Label("", id="question-text")
        yield Label("", id="answer-position")
        yield Label("", id="respondent")

    def show_question(self, question_id: str, text: str) -> None:
        self.query_one("#question-text", Label).update(inert_line(f"{question_id}  {text}"))

    def show_place(self, position: str, respondent: str) -> None:
        """Where the coder is and whose answer it is (unchanged lines are not painted again; a
        line that needs more or fewer lines than before gets them)."""
        if self._place == (position, respondent):
            return
        self._place = (position, respondent)
        for selector, text in (("#answer-position", position), ("#respondent", respondent)):
            label = self.query_one(selector, Label)
            label.update(inert_line(text), layout=_lines(label, text) != label.size.height)


def _lines(label: Label, text: str) -> int:
    """The lines ``text`` takes in the label at its width (a new layout only when they change)."""
    width = label.size.width
    return len(Text(text).wrap(label.app.console, width)) if width > 0 else label.size.height

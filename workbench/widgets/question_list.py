"""The list of questions, each with a text progress bar (coded / answered)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rich.text import Text
from textual import work
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from workbench.display import visible_line
from workbench.store import Store

BAR_WIDTH = 14


def progress_bar(coded: int, answered: int, width: int = BAR_WIDTH) -> Text:
    """A bar such as '━━━━━━╺──────── 40/100' as styled text."""
    filled = round(width * coded / answered) if answered else 0
    bar = Text("━" * filled, style="green" if coded == answered and answered else "cyan")
    bar.append("─" * (width - filled), style="dim")
    bar.append(f" {coded}/{answered}", style="dim" if coded < answered else "green")
    return bar


class QuestionList(OptionList):
    """Questions in report order; choosing one posts ``QuestionChosen``."""

    class QuestionChosen(Message):
        def __init__(self, question_id: str) -> None:
            super().__init__()
            self.question_id = question_id

    class ProgressCounted(Message):
        """Per-question (answered, coded) counts, counted in a worker."""

        def __init__(self, progress: dict[str, tuple[int, int]]) -> None:
            super().__init__()
            self.progress = progress

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._questions: list[dict] = []
        self._progress: dict[str, tuple[int, int]] = {}

    def show_questions(self, questions: list[dict], current_id: str | None) -> None:
        """Fill the list; progress bars stay empty until ``show_progress``."""
        self._questions = questions
        self._rebuild(current_id)

    @work(thread=True, exclusive=True, group="progress")
    def count_progress(self, path: Path, counter: Callable[[Store], dict[str, tuple[int, int]]]) -> None:
        """Count every question's progress with a connection of this thread's own."""
        with Store(path, read_only=True) as store:
            progress = counter(store)
        self.post_message(self.ProgressCounted(progress))

    def on_question_list_progress_counted(self, message: ProgressCounted) -> None:
        self.show_progress(message.progress)

    def show_progress(self, progress: dict[str, tuple[int, int]]) -> None:
        """Update every bar from {question id: (answered, coded)}."""
        self._progress.update(progress)
        self._rebuild(self._highlighted_id())

    @property
    def progress(self) -> dict[str, tuple[int, int]]:
        """{question id: (answered, coded)} as last counted."""
        return dict(self._progress)

    def highlight_question(self, question_id: str) -> None:
        ids = [question["id"] for question in self._questions]
        if question_id in ids:
            self.highlighted = ids.index(question_id)

    def counts(self, question_id: str | None) -> tuple[int, int]:
        """(answered, coded) for a question, as last counted."""
        return self._progress.get(question_id, (0, 0))

    def adjust(self, question_id: str | None, coded_change: int) -> None:
        """One answer became coded (+1) or uncoded (-1): update its bar without recounting."""
        if coded_change and question_id in self._progress:
            answered, coded = self._progress[question_id]
            self._progress[question_id] = (answered, coded + coded_change)
            index = next(i for i, q in enumerate(self._questions) if q["id"] == question_id)
            self.replace_option_prompt_at_index(index, self._prompt(self._questions[index]))

    def _highlighted_id(self) -> str | None:
        option = self.highlighted_option
        return option.id if option else None

    def _rebuild(self, current_id: str | None) -> None:
        self.set_options(Option(self._prompt(question), id=question["id"]) for question in self._questions)
        ids = [question["id"] for question in self._questions]
        if current_id in ids:
            self.highlighted = ids.index(current_id)

    def _prompt(self, question: dict) -> Text:
        title = Text(visible_line(question["id"]), style="bold")
        title.append(f"  {visible_line(question['text'])}", style="")
        title.truncate(BAR_WIDTH + 12, overflow="ellipsis")
        answered, coded = self._progress.get(question["id"], (0, 0))
        return Text.assemble(title, "\n", progress_bar(coded, answered))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.QuestionChosen(event.option.id))

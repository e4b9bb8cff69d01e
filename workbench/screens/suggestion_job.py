"""The base of the suggestion screens: one suggestion job with progress, cancelled by Escape.

The job runs in a worker thread with a project connection of its own and a ``Suggester``
built on it; it hands back immutable results and never touches a widget.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Label

from workbench.project import open_project
from workbench.screens.job import JobScreen
from workbench.widgets.inert import inert_line


def current_answer_id(app) -> int | None:
    """The answer the coding screen shows, for screens opened from the palette."""
    return app.current_answer_id


def answer_label(detail: dict) -> str:
    """An answer as the coder knows it: the respondent's answer to the question."""
    return f"the answer of {detail['respondent_id']} to {detail['question_id']}"


class SuggestionJobScreen(JobScreen[bool]):
    """Runs ``compute`` in a worker and shows its result; dismisses True if anything was coded."""

    BINDINGS = [Binding("escape", "close", "Back / cancel", id="suggestion_back")]

    def __init__(self) -> None:
        super().__init__()
        self.changed = False

    def compute(self, suggester, on_progress) -> object:
        """The job itself, run in the worker thread; subclasses override it."""
        raise NotImplementedError

    def show_result(self, result: object) -> None:
        """Show what ``compute`` returned; subclasses override it."""
        raise NotImplementedError

    def start_job(self) -> None:
        """Run ``compute`` in the background on a connection of the worker's own."""
        path, coder = self.store.path, self.coder

        def job(on_progress):
            from workbench.suggest.service import Suggester  # scikit-learn: loaded on first use

            with open_project(path, read_only=True) as store:
                return self.compute(Suggester(store, coder=coder), on_progress)

        self.run_in_background(job)

    def job_finished(self, result: object) -> None:
        self.show_result(result)

    def job_failed(self, reason: str) -> None:
        self.show_status(reason)
        self.notify(reason, severity="warning", timeout=3)

    def show_status(self, text: str) -> None:
        """Say what the list below is waiting for, or why it is empty."""
        self.query_one(".suggestion-status", Label).update(inert_line(text))

    def action_close(self) -> None:
        if not self.cancel_job():
            self.dismiss(self.changed)

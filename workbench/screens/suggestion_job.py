"""The base of the suggestion screens: one background job with progress, cancelled by Escape.

The job runs in a worker thread with a project connection of its own and a ``Suggester``
built on it; it hands back immutable results in a message and never touches a widget.
"""

from __future__ import annotations

from textual import work
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Label, ProgressBar
from textual.worker import Worker, WorkerState, get_current_worker

from workbench.errors import UserError
from workbench.project import open_project
from workbench.suggest.service import Suggester
from workbench.widgets.inert import inert_line

JOB_GROUP = "suggestion-job"


def current_answer_id(app) -> int | None:
    """The answer the coding screen shows, for screens opened from the palette."""
    from workbench.screens.coding import CodingScreen

    coding_screens = [screen for screen in app.screen_stack if isinstance(screen, CodingScreen)]
    return coding_screens[0].answer_id if coding_screens else None


class JobCancelled(Exception):
    """Raised inside the worker when the coder pressed Escape."""


class SuggestionJobScreen(Screen[bool]):
    """Runs ``compute`` in a worker and shows its result; dismisses True if anything was coded."""

    BINDINGS = [Binding("escape", "close", "Back / cancel", id="suggestion_back")]

    class Progressed(Message):
        """The running job got further."""

        def __init__(self, done: int, total: int) -> None:
            super().__init__()
            self.done, self.total = done, total

    class Finished(Message):
        """The job produced its result (an immutable value)."""

        def __init__(self, result: object) -> None:
            super().__init__()
            self.result = result

    class Failed(Message):
        """The job stopped without a result."""

        def __init__(self, reason: str) -> None:
            super().__init__()
            self.reason = reason

    def __init__(self) -> None:
        super().__init__()
        self.running = False
        self.changed = False

    def compute(self, suggester: Suggester, on_progress) -> object:
        """The job itself, run in the worker thread; subclasses override it."""
        raise NotImplementedError

    def show_result(self, result: object) -> None:
        """Show what ``compute`` returned; subclasses override it."""
        raise NotImplementedError

    def start_job(self) -> None:
        """Run ``compute`` in the background, replacing a job still running."""
        self.running = True
        bar = self.query_one(ProgressBar)
        bar.remove_class("-idle")
        bar.update(total=None, progress=0)
        self.run_job()

    @work(thread=True, exclusive=True, group=JOB_GROUP, exit_on_error=False)
    def run_job(self) -> None:
        worker = get_current_worker()

        def on_progress(done: int, total: int) -> None:
            if worker.is_cancelled:
                raise JobCancelled
            self.post_message(self.Progressed(done, total))

        try:
            with open_project(self.app.store.path, read_only=True) as store:
                suggester = Suggester(store, coder=self.app.coder)
                result = self.compute(suggester, on_progress)
        except JobCancelled:
            return  # whoever cancelled it has already said so
        except UserError as error:
            self.post_message(self.Failed(str(error)))
            return
        if not worker.is_cancelled:
            self.post_message(self.Finished(result))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """An unexpected error still ends the job with a message."""
        if event.worker.group == JOB_GROUP and event.state == WorkerState.ERROR:
            self.post_message(self.Failed(f"Failed: {event.worker.error}"))

    def on_suggestion_job_screen_progressed(self, message: Progressed) -> None:
        self.query_one(ProgressBar).update(total=message.total, progress=message.done)

    def on_suggestion_job_screen_finished(self, message: Finished) -> None:
        self._stop()
        self.show_result(message.result)

    def on_suggestion_job_screen_failed(self, message: Failed) -> None:
        self._stop()
        self.show_status(message.reason)
        self.notify(message.reason, severity="warning")

    def show_status(self, text: str) -> None:
        """Say what the list below is waiting for, or why it is empty."""
        self.query_one(".suggestion-status", Label).update(inert_line(text))

    def _stop(self) -> None:
        self.running = False
        self.query_one(ProgressBar).add_class("-idle")

    def action_close(self) -> None:
        if self.running:
            self.workers.cancel_group(self, JOB_GROUP)
            self._stop()
            self.show_status("Cancelled.")
            self.notify("Cancelled.", timeout=2)
            return
        self.dismiss(self.changed)

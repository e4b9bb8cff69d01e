"""The one background-job pattern of the screens: a worker thread runs a core function with
an ``on_progress(done, total)`` callback, a progress bar shows it, Escape cancels it, and the
result or the failure comes back as a message. Workers never touch widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic

from textual import work
from textual.message import Message
from textual.widgets import ProgressBar
from textual.worker import Worker, WorkerState, get_current_worker

from workbench.errors import UserError
from workbench.screens.base import ResultType, WorkbenchScreen

JOB_GROUP = "job"

Progress = Callable[[int, int], None]


class JobCancelled(Exception):
    """Raised inside the worker, at its next progress report, once Escape was pressed."""


class JobScreen(WorkbenchScreen[ResultType], Generic[ResultType]):
    """A screen that runs one job at a time; subclasses say what to show when it ends."""

    class Progressed(Message):
        def __init__(self, done: int, total: int) -> None:
            super().__init__()
            self.done, self.total = done, total

    class Finished(Message):
        """The job produced its result (an immutable value)."""

        def __init__(self, result: object) -> None:
            super().__init__()
            self.result = result

    class Failed(Message):
        """The job stopped without a result; ``reason`` is one sentence for the coder."""

        def __init__(self, reason: str) -> None:
            super().__init__()
            self.reason = reason

    job_running = False

    def run_in_background(self, job: Callable[[Progress], object]) -> None:
        """Run ``job(on_progress)`` in a worker thread, replacing one still running.

        ``job`` must open its own project connection: a connection belongs to its thread.
        """
        self.job_running = True
        for bar in self.query(ProgressBar):
            bar.remove_class("-idle")
            bar.update(total=None, progress=0)
        self._run_job(job)

    @work(thread=True, exclusive=True, group=JOB_GROUP, exit_on_error=False)
    def _run_job(self, job: Callable[[Progress], object]) -> None:
        worker = get_current_worker()

        def on_progress(done: int, total: int) -> None:
            if worker.is_cancelled:
                raise JobCancelled
            self.post_message(self.Progressed(done, total))

        try:
            result = job(on_progress)
        except JobCancelled:
            return  # cancel_job has already said so
        except UserError as error:
            self.post_message(self.Failed(str(error)))
            return
        if not worker.is_cancelled:
            self.post_message(self.Finished(result))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """An unexpected error still ends the job with a message."""
        if event.worker.group == JOB_GROUP and event.state == WorkerState.ERROR:
            self.post_message(self.Failed(f"Failed: {event.worker.error}"))

    def on_job_screen_progressed(self, message: Progressed) -> None:
        for bar in self.query(ProgressBar):
            bar.update(total=message.total, progress=message.done)

    def on_job_screen_finished(self, message: Finished) -> None:
        self._stop_job()
        for bar in self.query(ProgressBar):
            bar.update(total=bar.total or 1, progress=bar.total or 1)
        self.job_finished(message.result)

    def on_job_screen_failed(self, message: Failed) -> None:
        self._stop_job()
        self.job_failed(message.reason)

    def job_finished(self, result: object) -> None:
        """Show what the job returned (subclasses override)."""

    def job_failed(self, reason: str) -> None:
        """Say why the job stopped (subclasses may show it elsewhere too)."""
        self.notify(reason, severity="warning")

    def cancel_job(self) -> bool:
        """Escape: cancel a running job and say so; False if none was running."""
        if not self.job_running:
            return False
        self.workers.cancel_group(self, JOB_GROUP)
        self._stop_job()
        self.job_failed("Cancelled; nothing more was done.")
        return True

    def _stop_job(self) -> None:
        self.job_running = False
        for bar in self.query(ProgressBar):
            bar.add_class("-idle")

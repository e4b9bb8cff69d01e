"""A plain-text progress bar on stderr for long CLI jobs.

It appears only on a terminal, only once a job has run a second, and redraws only when the
shown figure changes, so piped output and logs stay clean.
"""

from __future__ import annotations

import sys
import time


class ProgressBar:
    """Callable as ``on_progress(done, total)``; draws once the job has run a second."""

    def __init__(self, label: str, *, stream=None, delay_seconds: float = 1.0, width: int = 30):
        self.label = label
        self.stream = stream or sys.stderr
        self.delay_seconds = delay_seconds
        self.width = width
        self._started = time.monotonic()
        self._drawn = False
        self._last_percent = -1
        self._interactive = bool(getattr(self.stream, "isatty", lambda: False)())

    def __call__(self, done: int, total: int) -> None:
        if not self._interactive or total <= 0:
            return
        if time.monotonic() - self._started < self.delay_seconds:
            return
        percent = int(100 * min(done, total) / total)
        if percent == self._last_percent:
            return
        self._last_percent = percent
        filled = self.width * percent // 100
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(f"\r{self.label} [{bar}] {percent:3d}% ({done}/{total})")
        self.stream.flush()
        self._drawn = True

    def finish(self) -> None:
        """End the bar's line if one was drawn."""
        if self._drawn:
            self.stream.write("\n")
            self.stream.flush()

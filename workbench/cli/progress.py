"""A plain-text progress bar on stderr for long CLI jobs (shown only after a second)."""

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

    def __call__(self, done: int, total: int) -> None:
        if time.monotonic() - self._started < self.delay_seconds or total <= 0:
            return
        filled = int(self.width * min(done, total) / total)
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(f"\r{self.label} [{bar}] {done}/{total}")
        self.stream.flush()
        self._drawn = True

    def finish(self) -> None:
        """End the bar's line if one was drawn."""
        if self._drawn:
            self.stream.write("\n")
            self.stream.flush()

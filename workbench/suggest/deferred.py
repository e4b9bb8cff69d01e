"""A suggester for the terminal workbench: fitted in a child process, answering on a
connection of its own, so neither the fit nor a suggestion delays the screen."""

from __future__ import annotations

from pathlib import Path

from workbench.heap import freeze_long_lived
from workbench.store import Store


def preload() -> None:
    """Import the suggester's libraries (scikit-learn: about a second) in the calling thread,
    before the screen opens: imported later by the fitting thread they held the interpreter for
    up to half a second while the coder typed."""
    import workbench.suggest.background  # noqa: F401
    import workbench.suggest.service  # noqa: F401


class DeferredSuggester:
    """Fits the suggester in a child process (the UI process never runs the long fit), then
    answers from the learned state on a connection of its own, so neither delays the screen.
    ``make_app`` imports scikit-learn with ``preload`` before the screen opens."""

    def __init__(self, path: str | Path, coder: str) -> None:
        self.path = path
        self.coder = coder
        self.store: Store | None = None
        self._suggester = None
        self._fit_elsewhere = None
        self._cancelled = False

    def fit(self, on_progress=None) -> DeferredSuggester:
        """Wait for the child's fit; after ``cancel`` return at once, still without suggestions."""
        from workbench.suggest import Suggester
        from workbench.suggest.background import BackgroundFit, FitCancelled

        self._fit_elsewhere = self._fit_elsewhere or BackgroundFit(self.path, coder=self.coder)
        if self._cancelled:  # cancel() ran before the line above: the fit must not start
            self._fit_elsewhere.cancel()
        try:
            state = self._fit_elsewhere(on_progress)
        except FitCancelled:
            return self
        self.store = self.store or Store(self.path)
        self._suggester = Suggester.from_state(self.store, state, fit_elsewhere=self._fit_elsewhere)
        freeze_long_lived()  # the learned state lives as long as the screen
        return self

    @property
    def notice(self) -> str:
        """One line for the coder when the fit fell back (e.g. the e5 engine is not installed)."""
        return getattr(self._suggester, "notice_", None) or ""

    def suggest(self, answer_id: int, top: int = 5) -> list:
        """Suggestions for the answer; none before the fit or when a refit was cancelled."""
        from workbench.suggest.background import FitCancelled

        try:
            return self._suggester.suggest(answer_id, top) if self._suggester else []
        except FitCancelled:
            return []

    def suggest_if_current(self, answer_id: int, top: int = 5) -> list | None:
        """Suggestions at once if nothing was coded since the last list (then this is a few
        milliseconds, cheap enough for the caller's thread); None if there is new to learn."""
        from workbench.store import events as event_rows

        if self._suggester is None or not hasattr(self._suggester, "seen_event_"):
            return None
        if event_rows.last_event_seq(self.store) != self._suggester.seen_event_:
            return None
        return self.suggest(answer_id, top)

    def learn(self) -> None:
        """Take in the codings made since the last list now, so the next ``suggest`` need not."""
        from workbench.suggest.background import FitCancelled

        try:
            if self._suggester is not None:
                self._suggester.refresh()
        except FitCancelled:
            return

    def cancel(self) -> None:
        """End a running fit in the child process, so closing the app never waits for it."""
        self._cancelled = True
        if self._fit_elsewhere is not None:
            self._fit_elsewhere.cancel()

    def close(self) -> None:
        self.cancel()
        if self.store is not None:
            self.store.close()

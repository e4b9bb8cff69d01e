"""Numbered suggestions (keys 1–9) of one answer, each with optional evidence.

While the list of the current answer is being computed it shows "…" and no numbers, so a
digit can never apply a suggestion meant for another answer; ``drawn`` is the list last
painted, so a digit typed before a new list reached the screen is not taken for it. Applied
codes get a ✓ and keep their number; codes not yet used in this question come after a divider.
Each row stays on one line: the path is shortened (theme first) so the name and score show,
and the scores stand in a column at the right.

One worker thread at a time talks to the suggester: asked for several answers while busy, it
computes only the latest; after a change it takes the new codings in at once (``learn``), so
the next answer's list does not wait for that. When the worker is idle and there is nothing
new to learn, a list takes milliseconds and is computed at once, without the worker.
"""

from __future__ import annotations

import threading

from rich.text import Text
from textual import work
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.timer import Timer
from textual.widgets import Static

from workbench.coding.session_values import Suggestions
from workbench.coding.short_path import cut, short_path
from workbench.display import visible_line

PENDING = "…"


class SuggestionList(Static):
    """Shows the suggestions of one answer; the screen applies number N on key N."""

    COMPONENT_CLASSES = {"suggestion-list--number", "suggestion-list--evidence"}

    class FitProgressed(Message):
        """The suggester learned a little more (``ready``: it has finished)."""

        def __init__(self, notice: str, ready: bool = False) -> None:
            super().__init__()
            self.notice, self.ready = notice, ready

    class Computed(Message):
        """The suggester's list for one answer (raw suggestions: immutable values)."""

        def __init__(self, answer_id: int, suggestions: list) -> None:
            super().__init__()
            self.answer_id, self.suggestions = answer_id, suggestions

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.suggestions: Suggestions | None = None
        self.drawn: Suggestions | None = None
        self.applied: frozenset[str] = frozenset()
        self.show_evidence = False
        self.suggester = None
        self.ready = False
        self._suggester_lock = threading.Lock()
        self._jobs_lock = threading.Lock()
        self._wanted: int | None = None  # the answer whose list is asked for next
        self._learn = False  # take in new codings before the next list
        self._busy = False
        self._timer: Timer | None = None

    def fit(self, suggester) -> None:
        """Fit the injected suggester in a worker; ``FitProgressed(ready=True)`` when done."""
        self.suggester = suggester
        self._fit_in_background()

    @work(thread=True, exclusive=True, group="suggest-fit")
    def _fit_in_background(self) -> None:
        def report(done: int, total: int) -> None:
            self.post_message(self.FitProgressed(f"learning suggestions {done}/{total}"))

        with self._suggester_lock:
            self.suggester.fit(on_progress=report)
        self.post_message(self.FitProgressed(getattr(self.suggester, "notice", ""), ready=True))

    def on_suggestion_list_fit_progressed(self, message: FitProgressed) -> None:
        self.ready = self.ready or message.ready

    def request(self, answer_id: int, delay: float = 0.0) -> None:
        """Compute the answer's list (after ``delay`` seconds of rest, if positive)."""
        if self._timer is not None:
            self._timer.stop()
        if delay > 0:
            self._timer = self.set_timer(delay, lambda: self._queue(answer_id))
        elif not self._computed_at_once(answer_id):
            self._queue(answer_id)

    def _computed_at_once(self, answer_id: int) -> bool:
        """With the worker idle and nothing new to learn, a list takes milliseconds: compute
        it here, so it is painted in the same frame as the answer (no second frame)."""
        at_once = getattr(self.suggester, "suggest_if_current", None)
        if at_once is None or self._busy or not self._suggester_lock.acquire(blocking=False):
            return False
        try:
            suggestions = at_once(answer_id, top=9)
        finally:
            self._suggester_lock.release()
        if suggestions is not None:
            self.post_message(self.Computed(answer_id, list(suggestions)))
        return suggestions is not None

    def learn(self) -> None:
        """The codings changed: let the suggester take them in now, before the next list."""
        if self.ready:
            self._queue(None)

    def _queue(self, answer_id: int | None) -> None:
        with self._jobs_lock:
            if answer_id is None:
                self._learn = True
            else:
                self._wanted = answer_id
            if self._busy:
                return
            self._busy = True
        self._serve_in_background()

    @work(thread=True, group="suggest")
    def _serve_in_background(self) -> None:
        """Serve the queued jobs, then stop (one call at a time: one database connection)."""
        while (job := self._next_job()) is not None:
            learn, answer_id = job
            with self._suggester_lock:
                if learn and hasattr(self.suggester, "learn"):
                    self.suggester.learn()
                suggestions = list(self.suggester.suggest(answer_id, top=9)) if answer_id else None
            if suggestions is not None:
                self.post_message(self.Computed(answer_id, suggestions))

    def _next_job(self) -> tuple[bool, int | None] | None:
        with self._jobs_lock:
            job = (self._learn, self._wanted)
            self._learn, self._wanted = False, None
            if job == (False, None):
                self._busy = False
                return None
            return job

    def show(self, suggestions: Suggestions | None, applied: frozenset[str]) -> None:
        """The list to show (None: still being computed) and the codes already applied;
        the same list with the same ticks is not painted again."""
        if suggestions is not None and suggestions is self.suggestions and applied == self.applied:
            return
        self.suggestions, self.applied = suggestions, applied
        self._render_rows()

    def render_lines(self, crop: Region) -> list[Strip]:
        """Paint the list, and remember that this list is now the one on screen."""
        self.drawn = self.suggestions
        return super().render_lines(crop)

    def toggle_evidence(self) -> None:
        self.show_evidence = not self.show_evidence
        self._render_rows()

    def _render_rows(self) -> None:
        if self.suggestions is None:
            self.update(Text(PENDING, style="dim"), layout=False)
            return
        if not self.suggestions.rows:
            self.update(Text("Nothing to suggest yet.", style="dim"), layout=False)
            return
        number_style = self.get_component_rich_style("suggestion-list--number")
        evidence_style = self.get_component_rich_style("suggestion-list--evidence")
        width = self.content_region.width or 80
        text = Text(no_wrap=True, overflow="ellipsis")
        divided = False
        for number, row in enumerate(self.suggestions.rows, start=1):
            if not row.in_question and not divided:
                text.append(cut("── other questions ──", width) + "\n", style=evidence_style)
                divided = True
            mark = "✓" if row.code_id in self.applied else " "
            path, score = visible_line(row.path), f"  {row.score:.2f}" if row.score is not None else ""
            if score and len(path) > width - 2 - len(score):  # tight: one space before the score
                score = score[1:]
            text.append(f"{number}{mark}", style=number_style)
            room = width - 2 - len(score)
            text.append(short_path(path, room).ljust(room) if score else short_path(path, room))
            text.append(score, style=evidence_style)
            if self.show_evidence and row.evidence:
                text.append(f"\n    {cut(visible_line(row.evidence), width - 4)}", style=evidence_style)
            text.append("\n")
        text.rstrip()
        self.update(text, layout=False)

    def on_resize(self) -> None:
        """Rows are cut to the width: cut them again when it changes."""
        if self.suggestions is not None:
            self._render_rows()

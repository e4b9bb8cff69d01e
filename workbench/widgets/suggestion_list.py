"""Numbered suggestions (keys 1–9) of one answer, each with optional evidence.

While the list of the current answer is being computed it shows "…" and no numbers, so a
digit can never apply a suggestion meant for another answer. Applied codes get a ✓ and keep
their number; codes not yet used in this question come after a divider.
"""

from __future__ import annotations

import threading

from rich.text import Text
from textual import work
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Static

from workbench.coding.session_values import Suggestions
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
        self.applied: frozenset[str] = frozenset()
        self.show_evidence = False
        self.suggester = None
        self.ready = False
        self._suggester_lock = threading.Lock()
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

    def request(self, answer_id: int, delay: float) -> None:
        """Compute the answer's list once the coder rests on it ``delay`` seconds."""
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(delay, lambda: self._suggest_in_background(answer_id))

    @work(thread=True, exclusive=True, group="suggest")
    def _suggest_in_background(self, answer_id: int) -> None:
        """Ask the suggester (one call at a time: it owns one database connection)."""
        with self._suggester_lock:
            suggestions = list(self.suggester.suggest(answer_id, top=9))
        self.post_message(self.Computed(answer_id, suggestions))

    def show(self, suggestions: Suggestions | None, applied: frozenset[str]) -> None:
        """The list to show (None: still being computed) and the codes already applied."""
        self.suggestions, self.applied = suggestions, applied
        self._render_rows()

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
        text = Text()
        divided = False
        for number, row in enumerate(self.suggestions.rows, start=1):
            if not row.in_question and not divided:
                text.append("── other questions ──\n", style=evidence_style)
                divided = True
            mark = "✓" if row.code_id in self.applied else " "
            text.append(f"{number}{mark}", style=number_style)
            text.append(visible_line(row.path))
            if row.score is not None:
                text.append(f"  {row.score:.2f}", style=evidence_style)
            if self.show_evidence and row.evidence:
                text.append(f"\n    {visible_line(row.evidence)}", style=evidence_style)
            text.append("\n")
        text.rstrip()
        self.update(text, layout=False)

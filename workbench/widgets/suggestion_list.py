"""Numbered suggestions (keys 1–9), each with optional evidence."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widgets import Static

from workbench.display import visible_line


@dataclass(frozen=True)
class SuggestionRow:
    """What the list shows for one suggestion: the code, its path, and why it is suggested."""

    code_id: str
    path: str
    evidence: str = ""
    score: float | None = None

    @classmethod
    def from_suggestion(cls, suggestion, paths: dict[str, str]) -> SuggestionRow:
        """From a ``workbench.suggest`` suggestion (code_id, score, evidence with text)."""
        evidence = list(getattr(suggestion, "evidence", ()) or ())
        best = evidence[0] if evidence else None
        text = ""
        if best is not None:
            similarity = getattr(best, "similarity", None)
            text = f"“{getattr(best, 'text', str(best))[:60]}”"
            text += f" ({similarity:.2f})" if similarity is not None else ""
        return cls(
            suggestion.code_id, paths.get(suggestion.code_id, "?"), text, getattr(suggestion, "score", None)
        )


class SuggestionList(Static):
    """Shows up to nine suggestions; the screen applies number N on key N."""

    COMPONENT_CLASSES = {"suggestion-list--number", "suggestion-list--evidence"}

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.rows: tuple[SuggestionRow, ...] = ()
        self.show_evidence = False

    def show_rows(self, rows: list[SuggestionRow]) -> None:
        self.rows = tuple(rows[:9])
        self._render_rows()

    def toggle_evidence(self) -> None:
        self.show_evidence = not self.show_evidence
        self._render_rows()

    def row_for_number(self, number: int) -> SuggestionRow | None:
        """The suggestion listed under number (1-based), if any."""
        return self.rows[number - 1] if 0 < number <= len(self.rows) else None

    def _render_rows(self) -> None:
        if not self.rows:
            self.update(Text("Nothing to suggest yet.", style="dim"), layout=False)
            return
        number_style = self.get_component_rich_style("suggestion-list--number")
        evidence_style = self.get_component_rich_style("suggestion-list--evidence")
        text = Text()
        for number, row in enumerate(self.rows, start=1):
            text.append(f"{number} ", style=number_style)
            text.append(visible_line(row.path))
            if row.score is not None:
                text.append(f"  {row.score:.2f}", style=evidence_style)
            if self.show_evidence and row.evidence:
                text.append(f"\n    {visible_line(row.evidence)}", style=evidence_style)
            text.append("\n")
        text.rstrip()
        self.update(text, layout=False)

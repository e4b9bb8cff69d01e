"""The values a coding session hands to its view: segments, suggestion rows and lists."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=\S)")


@dataclass(frozen=True)
class SuggestionRow:
    """One suggestion as shown: the code, its path, why it is suggested, and its score."""

    code_id: str
    path: str
    evidence: str = ""
    score: float | None = None
    in_question: bool = True

    @classmethod
    def from_suggestion(cls, suggestion, paths: dict[str, str]) -> SuggestionRow:
        """From a ``workbench.suggest`` suggestion (code_id, score, evidence with text)."""
        evidence = list(suggestion.evidence or ())
        text = ""
        if evidence:
            best = evidence[0]
            text = f"“{best.text[:60]}”"
            text += f" ({best.similarity:.2f})" if best.similarity is not None else ""
        return cls(suggestion.code_id, paths.get(suggestion.code_id, "?"), text, suggestion.score)


@dataclass(frozen=True)
class Suggestions:
    """The suggestion list of one answer; ``provisional`` lists (recent and frequent codes,
    before the suggester is fitted) give way to the suggester's list."""

    answer_id: int
    rows: tuple[SuggestionRow, ...]
    provisional: bool = False

    def row(self, number: int) -> SuggestionRow | None:
        """The suggestion listed under ``number`` (1-based), if any."""
        return self.rows[number - 1] if 0 < number <= len(self.rows) else None


@dataclass
class Segment:
    """A segment of the current answer with its codings (rows with code_id, coder, name …)."""

    id: str
    start: int
    end: int
    for_report: bool
    codings: list[dict] = field(default_factory=list)


def sentence_starts(text: str) -> list[int]:
    """Offsets where a sentence of ``text`` begins, after its first: the split proposals."""
    return [match.end() for match in SENTENCE_END.finditer(text)]


def outside_question(row: SuggestionRow) -> SuggestionRow:
    """The row marked as a code of other questions (listed after the divider)."""
    return SuggestionRow(row.code_id, row.path, row.evidence, row.score, in_question=False)

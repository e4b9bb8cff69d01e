"""Immutable results handed to the command line and the terminal UI."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Evidence:
    """A coded segment (or the code's definition) that supports a suggestion, and how similar.

    ``kind`` is "segment", or "definition" for the code's name + definition + parent theme
    (then ``segment_id`` and ``question_id`` are empty and ``answer_id`` is 0).
    """

    segment_id: str
    answer_id: int
    question_id: str
    text: str
    similarity: float
    wave: int | None = None  # the survey year of the coded answer (last year's examples show it)
    kind: str = "segment"


@dataclass(frozen=True)
class SentencePart:
    """Where a long answer's sentences point to a code of their own: sentence ``number``
    (1-based) begins the part ``start``–``end`` (offsets in the answer's text) to split off."""

    number: int
    start: int
    end: int


@dataclass(frozen=True)
class Suggestion:
    """A code proposed for a segment; never applied without the coder's key press.

    ``sentence`` is set when the answer's sentences point to different codes and one part of
    it points to this code: the part to offer "split here and code" for.
    """

    code_id: str
    name: str
    path: str
    score: float
    evidence: tuple[Evidence, ...]
    sentence: SentencePart | None = None


@dataclass(frozen=True)
class SentenceSuggestion:
    """One sentence of a long answer (offsets in the answer's text) and its own best codes.

    ``split_before`` is True when its best code differs from the previous sentence's: the
    place to offer "split here and code".
    """

    start: int
    end: int
    text: str
    suggestions: tuple[Suggestion, ...]
    split_before: bool


@dataclass(frozen=True)
class DuplicateGroup:
    """Near-identical answers of one question (two or more)."""

    answer_ids: tuple[int, ...]
    texts: tuple[str, ...]

    @property
    def size(self) -> int:
        return len(self.answer_ids)


@dataclass(frozen=True)
class Cluster:
    """Uncoded answers that belong together: a candidate code named by its distinctive words."""

    number: int
    words: tuple[str, ...]
    answer_ids: tuple[int, ...]
    texts: tuple[str, ...]
    name: str = ""  # a 2-5 word provisional code name from the distinctive content words
    definition: str = ""  # a proposed one-line definition from the most central answer

    @property
    def size(self) -> int:
        return len(self.answer_ids)

    @property
    def label(self) -> str:
        """A provisional code name from the distinctive words."""
        return self.name or " / ".join(self.words[:3]) or f"Cluster {self.number}"


@dataclass(frozen=True)
class RankedAnswer:
    """An uncoded answer and its similarity to a code."""

    answer_id: int
    text: str
    similarity: float

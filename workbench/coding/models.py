"""Immutable values the coding core hands out: segments, created codes, progress."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Segment:
    """A coded span of one answer: 0-based, end-exclusive code-point offsets."""

    id: str
    answer_id: int
    start: int
    end: int
    text: str
    for_report: bool = False


@dataclass(frozen=True)
class CodeCreated:
    """The id of a new code and the names of existing codes that look close to it."""

    id: str
    similar: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Progress:
    """How far the coding of one question has come."""

    question_id: str
    answered: int
    coded: int
    next_uncoded_answer_id: int | None

    @property
    def share_coded(self) -> float:
        """Coded answers as a share of answered ones (0.0 when none answered)."""
        return self.coded / self.answered if self.answered else 0.0

"""Reviewing another coder's work: walk their codings answer by answer, agree or comment.

Review marks carry UUIDs, so they travel with ``merge`` back to the coder who was reviewed.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.coding.codebook_tree import Codebook
from workbench.errors import UserError
from workbench.store import answers as answer_rows
from workbench.store import codings as coding_rows
from workbench.store import segments as segment_rows
from workbench.store import teams
from workbench.store.database import Store

AGREE = "agree"
COMMENT = "comment"


@dataclass(frozen=True)
class ReviewMark:
    """A reviewer's agreement or comment on a coder's coding of one segment."""

    id: str
    segment_id: str
    coder: str
    reviewer: str
    verdict: str
    text: str
    created_at: str


@dataclass(frozen=True)
class ReviewedSegment:
    """One segment of an answer under review: its text, the coder's codes, the marks so far."""

    segment_id: str
    text: str
    code_paths: tuple[str, ...]
    marks: tuple[ReviewMark, ...]
    other_paths: tuple[str, ...] = ()


def answers_to_review(store: Store, coder: str) -> list[int]:
    """The answers carrying the coder's codings, in question and answer order."""
    return answer_rows.answers_coded_by(store, coder)


def review_answer(
    store: Store, answer_id: int, coder: str, other: str | None = None
) -> list[ReviewedSegment]:
    """The segments of one answer in the coder's segmentation with the coder's codes, the marks
    and ``other``'s codes beside (those on ``other``'s own segments overlapping each one)."""
    paths = Codebook.from_store(store)
    theirs = segment_rows.coder_segments_of_answer(store, answer_id, other) if other else []
    return [
        ReviewedSegment(
            other_paths=tuple(
                sorted({paths.survivor_path(code) for code in _overlapping(store, theirs, row, other)})
            ),
            segment_id=row["id"],
            text=row["segment_text"],
            code_paths=tuple(
                sorted(
                    paths.survivor_path(code)
                    for code in coding_rows.codes_of_segment(store, row["id"], coder)
                )
            ),
            marks=tuple(
                _mark(mark) for mark in teams.comments_on_segment(store, row["id"]) if mark["coder"] == coder
            ),
        )
        for row in segment_rows.coder_segments_of_answer(store, answer_id, coder)
    ]


def _overlapping(store: Store, theirs: list[dict], row: dict, other: str | None) -> list[str]:
    """``other``'s codes on their segments that overlap ``row``."""
    return [
        code
        for segment in theirs
        if segment["start"] < row["end"] and row["start"] < segment["end"]
        for code in coding_rows.codes_of_segment(store, segment["id"], other)
    ]


def _mark(row: dict) -> ReviewMark:
    return ReviewMark(**{name: row[name] for name in ReviewMark.__dataclass_fields__})


def mark_agree(store: Store, segment_id: str, coder: str, reviewer: str) -> str:
    """Record that the reviewer agrees with the coder's codes on the segment."""
    return teams.add_comment(store, segment_id, coder, reviewer, AGREE, "")


def leave_comment(store: Store, segment_id: str, coder: str, reviewer: str, text: str) -> str:
    """Leave a comment for the coder on one of their segments."""
    if not text.strip():
        raise UserError("A review comment needs some text.")
    return teams.add_comment(store, segment_id, coder, reviewer, COMMENT, text.strip())


def marks_for(store: Store, coder: str) -> list[ReviewMark]:
    """Every review mark left on the coder's work, oldest first (shown to that coder)."""
    return [_mark(row) for row in teams.comments_for(store, coder)]


def coders_to_review(store: Store, reviewer: str) -> list[str]:
    """Coders whose work can be reviewed, others first, the reviewer's own work last."""
    names = teams.reviewable_coders(store)
    return [name for name in names if name != reviewer] + [name for name in names if name == reviewer]


def partner(store: Store, coder: str | None) -> str | None:
    """The coder who shares most coded segments with ``coder`` (shown side by side)."""
    for first, second in teams.coder_pairs(store):
        if coder in (first, second):
            return second if first == coder else first
    return None


def differing_answers(store: Store, coder: str, other: str) -> list[int]:
    """Answers both coders coded with different code sets, in question and answer order."""
    sets: dict[int, dict[str, set[str]]] = {}
    for _, answer, _, who, code in coding_rows.codings_of_coders(store, [coder, other]):
        sets.setdefault(answer, {}).setdefault(who, set()).add(code)
    differing = {answer for answer, by in sets.items() if len(by) == 2 and by[coder] != by[other]}
    return [answer for answer in answers_to_review(store, coder) if answer in differing]


def comments_from_others(store: Store, coder: str) -> int:
    """How many comments other coders left on this coder's work."""
    return sum(mark.verdict == COMMENT and mark.reviewer != coder for mark in marks_for(store, coder))

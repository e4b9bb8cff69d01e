"""Training data for suggestions: coded segments with their texts and live codes."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.coding.codebook_tree import Codebook
from workbench.store import codings as coding_rows
from workbench.store.database import Store


@dataclass(frozen=True)
class CodedSegment:
    """A segment with its text and the live codes one coder (or all) gave it."""

    segment_id: str
    answer_id: int
    question_id: str
    text: str
    is_whole_answer: bool
    codes: tuple[str, ...]
    coded_at: str
    wave: int | None = None


def coded_segments(store: Store, coder: str | None = None, codebook: Codebook | None = None):
    """The coded segments in the order they were first coded, with live codes only."""
    codebook = codebook or Codebook.from_store(store)
    return _from_rows(coding_rows.codings_with_text(store, coder), codebook)


def coded_segments_of(store: Store, segment_ids, coder: str | None, codebook: Codebook):
    """``coded_segments`` for these segments only (those still coded)."""
    return _from_rows(coding_rows.codings_with_text_of_segments(store, sorted(segment_ids), coder), codebook)


def _from_rows(rows, codebook: Codebook) -> list[CodedSegment]:
    by_segment: dict[str, dict] = {}
    for row in rows:
        code = codebook.resolve(row["code_id"])
        if code is None:
            continue
        entry = by_segment.setdefault(row["segment_id"], {"row": row, "codes": []})
        if code not in entry["codes"]:
            entry["codes"].append(code)
    return [_segment(entry["row"], entry["codes"]) for entry in by_segment.values()]


def _segment(row: dict, codes: list[str]) -> CodedSegment:
    text = row["answer_text"]
    return CodedSegment(
        segment_id=row["segment_id"],
        answer_id=row["answer_id"],
        question_id=row["question_id"],
        text=text[row["start"] : row["end"]],
        is_whole_answer=row["start"] == 0 and row["end"] >= len(text),
        codes=tuple(codes),
        coded_at=row["created_at"],
        wave=row.get("wave"),
    )

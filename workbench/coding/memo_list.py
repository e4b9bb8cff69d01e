"""Every memo with a readable place ("Project", "q01 · 0301 ¶2", "Code Theme > Code"), newest
first, as a coder may see them: a blind coder sees only their own memos."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.coding.codebook_tree import Codebook
from workbench.coding.memos import MemoTarget
from workbench.review.blind import Visibility
from workbench.store import Store
from workbench.store import memos as memo_rows

TARGET_WORDS = {"project": "Project", "answer": "Answer", "segment": "Segment", "code": "Code"}


@dataclass(frozen=True)
class MemoEntry:
    """One memo and where it sits (question and respondent for answer and segment memos)."""

    id: str
    target: MemoTarget
    place: str
    coder: str
    created_at: str
    updated_at: str
    text: str
    answer_id: int | None = None
    question_id: str = ""
    respondent: str = ""
    wave: int | None = None
    code_path: str = ""

    def matches(self, words: str) -> bool:
        """Whether every word of a filter occurs in the place, coder or text (any case)."""
        haystack = f"{self.place} {self.coder} {self.text} {self.updated_at[:10]}".casefold()
        return all(word in haystack for word in words.casefold().split())


def _entry(row: dict, codebook: Codebook, visibility: Visibility | None) -> MemoEntry:
    kind = row["target"]
    ref = {"segment": row["segment_id"], "answer": row["answer_id"], "code": row["code_id"]}.get(kind)
    path = codebook.path(row["code_id"]) if row["code_id"] and codebook.get(row["code_id"]) else ""
    respondent = row["respondent_id"] or ""
    if visibility is not None and row["answer_id"] is not None:
        respondent = visibility.respondent_label(respondent, row["answer_id"])
    place = {"project": "Project", "code": f"Code {path or row['code_id']}"}.get(kind)
    if place is None:
        number = f" ¶{row['segment_number']}" if kind == "segment" else ""
        place = f"{row['question_id']} · {respondent}{number}"
    return MemoEntry(
        id=row["id"],
        target=MemoTarget(kind, ref),
        place=place,
        coder=row["coder"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        text=row["text"],
        answer_id=row["answer_id"],
        question_id=row["question_id"] or "",
        respondent=respondent,
        wave=row["wave"],
        code_path=path,
    )


def memo_entries(
    store: Store, visibility: Visibility | None = None, coder: str | None = None
) -> list[MemoEntry]:
    """Every memo newest first; only ``coder``'s when given, only the coder's own when blind."""
    if visibility is not None and visibility.blind:
        coder = visibility.coder
    codebook = Codebook.from_store(store)
    return [_entry(row, codebook, visibility) for row in memo_rows.memo_list(store, coder)]

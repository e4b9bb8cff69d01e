"""Training data for suggestions: coded segments with texts and live codes, and the code tree."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.store import training
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


class CodeTree:
    """Names, paths, main themes and merge targets of every code of a project."""

    def __init__(self, rows: list[dict]):
        self._rows = {row["id"]: row for row in rows}

    @classmethod
    def from_store(cls, store: Store) -> CodeTree:
        return cls(training.code_rows(store))

    def live_id(self, code_id: str) -> str | None:
        """The code a coding now counts for (following merges); None if retired or unknown."""
        seen = set()
        while code_id in self._rows and self._rows[code_id]["merged_into"]:
            if code_id in seen:
                return None
            seen.add(code_id)
            code_id = self._rows[code_id]["merged_into"]
        row = self._rows.get(code_id)
        return None if row is None or row["retired"] else code_id

    def name(self, code_id: str) -> str:
        row = self._rows.get(code_id)
        return row["name"] if row else code_id

    def ancestry(self, code_id: str) -> list[str]:
        """Ids from the main theme down to the code."""
        chain = []
        while code_id in self._rows and code_id not in chain:
            chain.append(code_id)
            code_id = self._rows[code_id]["parent_id"]
        return chain[::-1]

    def path(self, code_id: str) -> str:
        """ "Theme > Sub-theme > Code"."""
        return " > ".join(self.name(part) for part in self.ancestry(code_id))

    def main_theme(self, code_id: str) -> str:
        """The root of the code's branch (the code itself at top level)."""
        ancestry = self.ancestry(code_id)
        return ancestry[0] if ancestry else code_id


def coded_segments(store: Store, coder: str | None = None, tree: CodeTree | None = None):
    """The coded segments in the order they were first coded, with live codes only."""
    tree = tree or CodeTree.from_store(store)
    by_segment: dict[str, dict] = {}
    for row in training.coded_segments(store, coder):
        code = tree.live_id(row["code_id"])
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

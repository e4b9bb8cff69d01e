"""The rows of the sheet Memoer: every memo, newest first, with what it is about."""

from __future__ import annotations

from collections.abc import Iterator

from workbench.coding.memo_list import memo_entries
from workbench.method_xlsx.columns import MEMO_COLUMNS, TARGET_VALUES, shown_value
from workbench.store import Store


def memo_sheet_rows(store: Store, question_ids: list[str] | None, lang: str) -> Iterator[list]:
    """One row per memo; with ``question_ids``, answer and segment memos of those questions only."""
    for entry in memo_entries(store):
        if question_ids is not None and entry.question_id and entry.question_id not in question_ids:
            continue
        kind, ref = entry.target.kind, entry.target.ref
        values = {
            "memo_id": entry.id,
            "about": shown_value(TARGET_VALUES, kind, lang),
            "question_id": entry.question_id,
            "respondent_id": entry.respondent,
            "wave": entry.wave if entry.wave is not None else "",
            "segment_id": ref if kind == "segment" else "",
            "code": entry.code_path,
            "code_id": ref if kind == "code" else "",
            "coder": entry.coder,
            "created_at": entry.created_at,
            "updated_at": entry.updated_at,
            "text": entry.text,
        }
        yield [values[key] for key in MEMO_COLUMNS]

"""The sheet Memoer: every memo, newest first, with what it is about; read back on import.

Segment memos are read from the Data sheet's Memo column; this sheet brings back the memos on
answers, codes and the project. A coder's memo already on a target is kept.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from workbench.coding.memo_list import memo_entries
from workbench.coding.memos import memo_id_for
from workbench.errors import UserError
from workbench.method_xlsx.columns import (
    MEMO_COLUMNS,
    MEMO_SHEET,
    TARGET_VALUES,
    cell_text,
    shown_value,
    stored_value,
)
from workbench.store import Store, now
from workbench.store import answers as answer_rows
from workbench.store import coders as coder_rows
from workbench.store import codes as code_rows
from workbench.store import memos as memo_rows


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


def _target(store: Store, path: Path, number: int, record: dict, wave: int) -> dict | None:
    """The memo's target (an ``about`` dict of ``coding.memos``), None for a segment memo."""

    def text(key: str) -> str:
        return cell_text(record.get(key)).strip()

    kind = stored_value(TARGET_VALUES, text("about"))
    where = f"{path}: sheet '{MEMO_SHEET}' row {number}"
    if kind == "segment":
        return None
    if kind == "project":
        return {"target": "project"}
    if kind == "code":
        if code_rows.code_row(store, text("code_id")) is None:
            raise UserError(f"{where}: there is no code with id '{text('code_id')}'.")
        return {"target": "code", "ref": text("code_id")}
    if kind == "answer":
        key = {"respondent": text("respondent_id"), "question": text("question_id")}
        key["wave"] = int(text("wave")) if text("wave").isdigit() else wave
        answer = answer_rows.answer_id_for(store, key["respondent"], key["question"], key["wave"])
        if answer is None:
            raise UserError(f"{where}: there is no answer of '{key['respondent']}' to '{key['question']}'.")
        return {"target": "answer", "ref": answer, **key}
    choices = ", ".join(words[0] for words in TARGET_VALUES.values())
    raise UserError(f"{where}: '{text('about')}' is not what a memo can be about ({choices}).")


def import_memo_sheet(store: Store, records, path: Path, coder: str, wave: int) -> int:
    """Bring back the memos on answers, codes and the project; returns how many were new."""
    added = 0
    for number, record in records:
        memo = cell_text(record.get("text")).strip()
        about = _target(store, path, number, record, wave)
        row_coder = cell_text(record.get("coder")).strip() or coder
        if not memo or about is None:
            continue
        kind, ref = about["target"], about.get("ref")
        if memo_rows.memo_ids_on(store, kind, ref, row_coder):
            continue
        coder_rows.insert_coder(store, row_coder, False, now())
        column = memo_rows.TARGET_COLUMNS[kind]
        row = {"id": memo_id_for(about, row_coder), "target": kind, "coder": row_coder, "text": memo}
        created = cell_text(record.get("created_at")).strip()
        stamps = {"created_at": created, "updated_at": cell_text(record.get("updated_at")).strip() or created}
        added += memo_rows.insert_memo_if_new(store, {**row, **({column: ref} if column else {}), **stamps})
    return added

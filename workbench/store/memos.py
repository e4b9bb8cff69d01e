"""Queries on memos: a coder's notes on a segment, an answer, a code or the project.

``target`` says what a memo is about; exactly the matching id column is filled
(``segment_id``, ``answer_id`` or ``code_id``; none for the project).
"""

from __future__ import annotations

from workbench.store.database import Store, now

TARGET_COLUMNS = {"segment": "segment_id", "answer": "answer_id", "code": "code_id", "project": None}


def _memos_on(store: Store, target: str, ref: str | int | None, coder: str | None) -> list[dict]:
    """Id and text of the memos on one target (one coder's, or everyone's), oldest first."""
    column = TARGET_COLUMNS[target]
    on_ref = f" AND {column} = :ref" if column else ""
    return store.rows(
        f"SELECT id, text FROM memos WHERE target = :target{on_ref} "
        "AND (:coder IS NULL OR coder = :coder) ORDER BY created_at, id",
        {"target": target, "ref": ref, "coder": coder},
    )


def memo_ids_on(store: Store, target: str, ref: str | int | None, coder: str | None = None) -> list[str]:
    """Ids of the memos on one target (only ``coder``'s when given), oldest first."""
    return [row["id"] for row in _memos_on(store, target, ref, coder)]


def memo_text_on(store: Store, target: str, ref: str | int | None, coder: str) -> str:
    """The coder's (first) memo on a target, or an empty string."""
    rows = _memos_on(store, target, ref, coder)
    return rows[0]["text"] if rows else ""


def memo_text(store: Store, segment_id: str, coder: str) -> str:
    """The coder's (first) memo on a segment, or an empty string."""
    return memo_text_on(store, "segment", segment_id, coder)


def memo_texts(store: Store, segment_id: str, coder: str) -> list[str]:
    """A coder's memo texts on one segment, oldest first."""
    return [row["text"] for row in _memos_on(store, "segment", segment_id, coder)]


def memo_ids_of_segment(store: Store, segment_id: str, coder: str | None = None) -> list[str]:
    """Ids of the memos on one segment (only ``coder``'s when given), oldest first."""
    return memo_ids_on(store, "segment", segment_id, coder)


def all_memos(store: Store) -> list[dict]:
    """Every memo, oldest first."""
    return store.rows("SELECT * FROM memos ORDER BY created_at, id")


def insert_memo_if_new(store: Store, memo: dict) -> bool:
    """Insert a memo keeping its id (a segment memo unless ``target`` says otherwise); False
    when that id already exists."""
    stamp = memo.get("created_at") or now()
    cursor = store.execute(
        "INSERT OR IGNORE INTO memos (id, target, segment_id, answer_id, code_id, coder, text, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            memo["id"],
            memo.get("target", "segment"),
            memo.get("segment_id"),
            memo.get("answer_id"),
            memo.get("code_id"),
            memo["coder"],
            memo["text"],
            stamp,
            memo.get("updated_at") or stamp,
        ),
    )
    return cursor.rowcount == 1


def move_memos_to_segment(store: Store, memo_ids: list[str], segment_id: str) -> None:
    """Attach the given memos to another segment."""
    store.executemany("UPDATE memos SET segment_id = ? WHERE id = ?", [(segment_id, mid) for mid in memo_ids])


def update_memo_text(store: Store, memo_id: str, text: str) -> None:
    """Replace one memo's text, stamping the time it changed."""
    store.execute("UPDATE memos SET text = ?, updated_at = ? WHERE id = ?", (text, now(), memo_id))


def delete_memos(store: Store, memo_ids: list[str]) -> None:
    """Remove memos by id."""
    store.executemany("DELETE FROM memos WHERE id = ?", [(memo_id,) for memo_id in memo_ids])


def memo_list(store: Store, coder: str | None = None) -> list[dict]:
    """Every memo (only ``coder``'s when given), newest first, with where it sits: its answer
    (question, respondent, wave; for segment memos through the segment), code or nothing."""
    return store.rows(
        "SELECT m.id, m.target, m.text, m.coder, m.created_at, m.updated_at, m.segment_id, m.code_id, "
        "a.id AS answer_id, a.question_id, a.respondent_id, a.wave, (SELECT COUNT(*) FROM segments n "
        "WHERE n.answer_id = s.answer_id AND n.start <= s.start) AS segment_number "
        "FROM memos m LEFT JOIN segments s ON s.id = m.segment_id "
        "LEFT JOIN answers a ON a.id = COALESCE(m.answer_id, s.answer_id) "
        "WHERE :coder IS NULL OR m.coder = :coder ORDER BY m.updated_at DESC, m.id",
        {"coder": coder},
    )

"""Queries on memos: a coder's notes on a segment."""

from __future__ import annotations

from workbench.store.database import Store, now


def _memos_of_segment(store: Store, segment_id: str, coder: str | None) -> list[dict]:
    """Id and text of the memos on a segment (one coder's, or everyone's), oldest first."""
    return store.rows(
        "SELECT id, text FROM memos WHERE segment_id = :segment AND (:coder IS NULL OR coder = :coder) "
        "ORDER BY created_at, id",
        {"segment": segment_id, "coder": coder},
    )


def memo_text(store: Store, segment_id: str, coder: str) -> str:
    """The coder's (first) memo on a segment, or an empty string."""
    texts = memo_texts(store, segment_id, coder)
    return texts[0] if texts else ""


def memo_texts(store: Store, segment_id: str, coder: str) -> list[str]:
    """A coder's memo texts on one segment, oldest first."""
    return [row["text"] for row in _memos_of_segment(store, segment_id, coder)]


def memo_ids_of_segment(store: Store, segment_id: str, coder: str | None = None) -> list[str]:
    """Ids of the memos on one segment (only ``coder``'s when given), oldest first."""
    return [row["id"] for row in _memos_of_segment(store, segment_id, coder)]


def all_memos(store: Store) -> list[dict]:
    """Every memo, oldest first."""
    return store.rows("SELECT * FROM memos ORDER BY created_at, id")


def insert_memo_if_new(store: Store, memo: dict) -> bool:
    """Insert a memo keeping its id; False when that id already exists."""
    stamp = memo.get("created_at") or now()
    cursor = store.execute(
        "INSERT OR IGNORE INTO memos (id, segment_id, coder, text, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (memo["id"], memo["segment_id"], memo["coder"], memo["text"], stamp, memo.get("updated_at") or stamp),
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


def memos_with_places(store: Store) -> list[dict]:
    """Every segment memo with where it sits: question, respondent, answer, coder, text."""
    return store.rows(
        "SELECT m.text, m.coder, m.updated_at, s.answer_id, a.question_id, a.respondent_id "
        "FROM memos m JOIN segments s ON s.id = m.segment_id JOIN answers a ON a.id = s.answer_id "
        "ORDER BY a.question_id, a.respondent_id, s.start, m.coder"
    )

"""Queries on memos: a coder's notes on a segment."""

from __future__ import annotations

from workbench.store.database import Store, now


def memo_text(store: Store, segment_id: str, coder: str) -> str:
    """The coder's memo on a segment, or an empty string."""
    return (
        store.scalar("SELECT text FROM memos WHERE segment_id = ? AND coder = ?", (segment_id, coder)) or ""
    )


def memo_texts(store: Store, segment_id: str, coder: str) -> list[str]:
    """A coder's memo texts on one segment, oldest first."""
    rows = store.rows(
        "SELECT text FROM memos WHERE segment_id = ? AND coder = ? ORDER BY created_at, id",
        (segment_id, coder),
    )
    return [row["text"] for row in rows]


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


def memo_ids_of_segment(store: Store, segment_id: str) -> list[str]:
    """Ids of the memos written on one segment."""
    rows = store.execute("SELECT id FROM memos WHERE segment_id = ?", (segment_id,))
    return [row[0] for row in rows]


def move_memos_to_segment(store: Store, memo_ids: list[str], segment_id: str) -> None:
    """Attach the given memos to another segment."""
    store.executemany("UPDATE memos SET segment_id = ? WHERE id = ?", [(segment_id, mid) for mid in memo_ids])


def memo_ids_of(store: Store, segment_id: str, coder: str) -> list[str]:
    """Ids of the coder's memos on one segment, oldest first."""
    rows = store.execute(
        "SELECT id FROM memos WHERE segment_id = ? AND coder = ? ORDER BY created_at, id", (segment_id, coder)
    )
    return [row[0] for row in rows]


def update_memo_text(store: Store, memo_id: str, text: str) -> None:
    """Replace one memo's text, stamping the time it changed."""
    store.execute("UPDATE memos SET text = ?, updated_at = ? WHERE id = ?", (text, now(), memo_id))


def delete_memos(store: Store, memo_ids: list[str]) -> None:
    """Remove memos by id."""
    store.executemany("DELETE FROM memos WHERE id = ?", [(memo_id,) for memo_id in memo_ids])

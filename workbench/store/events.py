"""Row snapshots for the event log, and the event queries behind undo, redo and history.

Every coding-core action stores the rows it touched, before and after, so it can be
inverted later without knowing what kind of action it was.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from workbench.store.database import Store

# Tables whose rows actions snapshot, in the order parents must exist before children.
TRACKED_TABLES = ("codes", "segments", "memos", "codings")
_CHUNK = 500


def _check_table(table: str) -> None:
    if table not in TRACKED_TABLES:
        raise ValueError(f"not a tracked table: {table}")


def rows_by_id(store: Store, table: str, ids: list[str]) -> dict[str, dict]:
    """The current rows of ``table`` with the given ids, keyed by id (missing ids left out)."""
    _check_table(table)
    found: dict[str, dict] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        for row in store.rows(f"SELECT * FROM {table} WHERE id IN ({marks})", tuple(chunk)):
            found[row["id"]] = row
    return found


def upsert_row(store: Store, table: str, row: dict) -> None:
    """Write ``row`` as it is: insert it, or overwrite the row with the same id."""
    _check_table(table)
    columns = list(row)
    names = ", ".join(f'"{column}"' for column in columns)
    marks = ", ".join("?" * len(columns))
    updates = ", ".join(f'"{column}" = excluded."{column}"' for column in columns if column != "id")
    store.execute(
        f"INSERT INTO {table} ({names}) VALUES ({marks}) ON CONFLICT(id) DO UPDATE SET {updates}",
        tuple(row[column] for column in columns),
    )


def delete_rows(store: Store, table: str, ids: list[str]) -> None:
    """Delete the rows of ``table`` with the given ids."""
    _check_table(table)
    store.executemany(f"DELETE FROM {table} WHERE id = ?", [(row_id,) for row_id in ids])


def _decoded(row: dict) -> dict:
    for key in ("before", "after"):
        row[key] = None if row[key] is None else json.loads(row[key])
    return row


def action_events(store: Store, action_id: str) -> list[dict]:
    """The events of one action, oldest first, with before/after decoded."""
    rows = store.rows("SELECT * FROM events WHERE action_id = ? ORDER BY seq", (action_id,))
    return [_decoded(row) for row in rows]


def coder_events_newest_first(store: Store, coder: str) -> Iterator[dict]:
    """Kind, action and target of a coder's events, newest first (read lazily)."""
    cursor = store.execute(
        "SELECT kind, action_id, target FROM events WHERE coder = ? ORDER BY seq DESC", (coder,)
    )
    for kind, action_id, target in cursor:
        yield {"kind": kind, "action_id": action_id, "target": target}


def codebook_events(store: Store, kinds: tuple[str, ...]) -> list[dict]:
    """Events of the given kinds, oldest first, with before/after decoded."""
    marks = ", ".join("?" * len(kinds))
    rows = store.rows(f"SELECT * FROM events WHERE kind IN ({marks}) ORDER BY seq", kinds)
    return [_decoded(row) for row in rows]

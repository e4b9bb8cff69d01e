"""Row snapshots for the event log, and the event queries behind undo, redo and history.

Every coding-core action stores the rows it touched, before and after, so it can be
inverted later without knowing what kind of action it was. Per table and row id a state is
None (no such row), the whole row (inserted or deleted), or, for a row that was updated,
just the columns that changed.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from workbench.store.database import Store

# Tables whose rows actions snapshot, in the order parents must exist before children.
TRACKED_TABLES = ("codes", "segments", "memos", "codings")
_CHUNK = 900


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
        cursor = store.execute(f"SELECT * FROM {table} WHERE id IN ({marks})", tuple(chunk))
        columns = [column[0] for column in cursor.description]
        for values in cursor:
            row = dict(zip(columns, values, strict=True))
            found[row["id"]] = row
    return found


class RowConflict(Exception):
    """Writing rows back broke a constraint: other rows depend on the state being replaced."""


@contextmanager
def _conflicts_reported() -> Iterator[None]:
    try:
        yield
    except sqlite3.IntegrityError as error:
        raise RowConflict(str(error)) from error


def upsert_rows(store: Store, table: str, rows: list[dict]) -> None:
    """Write rows as they are: insert each, or overwrite the row with the same id."""
    _check_table(table)
    if not rows:
        return
    columns = list(rows[0])
    names = ", ".join(f'"{column}"' for column in columns)
    marks = ", ".join("?" * len(columns))
    updates = ", ".join(f'"{column}" = excluded."{column}"' for column in columns if column != "id")
    with _conflicts_reported():
        store.executemany(
            f"INSERT INTO {table} ({names}) VALUES ({marks}) ON CONFLICT(id) DO UPDATE SET {updates}",
            [tuple(row[column] for column in columns) for row in rows],
        )


def update_rows(store: Store, table: str, columns: tuple[str, ...], rows: list[dict]) -> None:
    """Set only ``columns`` of existing rows (fewer index updates than a full upsert)."""
    _check_table(table)
    assignments = ", ".join(f'"{column}" = ?' for column in columns)
    with _conflicts_reported():
        store.executemany(
            f"UPDATE {table} SET {assignments} WHERE id = ?",
            [(*(row[column] for column in columns), row["id"]) for row in rows],
        )


def delete_rows(store: Store, table: str, ids: list[str]) -> None:
    """Delete the rows of ``table`` with the given ids."""
    _check_table(table)
    with _conflicts_reported():
        store.executemany(f"DELETE FROM {table} WHERE id = ?", [(row_id,) for row_id in ids])


def _decoded(row: dict) -> dict:
    """An event with its row states (``rows_before``, ``rows_after``) and ``info`` decoded."""
    before = json.loads(row.pop("before") or "null")
    after = json.loads(row.pop("after") or "null")
    if not isinstance(before, dict) or not isinstance(after, dict) or "rows" not in before:
        return {**row, "rows_before": {}, "rows_after": {}, "info": {}}
    return {**row, "rows_before": before["rows"], "rows_after": after["rows"], "info": after.get("info", {})}


def action_events(store: Store, action_id: str) -> list[dict]:
    """The events of one action, oldest first, with row states decoded."""
    rows = store.rows("SELECT * FROM events WHERE action_id = ? ORDER BY seq", (action_id,))
    return [_decoded(row) for row in rows]


def coder_events_newest_first(store: Store, coder: str) -> Iterator[dict]:
    """Kind, action and target of a coder's events, newest first (read lazily)."""
    cursor = store.execute(
        "SELECT kind, action_id, target FROM events WHERE coder = ? ORDER BY seq DESC", (coder,)
    )
    for kind, action_id, target in cursor:
        yield {"kind": kind, "action_id": action_id, "target": target}


def events_of_kinds(store: Store, kinds: tuple[str, ...]) -> list[dict]:
    """Events of the given kinds, oldest first, with row states decoded."""
    marks = ", ".join("?" * len(kinds))
    rows = store.rows(f"SELECT * FROM events WHERE kind IN ({marks}) ORDER BY seq", kinds)
    return [_decoded(row) for row in rows]


def last_event_seq(store: Store) -> int:
    """The newest event's number: every coding or codebook change appends one."""
    return store.scalar("SELECT COALESCE(MAX(seq), 0) FROM events")


def events_after(store: Store, seq: int) -> list[dict]:
    """The events numbered after ``seq``, oldest first, with row states decoded."""
    rows = store.rows("SELECT * FROM events WHERE seq > ? ORDER BY seq", (seq,))
    return [_decoded(row) for row in rows]

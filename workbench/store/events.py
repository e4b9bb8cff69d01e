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


def upsert_rows(store: Store, table: str, rows: list[dict]) -> None:
    """Write rows as they are: insert each, or overwrite the row with the same id."""
    _check_table(table)
    if not rows:
        return
    columns = list(rows[0])
    names = ", ".join(f'"{column}"' for column in columns)
    marks = ", ".join("?" * len(columns))
    updates = ", ".join(f'"{column}" = excluded."{column}"' for column in columns if column != "id")
    store.executemany(
        f"INSERT INTO {table} ({names}) VALUES ({marks}) ON CONFLICT(id) DO UPDATE SET {updates}",
        [tuple(row[column] for column in columns) for row in rows],
    )


def update_rows(store: Store, table: str, columns: tuple[str, ...], rows: list[dict]) -> None:
    """Set only ``columns`` of existing rows (fewer index updates than a full upsert)."""
    _check_table(table)
    assignments = ", ".join(f'"{column}" = ?' for column in columns)
    store.executemany(
        f"UPDATE {table} SET {assignments} WHERE id = ?",
        [(*(row[column] for column in columns), row["id"]) for row in rows],
    )


def delete_rows(store: Store, table: str, ids: list[str]) -> None:
    """Delete the rows of ``table`` with the given ids."""
    _check_table(table)
    store.executemany(f"DELETE FROM {table} WHERE id = ?", [(row_id,) for row_id in ids])


def encode_states(before: dict, after: dict) -> tuple[dict, dict]:
    """Compact JSON payloads for row states: values as lists, after-rows as changed columns.

    ``before``/``after`` map table -> id -> row dict (or None for an absent row).
    """
    before_payload, after_payload = {}, {}
    for table, old_rows in before.items():
        new_rows = after[table]
        sample = next((row for row in (*old_rows.values(), *new_rows.values()) if row), {})
        columns = list(sample)
        before_payload[table] = {
            "columns": columns,
            "values": {
                key: None if row is None else [row[c] for c in columns] for key, row in old_rows.items()
            },
        }
        after_payload[table] = {
            "columns": columns,
            "values": {key: _after_value(old_rows[key], row, columns) for key, row in new_rows.items()},
        }
    return {"rows": before_payload}, {"rows": after_payload}


def _after_value(old: dict | None, new: dict | None, columns: list[str]):
    if new is None:
        return None
    if old is None:
        return [new[column] for column in columns]
    return {column: new[column] for column in columns if new[column] != old[column]}


def decode_states(before_payload: dict, after_payload: dict) -> tuple[dict, dict]:
    """Row states (table -> id -> row dict or None) from ``encode_states`` payloads."""
    before, after = {}, {}
    for table, packed in before_payload["rows"].items():
        columns = packed["columns"]
        before[table] = {
            key: None if values is None else dict(zip(columns, values, strict=True))
            for key, values in packed["values"].items()
        }
        after[table] = {
            key: _decoded_after(before[table][key], values, columns)
            for key, values in after_payload["rows"][table]["values"].items()
        }
    return before, after


def _decoded_after(old: dict | None, values, columns: list[str]) -> dict | None:
    if values is None:
        return None
    if isinstance(values, list):
        return dict(zip(columns, values, strict=True))
    return {**old, **values}


def _decoded(row: dict) -> dict:
    """An event with ``rows_before``/``rows_after`` (full row states) and ``info``."""
    before = json.loads(row.pop("before") or "null")
    after = json.loads(row.pop("after") or "null")
    if not isinstance(before, dict) or not isinstance(after, dict) or "rows" not in before:
        return {**row, "rows_before": {}, "rows_after": {}, "info": {}}
    row["rows_before"], row["rows_after"] = decode_states(before, after)
    row["info"] = after.get("info", {})
    return row


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


def codebook_events(store: Store, kinds: tuple[str, ...]) -> list[dict]:
    """Events of the given kinds, oldest first, with row states decoded."""
    marks = ", ".join("?" * len(kinds))
    rows = store.rows(f"SELECT * FROM events WHERE kind IN ({marks}) ORDER BY seq", kinds)
    return [_decoded(row) for row in rows]

"""Undo and redo per coder, read from the event log so they survive restarts.

Each action's event holds the rows it touched before and after. Undo writes the before
rows back and appends an ``undo`` event naming the action; redo writes the after rows and
appends a ``redo`` event. Nothing is ever deleted from the log.
"""

from __future__ import annotations

from workbench.errors import UserError
from workbench.store import Store, new_id
from workbench.store import events as event_rows
from workbench.store.events import TRACKED_TABLES

# The actions this package records, with the words undo and redo report them by.
UNDOABLE_KINDS = {
    "coding.apply": "apply codes",
    "coding.remove": "remove codes",
    "code.create": "create code",
    "code.rename": "rename code",
    "code.define": "edit code",
    "code.move": "move code",
    "code.reorder": "reorder codes",
    "code.retire": "retire code",
    "code.merge": "merge codes",
    "code.split": "split code",
    "code.import": "import code list",
    "segment.split": "split segment",
    "segment.merge": "merge segments",
    "segment.discard": "discard blank segment",
    "segment.report": "mark for report",
    "memo.save": "save memo",
}


def _undoable(kind: str) -> bool:
    return kind in UNDOABLE_KINDS


def _top_of_done(store: Store, coder: str) -> str | None:
    """The coder's latest action that is not undone (a stack read from the newest end)."""
    pending_undos = 0
    for event in event_rows.coder_events_newest_first(store, coder):
        if event["kind"] == "undo":
            pending_undos += 1
        elif event["kind"] == "redo" or _undoable(event["kind"]):
            if pending_undos == 0:
                return event["target"] if event["kind"] == "redo" else event["action_id"]
            pending_undos -= 1
    return None


def _top_of_redo(store: Store, coder: str) -> str | None:
    """The coder's latest undone action, unless a new action has come since."""
    pending_redos = 0
    for event in event_rows.coder_events_newest_first(store, coder):
        if event["kind"] == "redo":
            pending_redos += 1
        elif event["kind"] == "undo":
            if pending_redos == 0:
                return event["target"]
            pending_redos -= 1
        elif _undoable(event["kind"]):
            return None
    return None


def _write_state(store: Store, current: dict, wanted: dict) -> None:
    """Turn rows from their current into their wanted state.

    Parents are written first and deletions come last, children first, so codings have
    moved off codes and segments before those disappear.
    """
    for table in TRACKED_TABLES:
        now_rows, new_rows = current.get(table, {}), wanted.get(table, {})
        inserts = [row for key, row in new_rows.items() if row is not None and now_rows.get(key) is None]
        updates = [(key, row) for key, row in new_rows.items() if row is not None and now_rows.get(key)]
        for columns in dict.fromkeys(tuple(row) for row in inserts):
            event_rows.upsert_rows(store, table, [row for row in inserts if tuple(row) == columns])
        for columns in dict.fromkeys(tuple(row) for _, row in updates):
            rows = [{**row, "id": key} for key, row in updates if tuple(row) == columns]
            event_rows.update_rows(store, table, columns, rows)
    for table in reversed(TRACKED_TABLES):
        doomed = [row_id for row_id, row in wanted.get(table, {}).items() if row is None]
        event_rows.delete_rows(store, table, list(reversed(doomed)))


def _matches(found: dict | None, state: dict | None) -> bool:
    if state is None or found is None:
        return state is found
    return all(found.get(column) == value for column, value in state.items())


def _check_unchanged(store: Store, expected: dict, description: str) -> None:
    for table, rows in expected.items():
        found = event_rows.rows_by_id(store, table, list(rows))
        if not all(_matches(found.get(row_id), state) for row_id, state in rows.items()):
            raise UserError(f"Cannot {description}: the same data was changed by a later action.")


def _replay(store: Store, coder: str, action_id: str, direction: str) -> str:
    """Write back one action's before rows (undo) or after rows (redo), logging it."""
    event = event_rows.action_events(store, action_id)[-1]
    kind = event["kind"]
    description = f"{direction} '{UNDOABLE_KINDS.get(kind, kind)}'"
    old, new = event["rows_before"], event["rows_after"]
    current, wanted = (new, old) if direction == "undo" else (old, new)
    with store.atomic():
        _check_unchanged(store, current, description)
        try:
            _write_state(store, current, wanted)
        except event_rows.RowConflict:
            raise UserError(f"Cannot {description}: later changes depend on it.") from None
        store.log_event(
            direction,
            coder=coder,
            target=action_id,
            before={"rows": current},
            after={"rows": wanted, "info": {"kind": kind}},
            action_id=new_id(),
        )
    return UNDOABLE_KINDS.get(kind, kind)


def undo(store: Store, coder: str) -> str | None:
    """Undo the coder's latest action; returns what was undone, or None if nothing is left."""
    action_id = _top_of_done(store, coder)
    return None if action_id is None else _replay(store, coder, action_id, "undo")


def redo(store: Store, coder: str) -> str | None:
    """Redo the coder's latest undone action; returns what was redone, or None."""
    action_id = _top_of_redo(store, coder)
    return None if action_id is None else _replay(store, coder, action_id, "redo")


def next_undo(store: Store, coder: str) -> str | None:
    """The id of the action ``undo`` would revert now, or None."""
    return _top_of_done(store, coder)


def next_redo(store: Store, coder: str) -> str | None:
    """The id of the action ``redo`` would restore now, or None."""
    return _top_of_redo(store, coder)

"""Recording one user action: its transaction, the rows it touched, and its event.

An operation opens ``recording(...)``, calls ``change.touch(table, ids)`` before it writes
rows, and on leaving the block the rows' after-state is read and one event is appended with
both states. Undo and redo replay those states, so every action is invertible.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from weakref import WeakKeyDictionary

from workbench.store import Store, new_id
from workbench.store import events as event_rows
from workbench.store.events import TRACKED_TABLES


class Change:
    """The rows one action touches, captured before it writes them."""

    def __init__(self, store: Store):
        self.store = store
        self.before: dict[str, dict[str, dict | None]] = {table: {} for table in TRACKED_TABLES}
        self.info: dict = {}
        self.known: dict[str, dict[str, tuple[dict, dict]]] = {table: {} for table in TRACKED_TABLES}

    def touch(self, table: str, ids: list[str]) -> None:
        """Remember the current state of these rows (once; absent rows as None)."""
        seen = self.before[table]
        fresh = [row_id for row_id in dict.fromkeys(ids) if row_id not in seen]
        found = event_rows.rows_by_id(self.store, table, fresh)
        for row_id in fresh:
            seen[row_id] = found.get(row_id)

    def note_update(self, table: str, ids: list[str], old: dict, new: dict) -> None:
        """Declare that these rows will change from ``old`` to ``new`` values, without reading them.

        For bulk changes (merging a code moves thousands of codings) where reading every row
        twice would cost more than the change itself.
        """
        for row_id in ids:
            self.known[table][row_id] = (old, new)

    def states(self) -> tuple[dict, dict]:
        """Before and after states of the touched rows that changed, per table and id.

        An updated row keeps only its changed columns on either side.
        """
        before: dict[str, dict] = {}
        after: dict[str, dict] = {}
        for table, old_rows in self.before.items():
            for row_id, (old, new) in self.known[table].items():
                before.setdefault(table, {})[row_id] = old
                after.setdefault(table, {})[row_id] = new
            found = event_rows.rows_by_id(self.store, table, list(old_rows))
            for row_id, old in old_rows.items():
                new = found.get(row_id)
                if new == old:
                    continue
                if old is not None and new is not None:
                    columns = [column for column in new if new[column] != old.get(column)]
                    old, new = {c: old.get(c) for c in columns}, {c: new[c] for c in columns}
                before.setdefault(table, {})[row_id] = old
                after.setdefault(table, {})[row_id] = new
        return before, after


# The change being recorded on each store: an operation called inside another joins it.
_OPEN_CHANGES: WeakKeyDictionary[Store, Change] = WeakKeyDictionary()


@contextmanager
def recording(store: Store, kind: str, coder: str, target: str | None = None) -> Iterator[Change]:
    """One transaction and one event of ``kind`` holding the rows the block touched.

    An action that changed nothing logs nothing, so it leaves nothing to undo. Operations
    called inside an open recording become part of it: one transaction, one undo step.
    """
    if store in _OPEN_CHANGES:
        yield _OPEN_CHANGES[store]
        return
    with store.atomic():
        change = _OPEN_CHANGES[store] = Change(store)
        try:
            yield change
        finally:
            del _OPEN_CHANGES[store]
        before, after = change.states()
        if not after:
            return
        store.log_event(
            kind,
            coder=coder,
            target=target,
            before={"rows": before},
            after={"rows": after, "info": change.info},
            action_id=new_id(),
        )

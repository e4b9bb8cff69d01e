"""What changed since the suggester last looked: the segments whose codings changed, read from
the event log, so a new coding or an undo is taken in without reading every coding again."""

from __future__ import annotations

from workbench.store import codings as coding_rows
from workbench.store import events as event_rows
from workbench.store.database import Store

# Code columns that change which live code a coding counts for (merges, retiring).
RESOLVING_COLUMNS = frozenset({"merged_into", "retired"})


def changed_segments(store: Store, since: int) -> set[str] | None:
    """Ids of the segments whose codings or bounds changed in the events after ``since``;
    None when an event cannot say (no row states) or changed how codes resolve."""
    segment_ids: set[str] = set()
    placed: set[str] = set()
    unplaced: set[str] = set()  # codings whose state holds no segment (an update of other columns)
    for event in event_rows.events_after(store, since):
        before, after = event["rows_before"], event["rows_after"]
        if not (before or after) or _resolving(before.get("codes", {}), after.get("codes", {})):
            return None
        for state in (before, after):
            segment_ids.update(state.get("segments", {}))
            for coding_id, row in state.get("codings", {}).items():
                if row and "segment_id" in row:
                    segment_ids.add(row["segment_id"])
                    placed.add(coding_id)
                else:
                    unplaced.add(coding_id)
    unplaced -= placed
    if unplaced:
        found = coding_rows.codings_by_id(store, sorted(unplaced))
        if len(found) < len(unplaced):
            return None
        segment_ids.update(row["segment_id"] for row in found)
    return segment_ids


def _resolving(before: dict, after: dict) -> bool:
    """Whether code rows were deleted, merged, retired or brought back (an undo of those)."""
    for code_id in before.keys() | after.keys():
        old, new = before.get(code_id), after.get(code_id)
        if new is None and old is not None:
            return True
        if new is not None and old is None and (new.get("merged_into") or new.get("retired")):
            return True
        if new is not None and old is not None and RESOLVING_COLUMNS & (set(old) | set(new)):
            return True
    return False

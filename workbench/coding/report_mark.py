"""Marking a segment for the report: the quotes the written report may cite."""

from __future__ import annotations

from workbench.coding.changes import recording
from workbench.errors import UserError
from workbench.store import Store
from workbench.store import segments as segment_rows


def set_for_report(store: Store, segment_id: str, flag: bool, coder: str) -> None:
    """Mark (True) or unmark a segment for the report, as one undoable action."""
    with recording(store, "segment.report", coder, target=segment_id) as change:
        if segment_rows.segment_row(store, segment_id) is None:
            raise UserError(f"There is no segment with id {segment_id}.")
        change.touch("segments", [segment_id])
        segment_rows.set_for_report(store, segment_id, flag)

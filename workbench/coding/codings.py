"""Applying and removing codes on segments, one coder at a time."""

from __future__ import annotations

from workbench.coding.bulk import apply_to_segments
from workbench.coding.changes import recording
from workbench.errors import UserError
from workbench.store import Store, now
from workbench.store import coders as coder_rows
from workbench.store import codings as coding_rows


def ensure_coder(store: Store, name: str, is_consensus: bool = False) -> None:
    """Register a coder by name (nothing happens if the coder exists)."""
    if not name or not name.strip():
        raise UserError("A coder needs a name.")
    with store.atomic():
        coder_rows.insert_coder(store, name, is_consensus, now())


def apply_codes(
    store: Store, segment_id: str, code_ids: list[str], coder: str, how: str = "typed"
) -> list[str]:
    """Put codes on a segment for a coder; return the new coding ids (existing ones skipped)."""
    return apply_to_segments(store, [segment_id], code_ids, coder, how)


def remove_codes(store: Store, segment_id: str, code_ids: list[str], coder: str) -> int:
    """Take a coder's codes off a segment; return how many codings were removed."""
    with recording(store, "coding.remove", coder, target=segment_id) as change:
        existing = coding_rows.coding_keys_of_segment(store, segment_id, coder)
        doomed = [existing[code_id] for code_id in dict.fromkeys(code_ids) if code_id in existing]
        change.touch("codings", doomed)
        coding_rows.delete_codings(store, doomed)
    return len(doomed)


def codes_of_segment(store: Store, segment_id: str, coder: str | None = None) -> list[str]:
    """Ids of the codes on a segment, for one coder or (None) for anyone."""
    rows = coding_rows.codings_of_segment(store, segment_id)
    return list(dict.fromkeys(row["code_id"] for row in rows if coder is None or row["coder"] == coder))

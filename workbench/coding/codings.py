"""Applying and removing codes on segments, one coder at a time."""

from __future__ import annotations

from workbench.coding.changes import recording
from workbench.errors import UserError
from workbench.store import Store, now, stable_id
from workbench.store import codebook as codebook_rows
from workbench.store import codings as coding_rows

HOW_VALUES = ("typed", "suggestion", "bulk", "imported", "consensus")


def ensure_coder(store: Store, name: str, is_consensus: bool = False) -> None:
    """Register a coder by name (nothing happens if the coder exists)."""
    if not name or not name.strip():
        raise UserError("A coder needs a name.")
    with store.atomic():
        coding_rows.insert_coder(store, name, is_consensus, now())


def _check_codable(store: Store, code_id: str) -> None:
    row = codebook_rows.code_row(store, code_id)
    if row is None:
        raise UserError(f"There is no code with id {code_id}.")
    if row["merged_into"] is not None or row["retired"]:
        raise UserError(f"The code '{row['name']}' is merged or retired; pick a live code.")
    if not row["codable"]:
        raise UserError(f"'{row['name']}' is a theme, not a code; mark it codable to apply it.")


def _check_segment(store: Store, segment_id: str) -> None:
    if coding_rows.segment_row(store, segment_id) is None:
        raise UserError(f"There is no segment with id {segment_id}.")


def apply_codes(
    store: Store, segment_id: str, code_ids: list[str], coder: str, how: str = "typed"
) -> list[str]:
    """Put codes on a segment for a coder; return the new coding ids (existing ones skipped)."""
    return apply_codes_to_segments(store, [segment_id], code_ids, coder, how)


def apply_codes_to_segments(
    store: Store, segment_ids: list[str], code_ids: list[str], coder: str, how: str = "typed"
) -> list[str]:
    """Put codes on several segments as one action (one undo step); return the new coding ids."""
    if how not in HOW_VALUES:
        raise ValueError(f"how must be one of {HOW_VALUES}, not {how!r}")
    target = segment_ids[0] if len(segment_ids) == 1 else f"{len(segment_ids)} segments"
    with recording(store, "coding.apply", coder, target=target) as change:
        for segment_id in dict.fromkeys(segment_ids):
            _check_segment(store, segment_id)
        for code_id in dict.fromkeys(code_ids):
            _check_codable(store, code_id)
        coding_rows.insert_coder(store, coder, False, now())
        created_at = now()
        rows = []
        for segment_id in dict.fromkeys(segment_ids):
            existing = coding_rows.coding_keys_of_segment(store, segment_id, coder)
            rows += [
                {
                    "id": stable_id("coding", segment_id, code_id, coder),
                    "segment_id": segment_id,
                    "code_id": code_id,
                    "coder": coder,
                    "how": how,
                    "created_at": created_at,
                }
                for code_id in dict.fromkeys(code_ids)
                if code_id not in existing
            ]
        change.touch("codings", [row["id"] for row in rows])
        coding_rows.insert_codings(store, rows)
    return [row["id"] for row in rows]


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

"""Reshaping the codebook: rename, define, move, merge, split, retire, reorder."""

from __future__ import annotations

from workbench.coding.changes import Change, recording
from workbench.coding.codebook import (
    check_name_free,
    existing_code,
    insert_new_code,
    make_container,
    similar_names,
)
from workbench.coding.codebook_tree import MAX_DEPTH, Codebook
from workbench.errors import UserError
from workbench.store import Store
from workbench.store import codes as code_rows
from workbench.store import codings as coding_rows
from workbench.store import segments as segment_rows

_UNSET = object()


def _live_code(store: Store, code_id: str) -> dict:
    row = existing_code(store, code_id)
    if row["retired"] or row["merged_into"] is not None:
        raise UserError(f"The code '{row['name']}' is merged or retired.")
    return row


def _subtree_height(codebook: Codebook, code_id: str) -> int:
    children = codebook.children(code_id)
    return 1 + max((_subtree_height(codebook, child.id) for child in children), default=0)


def _renumber(store: Store, change: Change, parent_id: str | None, order: list[str]) -> None:
    """Give the live siblings under ``parent_id`` positions 0, 1, … in ``order``."""
    change.touch("codes", order)
    for position, code_id in enumerate(order):
        code_rows.update_code(store, code_id, position=position)


def _siblings_without(store: Store, parent_id: str | None, code_id: str) -> list[str]:
    return [row["id"] for row in code_rows.live_children(store, parent_id) if row["id"] != code_id]


def _counts(store: Store, *code_ids: str) -> dict[str, int]:
    return {code_id: coding_rows.coding_count(store, code_id) for code_id in code_ids}


def rename_code(store: Store, code_id: str, name: str, coder: str) -> tuple[str, ...]:
    """Give a code a new name; returns names of other codes close to the new one."""
    with recording(store, "code.rename", coder, target=code_id) as change:
        row = _live_code(store, code_id)
        check_name_free(store, name, row["parent_id"], except_id=code_id)
        change.touch("codes", [code_id])
        code_rows.update_code(store, code_id, name=name.strip())
        change.info = {"from": row["name"], "to": name.strip(), "codings": _counts(store, code_id)}
    similar = similar_names(store, name.strip(), except_id=code_id)
    return tuple(other for other in similar if other.casefold() != name.strip().casefold())


def define_code(
    store: Store,
    code_id: str,
    coder: str,
    definition=_UNSET,
    example_segment_id=_UNSET,
    colour=_UNSET,
    lead_in=_UNSET,
) -> None:
    """Set a code's definition / decision rule, example segment, colour or report lead-in
    (those given)."""
    fields = {
        name: value
        for name, value in (
            ("definition", definition),
            ("example_segment_id", example_segment_id),
            ("colour", colour),
            ("lead_in", lead_in),
        )
        if value is not _UNSET
    }
    with recording(store, "code.define", coder, target=code_id) as change:
        existing_code(store, code_id)
        if fields.get("example_segment_id") and not segment_rows.segment_row(
            store, fields["example_segment_id"]
        ):
            raise UserError(f"There is no segment with id {fields['example_segment_id']}.")
        change.touch("codes", [code_id])
        if fields:
            code_rows.update_code(store, code_id, **fields)


def move_code(store: Store, code_id: str, parent_id: str | None, coder: str) -> None:
    """Put a code (with its children) under another theme, or at top level (None), last."""
    with recording(store, "code.move", coder, target=code_id) as change:
        _move_under(store, change, _live_code(store, code_id), parent_id)
        change.info = {"codings": _counts(store, code_id)}


def _move_under(store: Store, change: Change, row: dict, parent_id: str | None) -> None:
    code_id = row["id"]
    if parent_id is not None:
        parent = _live_code(store, parent_id)
        codebook = Codebook.from_store(store)
        if code_id in codebook.lineage(parent_id):
            raise UserError(f"Cannot move '{row['name']}' under itself.")
        if codebook.level(parent_id) + _subtree_height(codebook, code_id) > MAX_DEPTH:
            raise UserError(f"Cannot move '{row['name']}' there: themes go three levels deep at most.")
        make_container(store, change, parent)
    check_name_free(store, row["name"], parent_id, except_id=code_id)
    old_parent = row["parent_id"]
    change.touch("codes", [code_id])
    code_rows.update_code(store, code_id, parent_id=parent_id)
    _renumber(store, change, old_parent, _siblings_without(store, old_parent, code_id))
    _renumber(store, change, parent_id, _siblings_without(store, parent_id, code_id) + [code_id])


def reorder_code(store: Store, code_id: str, position: int, coder: str) -> None:
    """Place a code at ``position`` (0-based) among its live siblings."""
    with recording(store, "code.reorder", coder, target=code_id) as change:
        row = _live_code(store, code_id)
        others = _siblings_without(store, row["parent_id"], code_id)
        position = max(0, min(position, len(others)))
        _renumber(store, change, row["parent_id"], others[:position] + [code_id] + others[position:])


def set_codable(store: Store, code_id: str, codable: bool, coder: str) -> None:
    """Allow or forbid applying a theme directly to segments."""
    with recording(store, "code.define", coder, target=code_id) as change:
        row = _live_code(store, code_id)
        if not codable and coding_rows.coding_count(store, code_id):
            raise UserError(
                f"'{row['name']}' has codings; merge or remove them before making it a container."
            )
        change.touch("codes", [code_id])
        code_rows.update_code(store, code_id, codable=int(codable))


def retire_code(store: Store, code_id: str, coder: str) -> None:
    """Hide a code from the codebook; it and its codings are kept."""
    with recording(store, "code.retire", coder, target=code_id) as change:
        row = _live_code(store, code_id)
        if code_rows.live_children(store, code_id):
            raise UserError(f"'{row['name']}' still holds codes; move or retire them first.")
        change.touch("codes", [code_id])
        code_rows.update_code(store, code_id, retired=1)
        _renumber(store, change, row["parent_id"], _siblings_without(store, row["parent_id"], code_id))
        change.info = {"codings": _counts(store, code_id)}


def merge_codes(store: Store, source_id: str, target_id: str, coder: str) -> int:
    """Merge code A into B: codings move (duplicates collapse), A is kept as merged into B.

    Returns the number of codings B gained. A's child codes move under B.
    """
    with recording(store, "code.merge", coder, target=source_id) as change:
        source, target = _live_code(store, source_id), _live_code(store, target_id)
        if source_id == target_id:
            raise UserError("Cannot merge a code into itself.")
        change.info = {"into": target_id, "before": _counts(store, source_id, target_id)}
        for child in code_rows.live_children(store, source_id):
            _move_under(store, change, child, target_id)
        if coding_rows.coding_count(store, source_id) and not target["codable"]:
            raise UserError(f"'{target['name']}' is a theme that is not codable; codings cannot move there.")
        duplicates = coding_rows.colliding_coding_ids(store, source_id, target_id)
        movers = sorted(set(coding_rows.coding_ids_of_code(store, source_id)) - set(duplicates))
        change.touch("codings", duplicates)
        change.note_update("codings", movers, {"code_id": source_id}, {"code_id": target_id})
        change.touch("codes", [source_id])
        coding_rows.delete_codings(store, duplicates)
        coding_rows.move_code_codings(store, source_id, target_id)
        code_rows.update_code(store, source_id, merged_into=target_id)
        _renumber(
            store, change, source["parent_id"], _siblings_without(store, source["parent_id"], source_id)
        )
        change.info["codings"] = _counts(store, source_id, target_id)
        gained = change.info["codings"][target_id] - change.info["before"][target_id]
    return gained


def split_code(
    store: Store,
    code_id: str,
    new_name: str,
    coding_ids: list[str],
    coder: str,
    definition: str = "",
) -> str:
    """Split a code: a new sibling code takes over the chosen codings. Returns its id."""
    with recording(store, "code.split", coder, target=code_id) as change:
        row = _live_code(store, code_id)
        chosen = coding_rows.codings_by_id(store, list(dict.fromkeys(coding_ids)))
        strays = set(coding_ids) - {coding["id"] for coding in chosen if coding["code_id"] == code_id}
        if strays:
            raise UserError(f"Coding {sorted(strays)[0]} does not carry the code '{row['name']}'.")
        new_id = insert_new_code(store, change, new_name, coder, row["parent_id"], definition)
        change.touch("codings", [coding["id"] for coding in chosen])
        coding_rows.recode(store, [coding["id"] for coding in chosen], new_id)
        change.info = {"into": new_id, "name": new_name.strip(), "codings": _counts(store, code_id, new_id)}
    return new_id

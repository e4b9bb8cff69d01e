"""Growing the codebook while coding: create codes, find or create them by path."""

from __future__ import annotations

from rapidfuzz import fuzz, process

from workbench.coding.changes import Change, recording
from workbench.coding.codebook_tree import MAX_DEPTH, Codebook, parse_path
from workbench.coding.models import CodeCreated
from workbench.errors import UserError
from workbench.store import Store, new_id, now
from workbench.store import codes as code_rows
from workbench.store import codings as coding_rows

SIMILARITY_CUTOFF = 85


def existing_code(store: Store, code_id: str) -> dict:
    """A code's row, or a UserError naming the unknown id."""
    row = code_rows.code_row(store, code_id)
    if row is None:
        raise UserError(f"There is no code with id {code_id}.")
    return row


def check_name_free(store: Store, name: str, parent_id: str | None, except_id: str | None = None) -> None:
    """Refuse a name already used by a live sibling (case-insensitively)."""
    if not name.strip():
        raise UserError("A code needs a name.")
    if ">" in name:
        raise UserError(f"A code name cannot contain '>' (it separates themes in paths): '{name}'.")
    wanted = name.strip().casefold()
    for sibling in code_rows.live_children(store, parent_id):
        if sibling["id"] != except_id and sibling["name"].casefold() == wanted:
            raise UserError(f"A code named '{sibling['name']}' already exists there.")


def similar_names(store: Store, name: str, except_id: str | None = None) -> tuple[str, ...]:
    """Names of live codes close to ``name`` (rapidfuzz WRatio), best first."""
    choices = {row["id"]: row["name"] for row in code_rows.live_codes(store) if row["id"] != except_id}
    matches = process.extract(
        name,
        choices,
        scorer=fuzz.WRatio,
        score_cutoff=SIMILARITY_CUTOFF,
        limit=5,
        processor=str.casefold,
    )
    return tuple(dict.fromkeys(match[0] for match in matches))


def make_container(store: Store, change: Change, parent: dict) -> None:
    """A code that receives children becomes a theme; one with codings stays codable."""
    if parent["is_theme"]:
        return
    change.touch("codes", [parent["id"]])
    codable = 1 if coding_rows.coding_count(store, parent["id"]) else 0
    code_rows.update_code(store, parent["id"], is_theme=1, codable=codable)


def _prepare_parent(store: Store, change: Change, parent_id: str, child_name: str) -> None:
    """Check the parent has room for a child level and make it a theme."""
    parent = existing_code(store, parent_id)
    if Codebook.from_store(store).level(parent_id) >= MAX_DEPTH:
        raise UserError(
            f"Cannot put '{child_name}' under '{parent['name']}': themes go three levels deep at most."
        )
    make_container(store, change, parent)


def insert_new_code(
    store: Store,
    change: Change,
    name: str,
    coder: str,
    parent_id: str | None,
    definition: str = "",
    is_theme: bool = False,
    colour: str | None = None,
    code_id: str | None = None,
) -> str:
    """Add a code inside an open recording (checks name and depth); return its id."""
    name = name.strip()
    if parent_id is not None:
        _prepare_parent(store, change, parent_id, name)
    check_name_free(store, name, parent_id)
    code_id = code_id or new_id()
    change.touch("codes", [code_id])
    code_rows.insert_code(
        store, _new_code_row(store, code_id, parent_id, name, coder, definition, is_theme, colour)
    )
    return code_id


def _new_code_row(
    store: Store,
    code_id: str,
    parent_id: str | None,
    name: str,
    coder: str,
    definition: str,
    is_theme: bool,
    colour: str | None,
) -> dict:
    """A new code's row: last among its siblings, codable unless it is a theme, created now."""
    return {
        "id": code_id,
        "parent_id": parent_id,
        "name": name,
        "definition": definition,
        "colour": colour,
        "is_theme": int(is_theme),
        "codable": int(not is_theme),
        "position": len(code_rows.live_children(store, parent_id)),
        "created_at": now(),
        "created_by": coder,
    }


def create_code(
    store: Store,
    name: str,
    coder: str,
    parent_id: str | None = None,
    definition: str = "",
    is_theme: bool = False,
) -> CodeCreated:
    """Create a code (or theme) at top level or under a theme, warning of near-duplicates."""
    similar = similar_names(store, name.strip())
    with recording(store, "code.create", coder) as change:
        code_id = insert_new_code(store, change, name, coder, parent_id, definition, is_theme)
        change.info = {"name": name.strip()}
    return CodeCreated(
        id=code_id, similar=tuple(s for s in similar if s.casefold() != name.strip().casefold())
    )


def live_child_named(store: Store, parent_id: str | None, name: str) -> dict | None:
    """The live code named ``name`` (case-insensitively) directly under ``parent_id``."""
    wanted = name.casefold()
    for row in code_rows.live_children(store, parent_id):
        if row["name"].casefold() == wanted:
            return row
    return None


def code_for_path(store: Store, path: str, coder: str, create: bool = True) -> str:
    """The id of the code at ``path``; missing themes and the code are created if allowed."""
    names = parse_path(path)
    with recording(store, "code.create", coder) as change:
        parent_id: str | None = None
        for level, name in enumerate(names, start=1):
            row = live_child_named(store, parent_id, name)
            if row is None and not create:
                raise UserError(f"There is no code '{path}' in the codebook.")
            if row is None:
                is_theme = level < len(names)
                parent_id = insert_new_code(store, change, name, coder, parent_id, is_theme=is_theme)
            else:
                parent_id = row["id"]
        change.info = {"path": path}
    return parent_id

"""What REFI-QDA's codebook and codings cannot say, kept for a workbench round trip.

REFI codes have no creation time, author, example segment, deleted or merged state, and a
coding has no "how" (typed, suggestion, bulk, consensus). The archive's codebook holds the
live codes only and its Codings count as the report counts (a merged-away code's coding as
its survivor's, once per coder; a deleted code's not at all), which is what other tools see.
One Set named "workbench codebook details" keeps the rest as JSON:
``{"workbench_codebook": {"codes": [every code row], "codings": {coding guid: {"how",
"code_id", "written"}}, "hidden_codings": [codings the archive's Codings leave out]}}``.
Importing into a project puts back exactly that, for the codes and codings the import itself
created and where no other tool changed the archive since (a coding whose code is no longer
the one workbench ``written`` keeps the other tool's code).
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from workbench.store import Store, now, stable_id
from workbench.store import coders as coder_rows
from workbench.store import codes as code_rows
from workbench.store import codings as coding_rows
from workbench.store import interchange as interchange_rows
from workbench.store import segments as segment_rows

DETAILS_KEY = "workbench_codebook"
CODE_FIELDS = (
    "id",
    "parent_id",
    "name",
    "definition",
    "lead_in",
    "colour",
    "is_theme",
    "codable",
    "position",
    "retired",
    "merged_into",
    "created_at",
    "created_by",
    "example_segment_id",
)
CODING_FIELDS = ("id", "segment_id", "code_id", "coder", "how", "created_at")
HOW = ("typed", "suggestion", "bulk", "imported", "consensus")


def details_set(store: Store, written: dict[str, str]) -> ET.Element:
    """The Set; ``written`` maps each coding written as a REFI Coding to the code it names."""
    codings, hidden = {}, []
    for row in coding_rows.all_codings(store):
        if row["id"] not in written:
            hidden.append({key: row[key] for key in CODING_FIELDS})
        elif row["how"] != "imported" or row["code_id"] != written[row["id"]]:
            codings[row["id"]] = {"how": row["how"], "code_id": row["code_id"], "written": written[row["id"]]}
    details = {
        "codes": [{key: row[key] for key in CODE_FIELDS} for row in code_rows.all_codes(store)],
        "codings": codings,
        "hidden_codings": hidden,
    }
    element = ET.Element(
        "Set", {"guid": stable_id("refi-codebook-details"), "name": "workbench codebook details"}
    )
    ET.SubElement(element, "Description").text = json.dumps({DETAILS_KEY: details}, ensure_ascii=False)
    return element


def restore_details(store: Store, details: dict, new_codes: set[str], new_codings: set[str]) -> None:
    """Put back what the Set keeps, touching only codes and codings this import created."""
    rows = [row for row in _list(details.get("codes")) if _text(row.get("id"))]
    for row in rows:
        if row["id"] in new_codes:
            _restore_live_code(store, row)
    codes_now = _restore_hidden_codes(store, rows)
    _restore_codings(store, details.get("codings"), new_codings, codes_now)
    for row in _list(details.get("hidden_codings")):
        if _hidden_coding_fits(store, row, codes_now):
            coder_rows.insert_coder(store, row["coder"], False, now())
            coding_rows.insert_coding_if_new(store, {key: row[key] for key in CODING_FIELDS})


def _restore_live_code(store: Store, row: dict) -> None:
    """What a REFI Code cannot say: origin, example, a colour by name, a codable empty theme."""
    interchange_rows.set_code_origin(
        store,
        row["id"],
        _text(row.get("created_at")) or now(),
        _text(row.get("created_by")) or None,
        _text(row.get("example_segment_id")) or None,
    )
    current = code_rows.code_row(store, row["id"])
    if current["colour"] is None and _text(row.get("colour")):
        code_rows.update_code(store, row["id"], colour=row["colour"])
    if row.get("is_theme") and not current["is_theme"]:
        code_rows.update_code(store, row["id"], is_theme=1, codable=int(bool(row.get("codable"))))


def _restore_codings(store: Store, changes: object, new_codings: set[str], codes: set[str]) -> None:
    """Each new coding's own code and how it was made, unless another tool recoded it since."""
    changes = changes if isinstance(changes, dict) else {}
    wanted = [
        coding_id
        for coding_id in changes
        if coding_id in new_codings and isinstance(changes[coding_id], dict)
    ]
    for row in coding_rows.codings_by_id(store, wanted):
        change = changes[row["id"]]
        if change.get("written") != row["code_id"]:
            continue
        code_id = change.get("code_id") if change.get("code_id") in codes else None
        how = change.get("how") if change.get("how") in HOW else None
        interchange_rows.set_coding_details(store, row["id"], code_id, how)


def _restore_hidden_codes(store: Store, rows: list[dict]) -> set[str]:
    """Add the deleted and merged codes the project lacks; return every code id it now has."""
    known = {row["id"] for row in code_rows.all_codes(store)}
    hidden = [
        row for row in rows if row["id"] not in known and (row.get("retired") or row.get("merged_into"))
    ]
    ids = known | {row["id"] for row in hidden}
    merged = {row["id"] for row in hidden if row.get("merged_into") in ids - {row["id"]}}
    for row in hidden:  # a merged code whose survivor is missing stays hidden as deleted
        code_rows.insert_code_if_new(store, _hidden_code(row, retired=row["id"] not in merged))
    for row in hidden:  # parents and survivors once every row exists (foreign keys)
        parent_id = row.get("parent_id") if row.get("parent_id") in ids - {row["id"]} else None
        code_rows.update_code(store, row["id"], lead_in=_text(row.get("lead_in")), parent_id=parent_id)
        if row["id"] in merged:
            code_rows.set_code_merged_into(store, row["id"], row["merged_into"])
    return ids


def _hidden_code(row: dict, *, retired: bool) -> dict:
    """A deleted or merged code's row, placed and merged once all rows exist."""
    return {
        "id": row["id"],
        "parent_id": None,
        "name": _text(row.get("name")) or "?",
        "definition": _text(row.get("definition")),
        "colour": _text(row.get("colour")) or None,
        "is_theme": int(bool(row.get("is_theme"))),
        "codable": int(bool(row.get("codable"))),
        "position": row.get("position") if isinstance(row.get("position"), int) else 0,
        "retired": int(bool(row.get("retired")) or retired),
        "merged_into": None,
        "created_at": _text(row.get("created_at")) or now(),
        "created_by": _text(row.get("created_by")) or None,
    }


def _hidden_coding_fits(store: Store, row: object, codes: set[str]) -> bool:
    if not isinstance(row, dict) or not all(_text(row.get(key)) for key in CODING_FIELDS):
        return False
    return (
        row["how"] in HOW
        and row["code_id"] in codes
        and segment_rows.segment_exists(store, row["segment_id"])
    )


def _list(value: object) -> list[dict]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""

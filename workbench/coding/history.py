"""The codebook's story, read from the event log: per code, what happened, who, when."""

from __future__ import annotations

from workbench.coding.codebook_tree import Code, Codebook
from workbench.store import Store
from workbench.store import events as event_rows

_KINDS = (
    "code.create",
    "code.import",
    "code.rename",
    "code.define",
    "code.move",
    "code.retire",
    "code.merge",
    "code.split",
    "undo",
    "redo",
)


def _row_steps(old: dict | None, new: dict | None, names: dict[str, str]) -> list[tuple[str, str]]:
    """What changed in one code row, as (what, detail) pairs; updates hold changed columns only."""
    if old is None:
        return [("created", new["name"])] if new else []
    if new is None:
        return [("removed", old["name"])]
    steps = []
    if "name" in new:
        steps.append(("renamed", f"{old['name']} -> {new['name']}"))
    if "parent_id" in new:
        steps.append(("moved", f"under {names.get(new['parent_id'], 'top level')}"))
    if "merged_into" in new:
        target = new["merged_into"]
        steps.append(("merged", f"into {names[target]}") if target else ("unmerged", ""))
    if "retired" in new:
        steps.append(("retired" if new["retired"] else "restored", ""))
    if {"definition", "example_segment_id", "colour"} & set(new):
        steps.append(("defined", new.get("definition", "")))
    return steps


def _event_steps(event: dict, names: dict[str, str]) -> list[tuple[str, str, str]]:
    """(code id, what, detail) for every code an event changed."""
    rows_before = event["rows_before"].get("codes", {})
    rows_after = event["rows_after"].get("codes", {})
    found = [
        (code_id, what, detail)
        for code_id in rows_after
        for what, detail in _row_steps(rows_before.get(code_id), rows_after[code_id], names)
    ]
    info = event["info"]
    if event["kind"] == "code.split":
        found.append((event["target"], "split", f"codings to {names.get(info.get('into'), '?')}"))
    if event["kind"] == "code.merge":
        found.append((info.get("into"), "received", f"codings of {names.get(event['target'], '?')}"))
    if event["kind"] in ("undo", "redo"):
        found = [(code_id, f"{what} ({event['kind']})", detail) for code_id, what, detail in found]
    return found


def codebook_history(store: Store) -> list[dict]:
    """Per code (live or not): id, name, path, status and its steps, oldest first."""
    codebook = Codebook.from_store(store)
    codes = sorted(codebook.all(), key=lambda code: code.created_at)
    names = {code.id: code.name for code in codes}
    stories = {code.id: _story(code, names, codebook.path(code.id)) for code in codes}
    for event in event_rows.events_of_kinds(store, _KINDS):
        if event["kind"] in ("undo", "redo") and not event["info"]["kind"].startswith("code."):
            continue
        for code_id, what, detail in _event_steps(event, names):
            if code_id in stories:
                stories[code_id]["steps"].append(
                    {
                        "at": event["at"],
                        "coder": event["coder"],
                        "what": what,
                        "detail": detail,
                        "codings": _count_at(event, code_id, what),
                    }
                )
    return list(stories.values())


def _count_at(event: dict, code_id: str, what: str) -> int | None:
    """Codings the code had at this step: before a merge, after anything else; for a split,
    the codings that moved to the new code."""
    info = event["info"]
    if what == "created":
        return 0
    if what == "merged":
        return info.get("before", {}).get(code_id)
    if what == "split":
        return len(event["rows_after"].get("codings", {}))
    return info.get("codings", {}).get(code_id)


def _story(code: Code, names: dict[str, str], path: str) -> dict:
    status = "merged" if code.merged_into else "retired" if code.retired else "live"
    return {
        "id": code.id,
        "name": code.name,
        "path": path,
        "status": status,
        "merged_into": names.get(code.merged_into),
        "created_by": code.created_by,
        "created_at": code.created_at,
        "steps": [],
    }

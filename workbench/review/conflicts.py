"""Settling merge conflicts: take this copy's side or the other's, as a new logged decision.

A settlement is written as a ``merge.settle`` event holding the rows it sets, newer than
both sides' changes, so it wins in every copy it is merged into later.
"""

from __future__ import annotations

import json

from workbench.errors import UserError
from workbench.store import Store, merge_events, now, stable_id
from workbench.store import events as event_rows

SIDES = ("mine", "theirs")


def open_conflicts(store: Store) -> list[dict]:
    """Conflicts waiting to be settled, oldest first, with both sides decoded."""
    return [
        {**row, "mine": json.loads(row["mine"]), "theirs": json.loads(row["theirs"])}
        for row in merge_events.open_conflicts(store)
    ]


def settle(store: Store, conflict_id: str, side: str, coder: str) -> None:
    """Take one side of a conflict; the other side's codings on that answer are kept where they fit."""
    if side not in SIDES:
        raise UserError(f"Take 'mine' or 'theirs', not {side!r}.")
    found = [row for row in open_conflicts(store) if row["id"] == conflict_id]
    if not found:
        raise UserError(f"Merge conflict {conflict_id} is not open (already settled, or no such id).")
    conflict = found[0]
    with store.atomic():
        if conflict["kind"] == "rename":
            wanted = {"codes": {conflict["target"]: {"name": conflict[side]["name"]}}}
        else:
            wanted = _answer_rows(store, conflict, side)
        _write_logged(store, wanted, coder, conflict)
        merge_events.settle_conflict_row(store, conflict_id, side, now())


def _overlap_home(segments: list[dict], row: dict, spans: dict[str, tuple[int, int]]) -> str | None:
    """The segment of the row's coder's segmentation that overlaps the row's old span most."""
    start, end = spans.get(row["segment_id"], (0, 0))
    candidates = _segmentation_of(segments, row["coder"])
    if not candidates:
        return None
    best = max(candidates, key=lambda seg: (min(seg["end"], end) - max(seg["start"], start), -seg["start"]))
    return best["id"] if min(best["end"], end) > max(best["start"], start) else None


def _segmentation_of(segments: list[dict], coder: str) -> list[dict]:
    """A coder's segmentation among an answer's segments: their own, and the shared ones none of
    their own overlaps."""
    own = [seg for seg in segments if seg.get("coder") == coder]
    shared = [
        seg
        for seg in segments
        if seg.get("coder") is None
        and not any(o["start"] < seg["end"] and seg["start"] < o["end"] for o in own)
    ]
    return own + shared


def _answer_rows(store: Store, conflict: dict, side: str) -> dict:
    """The rows of the answer once ``side`` is taken: its segments, all codings that fit, memos."""
    answer_id = int(conflict["target"])
    kept, other = conflict[side], conflict["mine" if side == "theirs" else "theirs"]
    segments = [{**row, "answer_id": answer_id} for row in kept["segments"]]
    if side == "theirs" and kept["text"] != conflict["mine"]["text"]:
        merge_events.set_answer_text(store, answer_id, kept["text"])
    codings = {(row["segment_id"], row["code_id"], row["coder"]): row for row in kept["codings"]}
    memos = {row["id"]: row for row in kept["memos"]}
    if kept["text"] == other["text"]:
        spans = {row["id"]: (row["start"], row["end"]) for row in other["segments"]}
        for row in other["codings"]:
            home = _overlap_home(segments, row, spans)
            key = (home, row["code_id"], row["coder"])
            if home is not None and key not in codings:
                codings[key] = {**row, "id": stable_id("coding", *key), "segment_id": home}
        for row in other["memos"]:
            home = _overlap_home(segments, row, spans)
            if home is not None and row["id"] not in memos:
                memos[row["id"]] = {**row, "segment_id": home}
    rows = {"segments": segments, "codings": list(codings.values()), "memos": list(memos.values())}
    wanted = {table: {row["id"]: row for row in rows[table]} for table in rows}
    for source in (conflict["mine"], conflict["theirs"]):
        for table in rows:
            for row in source[table]:
                wanted[table].setdefault(row["id"], None)
    return wanted


def _write_logged(store: Store, wanted: dict, coder: str, conflict: dict) -> None:
    """Write the wanted rows (None: delete) and log them as one settlement event."""
    before = {table: event_rows.rows_by_id(store, table, list(rows)) for table, rows in wanted.items()}
    before = {table: {key: before[table].get(key) for key in rows} for table, rows in wanted.items()}
    for table in ("codings", "memos", "segments", "codes"):
        doomed = [key for key, row in wanted.get(table, {}).items() if row is None and before[table][key]]
        event_rows.delete_rows(store, table, doomed)
    for table in ("codes", "segments", "memos", "codings"):
        for key, row in wanted.get(table, {}).items():
            if row is None:
                continue
            if table == "codes":
                event_rows.update_rows(store, table, tuple(row), [{**row, "id": key}])
            else:
                event_rows.upsert_rows(store, table, [row])
    after = {table: dict(rows) for table, rows in wanted.items()}
    if "codes" not in wanted:
        after = {table: {key: _full(store, table, key) for key in rows} for table, rows in wanted.items()}
    store.log_event(
        "merge.settle",
        coder=coder,
        target=conflict["target"],
        before={"rows": before},
        after={"rows": after, "info": {"conflict": conflict["id"], "kind": conflict["kind"]}},
    )


def _full(store: Store, table: str, key: str) -> dict | None:
    return event_rows.rows_by_id(store, table, [key]).get(key)

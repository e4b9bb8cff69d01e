"""Memos: a coder's note on a segment, saved as one undoable change in the event log."""

from __future__ import annotations

from workbench.coding.changes import recording
from workbench.errors import UserError
from workbench.store import Store, stable_id
from workbench.store import events as event_rows
from workbench.store import memos as memo_rows
from workbench.store import segments as segment_rows

MEMO_SAVE = "memo.save"
_REPLAYED = {"undo": "undone", "redo": "redone"}


def save_memo(store: Store, segment_id: str, coder: str, text: str) -> None:
    """Write, replace or (with empty text) delete the coder's memo on a segment."""
    if segment_rows.segment_row(store, segment_id) is None:
        raise UserError(f"There is no segment with id {segment_id}.")
    if memo_rows.memo_text(store, segment_id, coder) == text:
        return
    with recording(store, MEMO_SAVE, coder, target=segment_id) as change:
        memo_ids = memo_rows.memo_ids_of_segment(store, segment_id, coder)
        kept = memo_ids[:1] if text else []
        created = [stable_id("memo", segment_id, coder)] if text and not kept else []
        change.touch("memos", memo_ids + created)
        memo_rows.delete_memos(store, memo_ids[len(kept) :])
        for memo_id in kept:
            memo_rows.update_memo_text(store, memo_id, text)
        for memo_id in created:
            memo_rows.insert_memo_if_new(
                store, {"id": memo_id, "segment_id": segment_id, "coder": coder, "text": text}
            )


def _saved_text(event: dict) -> str:
    """The memo text an event left behind ("" when it deleted the memo)."""
    for row in event["rows_after"].get("memos", {}).values():
        if row is not None and "text" in row:
            return row["text"]
    return ""


def memo_history(store: Store) -> list[dict]:
    """Every memo change, oldest first: at, coder, segment_id, what (saved, deleted, undone,
    redone) and the text saved."""
    saved: dict[str, dict] = {}
    steps = []
    for event in event_rows.events_of_kinds(store, (MEMO_SAVE, "undo", "redo")):
        if event["kind"] == MEMO_SAVE:
            text = _saved_text(event)
            step = {"segment_id": event["target"], "what": "saved" if text else "deleted", "text": text}
            saved[event["action_id"]] = step
        elif event["target"] in saved:
            step = {**saved[event["target"]], "what": _REPLAYED[event["kind"]]}
        else:
            continue
        steps.append({"at": event["at"], "coder": event["coder"], **step})
    return steps

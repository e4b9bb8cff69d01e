"""Segments: the coded spans of an answer, split and merged without losing codings."""

from __future__ import annotations

from workbench.coding.changes import Change, recording
from workbench.coding.models import Segment
from workbench.errors import UserError
from workbench.store import Store, new_id, stable_id
from workbench.store import answers as answer_rows
from workbench.store import codes as code_rows
from workbench.store import codings as coding_rows
from workbench.store import memos as memo_rows
from workbench.store import segments as segment_rows


def _segment(row: dict) -> Segment:
    return Segment(
        id=row["id"],
        answer_id=row["answer_id"],
        start=row["start"],
        end=row["end"],
        text=row["answer_text"][row["start"] : row["end"]],
        for_report=bool(row["for_report"]),
    )


def segments_of_answer(store: Store, answer_id: int) -> list[Segment]:
    """The segments of one answer, in text order (none for a non-response)."""
    return [_segment(row) for row in segment_rows.segments_of_answer(store, answer_id)]


def _existing_segment(store: Store, segment_id: str) -> dict:
    row = segment_rows.segment_row(store, segment_id)
    if row is None:
        raise UserError(f"There is no segment with id {segment_id}.")
    return row


def split_segment(store: Store, segment_id: str, at: int, coder: str) -> tuple[str, str]:
    """Cut a segment at answer offset ``at``; both halves keep its codes. Returns both ids."""
    with recording(store, "segment.split", coder, target=segment_id) as change:
        row = _existing_segment(store, segment_id)
        if not row["start"] < at < row["end"]:
            raise UserError(
                f"Cannot split segment {segment_id} at {at}: the offset must lie strictly "
                f"between {row['start']} and {row['end']}."
            )
        right = {**row, "id": new_id(), "start": at}
        copies = [
            {
                **coding,
                "id": stable_id("coding", right["id"], coding["code_id"], coding["coder"]),
                "segment_id": right["id"],
            }
            for coding in coding_rows.codings_of_segment(store, segment_id)
        ]
        change.touch("segments", [segment_id, right["id"]])
        change.touch("codings", [coding["id"] for coding in copies])
        segment_rows.set_segment_end(store, segment_id, at)
        segment_rows.insert_segment(store, right)
        coding_rows.insert_codings(store, copies)
    return segment_id, right["id"]


def _check_adjacent(store: Store, left: dict, right: dict) -> None:
    if left["answer_id"] != right["answer_id"]:
        raise UserError("Cannot merge segments of different answers.")
    neighbours = [row["id"] for row in segment_rows.segments_of_answer(store, left["answer_id"])]
    position = neighbours.index(left["id"])
    if position + 1 >= len(neighbours) or neighbours[position + 1] != right["id"]:
        raise UserError("Cannot merge: the second segment must directly follow the first.")


def _fold_into(store: Store, change: Change, left: dict, right: dict) -> None:
    """Move the right segment's codings, memos and example uses onto the left one."""
    kept = {(row["code_id"], row["coder"]) for row in coding_rows.codings_of_segment(store, left["id"])}
    moving = coding_rows.codings_of_segment(store, right["id"])
    duplicates = [row["id"] for row in moving if (row["code_id"], row["coder"]) in kept]
    movers = [row["id"] for row in moving if (row["code_id"], row["coder"]) not in kept]
    memos = memo_rows.memo_ids_of_segment(store, right["id"])
    examples = code_rows.codes_with_example_segment(store, right["id"])
    change.touch("codings", duplicates + movers)
    change.touch("memos", memos)
    change.touch("codes", examples)
    coding_rows.delete_codings(store, duplicates)
    coding_rows.move_codings_to_segment(store, movers, left["id"])
    memo_rows.move_memos_to_segment(store, memos, left["id"])
    for code_id in examples:
        code_rows.update_code(store, code_id, example_segment_id=left["id"])


def merge_segments(store: Store, left_id: str, right_id: str, coder: str) -> str:
    """Join a segment with the one right after it; codes are united. Returns the kept id."""
    with recording(store, "segment.merge", coder, target=left_id) as change:
        left = _existing_segment(store, left_id)
        right = _existing_segment(store, right_id)
        _check_adjacent(store, left, right)
        change.touch("segments", [left_id, right_id])
        _fold_into(store, change, left, right)
        segment_rows.delete_segment(store, right_id)
        segment_rows.set_segment_end(store, left_id, right["end"])
    return left_id


def discard_blank_segment(store: Store, segment_id: str, coder: str) -> bool:
    """Remove a segment holding only whitespace (left over by a split), with its codings."""
    with recording(store, "segment.discard", coder, target=segment_id) as change:
        row = _existing_segment(store, segment_id)
        text = answer_rows.answer_text(store, row["answer_id"])[row["start"] : row["end"]]
        if text.strip() or memo_rows.memo_ids_of_segment(store, segment_id):
            return False
        doomed = [coding["id"] for coding in coding_rows.codings_of_segment(store, segment_id)]
        change.touch("codings", doomed)
        change.touch("segments", [segment_id])
        coding_rows.delete_codings(store, doomed)
        segment_rows.delete_segment(store, segment_id)
    return True

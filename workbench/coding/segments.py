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


def segments_of_answer(store: Store, answer_id: int, coder: str | None = None) -> list[Segment]:
    """The segments of one answer, in text order (none for a non-response); with ``coder``,
    that coder's segmentation (their own segments if they split it, else the shared ones)."""
    if coder is None:
        return [_segment(row) for row in segment_rows.segments_of_answer(store, answer_id)]
    return [_segment(row) for row in segment_rows.coder_segments_of_answer(store, answer_id, coder)]


def shared_segments_of_answer(store: Store, answer_id: int) -> list[Segment]:
    """The shared segments of one answer (no coder's own), in text order."""
    return [_segment(row) for row in segment_rows.owned_segments_of_answer(store, answer_id, None)]


def _existing_segment(store: Store, segment_id: str) -> dict:
    row = segment_rows.segment_row(store, segment_id)
    if row is None:
        raise UserError(f"There is no segment with id {segment_id}.")
    return row


def split_segment(
    store: Store, segment_id: str, at: int, coder: str, *, shared: bool = False
) -> tuple[str, str]:
    """Cut a segment of the coder's segmentation at answer offset ``at``; both halves keep the
    coder's codes. A shared segment is first copied for the coder (with their codings and memos on
    it), so no other coder's segments or codings change; if the coder has already replaced it,
    their own segment at ``at`` is cut. ``shared`` cuts a shared segment itself, every coder's
    codes on both halves (an import building the project's segmentation). Returns both ids."""
    with recording(store, "segment.split", coder, target=segment_id) as change:
        row = _existing_segment(store, segment_id)
        if not (shared and row["coder"] is None):
            row = _own_segment_at(store, change, row, coder, at)
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
            for coding in coding_rows.codings_of_segment(store, row["id"])
        ]
        change.touch("segments", [row["id"], right["id"]])
        change.touch("codings", [coding["id"] for coding in copies])
        segment_rows.set_segment_end(store, row["id"], at)
        segment_rows.insert_segment(store, right)
        coding_rows.insert_codings(store, copies)
    return row["id"], right["id"]


def _own_segment_at(store: Store, change: Change, row: dict, coder: str, at: int) -> dict:
    """The coder's own segment holding offset ``at`` of a segment's span: theirs already, or a
    copy of the shared segment made now."""
    if row["coder"] == coder:
        return row
    if row["coder"] is not None:
        raise UserError(f"Segment {row['id']} belongs to {row['coder']}'s segmentation, not {coder}'s.")
    own = segment_rows.owned_segments_of_answer(store, row["answer_id"], coder)
    over = [s for s in own if s["start"] < row["end"] and row["start"] < s["end"]]
    if not over:
        return _existing_segment(store, _copy_shared(store, change, [row], coder)[row["id"]])
    return next((s for s in over if s["start"] <= at < s["end"]), over[-1])


def _copy_shared(store: Store, change: Change, shared: list[dict], coder: str) -> dict[str, str]:
    """Give the coder their own copy of shared segments, carrying the coder's codings and memos on
    them (ids kept); returns shared id -> own id."""
    mapping = {segment["id"]: stable_id("segment", segment["id"], coder) for segment in shared}
    codings = {
        coding["id"]: mapping[sid]
        for sid in mapping
        for coding in coding_rows.codings_of_segment(store, sid)
        if coding["coder"] == coder
    }
    memos = {
        memo: mapping[sid] for sid in mapping for memo in memo_rows.memo_ids_of_segment(store, sid, coder)
    }
    change.touch("segments", list(mapping.values()))
    change.touch("codings", list(codings))
    change.touch("memos", list(memos))
    for segment in shared:
        segment_rows.insert_segment(store, {**segment, "id": mapping[segment["id"]], "coder": coder})
    for coding_id, segment_id in codings.items():
        coding_rows.move_codings_to_segment(store, [coding_id], segment_id)
    for memo_id, segment_id in memos.items():
        memo_rows.move_memos_to_segment(store, [memo_id], segment_id)
    return mapping


def _check_adjacent(store: Store, left: dict, right: dict) -> None:
    if left["answer_id"] != right["answer_id"]:
        raise UserError("Cannot merge segments of different answers.")
    if left["coder"] != right["coder"]:
        raise UserError("Cannot merge segments of two different coders' segmentations.")
    owned = segment_rows.coder_segments_of_answer(store, left["answer_id"], left["coder"])
    neighbours = [row["id"] for row in owned]
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
    """Join a segment with the one right after it in the coder's segmentation; codes are
    united. Shared segments are joined in the coder's own copy. Returns the kept id."""
    with recording(store, "segment.merge", coder, target=left_id) as change:
        left = _existing_segment(store, left_id)
        right = _existing_segment(store, right_id)
        shared = [row for row in (left, right) if row["coder"] is None]
        if shared and left["answer_id"] == right["answer_id"] and left_id != right_id:
            seen = {
                row["id"] for row in segment_rows.coder_segments_of_answer(store, left["answer_id"], coder)
            }
            if any(row["id"] not in seen for row in shared):
                raise UserError(f"Segments {left_id} and {right_id} are not both in {coder}'s segmentation.")
            mapping = _copy_shared(store, change, shared, coder)
            left = _existing_segment(store, mapping.get(left_id, left_id))
            right = _existing_segment(store, mapping.get(right_id, right_id))
        _check_adjacent(store, left, right)
        change.touch("segments", [left["id"], right["id"]])
        _fold_into(store, change, left, right)
        segment_rows.delete_segment(store, right["id"])
        segment_rows.set_segment_end(store, left["id"], right["end"])
    return left["id"]


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

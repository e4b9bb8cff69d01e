"""Applying codes to many segments at once: one transaction, one event, one undo step.

Every way of coding several answers (the answer table's marked rows, the review list,
clusters, near-duplicates, more-like-this) goes through ``apply_to_answers`` or
``apply_to_segments``, so each is undone with one ``undo`` whatever its size.
"""

from __future__ import annotations

from collections.abc import Callable

from workbench.coding.changes import recording
from workbench.errors import UserError
from workbench.store import Store, new_id, now, stable_id
from workbench.store import coders as coder_rows
from workbench.store import codes as code_rows
from workbench.store import codings as coding_rows
from workbench.store import segments as segment_rows

HOW_VALUES = ("typed", "suggestion", "bulk", "imported", "consensus")

Progress = Callable[[int, int], None]
StopAsked = Callable[[], bool]


class Stopped(Exception):
    """Bulk coding was stopped before it finished; nothing was written."""


def _check_codable(store: Store, code_id: str) -> None:
    row = code_rows.code_row(store, code_id)
    if row is None:
        raise UserError(f"There is no code with id {code_id}.")
    if row["merged_into"] is not None or row["retired"]:
        raise UserError(f"The code '{row['name']}' is merged or retired; pick a live code.")
    if not row["codable"]:
        raise UserError(f"'{row['name']}' is a theme, not a code; mark it codable to apply it.")


def _check_segment(store: Store, segment_id: str, coder: str) -> None:
    segment = segment_rows.segment_row(store, segment_id)
    if segment is None:
        raise UserError(f"There is no segment with id {segment_id}.")
    if segment["coder"] not in (None, coder):
        raise UserError(
            f"Segment {segment_id} is part of {segment['coder']}'s own segmentation; {coder} cannot code it."
        )


def _check_all(store: Store, segment_ids: list[str], code_ids: list[str], coder: str, how: str) -> None:
    if how not in HOW_VALUES:
        raise ValueError(f"how must be one of {HOW_VALUES}, not {how!r}")
    for segment_id in segment_ids:
        _check_segment(store, segment_id, coder)
    for code_id in code_ids:
        _check_codable(store, code_id)


def _coding_id(store: Store, segment_id: str, code_id: str, coder: str) -> str:
    """The same decision gets the same id in every copy (merges match it); a fresh one when a
    recoded coding (split or merged code) already holds that id."""
    wanted = stable_id("coding", segment_id, code_id, coder)
    return new_id() if coding_rows.codings_by_id(store, [wanted]) else wanted


def _new_codings(store: Store, segment_id: str, code_ids: list[str], coder: str, how: str) -> list[dict]:
    existing = coding_rows.coding_keys_of_segment(store, segment_id, coder)
    created_at = now()
    return [
        {
            "id": _coding_id(store, segment_id, code_id, coder),
            "segment_id": segment_id,
            "code_id": code_id,
            "coder": coder,
            "how": how,
            "created_at": created_at,
        }
        for code_id in code_ids
        if code_id not in existing
    ]


def apply_to_segments(
    store: Store,
    segment_ids: list[str],
    code_ids: list[str],
    coder: str,
    how: str = "bulk",
    on_progress: Progress | None = None,
    stop: StopAsked | None = None,
) -> list[str]:
    """Put codes on segments for a coder as one action; return the new coding ids.

    Codings that exist already are skipped. ``on_progress(done, total)`` is called per
    segment; when ``stop()`` turns true the whole action is rolled back and ``Stopped`` raised.
    """
    segment_ids, code_ids = list(dict.fromkeys(segment_ids)), list(dict.fromkeys(code_ids))
    target = segment_ids[0] if len(segment_ids) == 1 else f"{len(segment_ids)} segments"
    with recording(store, "coding.apply", coder, target=target) as change:
        _check_all(store, segment_ids, code_ids, coder, how)
        coder_rows.insert_coder(store, coder, False, now())
        rows = []
        for done, segment_id in enumerate(segment_ids, start=1):
            if stop is not None and stop():
                raise Stopped
            rows += _new_codings(store, segment_id, code_ids, coder, how)
            if on_progress is not None:
                on_progress(done, len(segment_ids))
        change.touch("codings", [row["id"] for row in rows])
        coding_rows.insert_codings(store, rows)
    return [row["id"] for row in rows]


def apply_to_answers(
    store: Store,
    answer_ids: list[int],
    code_ids: list[str],
    coder: str,
    on_progress: Progress | None = None,
    stop: StopAsked | None = None,
) -> int:
    """Put codes on every segment of the given answers (how = 'bulk') as one undoable action.

    Returns how many answers were given; see ``apply_to_segments`` for progress and stopping.
    """
    if not answer_ids or not code_ids:
        return 0
    segment_ids = segment_rows.coder_segment_ids_of_answers(store, sorted(answer_ids), coder)
    apply_to_segments(store, segment_ids, code_ids, coder, "bulk", on_progress, stop)
    return len(answer_ids)

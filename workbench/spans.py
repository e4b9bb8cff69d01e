"""Span arithmetic for segmentations: answers are partitioned into non-overlapping spans."""

from __future__ import annotations


def fill_gaps(length: int, spans: list[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """Sorted, non-overlapping ``spans`` plus the gaps between them, covering ``[0, length)``.

    Each item is (start, end, given): ``given`` is False for a gap that was filled in.
    """
    filled, cursor = [], 0
    for start, end in sorted(spans):
        if start > cursor:
            filled.append((cursor, start, False))
        filled.append((start, end, True))
        cursor = end
    if cursor < length:
        filled.append((cursor, length, False))
    return filled


def first_overlap(spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The first span that overlaps an earlier one in start order, or None."""
    end_so_far = 0
    for start, end in sorted(spans):
        if start < end_so_far:
            return (start, end)
        end_so_far = max(end_so_far, end)
    return None

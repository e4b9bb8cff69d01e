"""Where to cut an answer so that one part of it (a run of sentences) becomes a segment."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PartCut:
    """The cuts that isolate a part, where the cursor sits so the rest keeps its codes
    (``keep_at``), and a place inside the part to put the new code (``code_at``)."""

    cuts: tuple[int, ...]
    keep_at: int
    code_at: int


def part_cut(segments, start: int, end: int) -> PartCut:
    """The cuts at the part's edges that fall inside a segment (``start`` < ``end``)."""
    if not 0 <= start < end:
        raise ValueError(f"a part runs from an offset to a later one, not {start}–{end}")
    cuts = tuple(at for at in (start, end) if any(seg.start < at < seg.end for seg in segments))
    keep_at = start - 1 if start in cuts else end
    return PartCut(cuts, keep_at, start)

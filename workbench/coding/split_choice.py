"""After a split, which part keeps which of the coder's codes.

By default every code stays with the part the cursor is in and the other parts are uncoded.
A ``SplitPlan`` names, for the split segment under the cursor, the part each of the coder's
codes goes to; ``split_by_plan`` cuts and places the codes as one change (one undo step).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import pairwise

from workbench.coding.changes import recording
from workbench.coding.codings import remove_codes
from workbench.coding.segments import split_segment
from workbench.coding.session_values import Segment
from workbench.store import Store


@dataclass(frozen=True)
class SplitPlan:
    """The cuts of one split, the parts of the segment under the cursor, and where each of the
    coder's codes on it goes (``places``: a part index per code, in ``codes`` order)."""

    cuts: tuple[int, ...]
    cursor: int
    parts: tuple[tuple[int, int], ...]
    codes: tuple[tuple[str, str], ...]
    places: tuple[int, ...]

    @property
    def keeper(self) -> int:
        """The part the cursor is in: where the codes stay unless moved."""
        return next(i for i, (start, end) in enumerate(self.parts) if start <= self.cursor < end)

    @property
    def moved(self) -> bool:
        """Whether any code goes to another part than the cursor's."""
        return any(place != self.keeper for place in self.places)

    def move(self, number: int) -> SplitPlan:
        """Send code ``number`` (1-based) to the next part, round to the first after the last."""
        if not 1 <= number <= len(self.codes):
            return self
        places = list(self.places)
        places[number - 1] = (places[number - 1] + 1) % len(self.parts)
        return replace(self, places=tuple(places))


def plan_split(segments: list[Segment], cursor: int, cuts: list[int], coder: str, paths: dict) -> SplitPlan:
    """The default plan: the coder's codes on the segment under the cursor stay in its part."""
    here = next((s for s in segments if s.start <= cursor < s.end), segments[0])
    inside = sorted(at for at in set(cuts) if here.start < at < here.end)
    bounds = [here.start, *inside, here.end]
    parts = tuple(pairwise(bounds))
    mine = [row["code_id"] for row in here.codings if row["coder"] == coder]
    codes = tuple(sorted(((code_id, paths.get(code_id, "?")) for code_id in set(mine)), key=lambda c: c[1]))
    plan = SplitPlan(tuple(sorted(set(cuts))), cursor, parts, codes, ())
    return replace(plan, places=(plan.keeper,) * len(codes))


def split_by_plan(store: Store, coder: str, segments: list[Segment], plan: SplitPlan) -> int:
    """Cut the segments at the plan's offsets; in each, the coder's codes stay in the part the
    cursor is in (or nearest it) except those the plan sends elsewhere. Returns how many cuts."""
    done = 0
    with recording(store, "segment.split", coder, target=segments[0].id if segments else None):
        for segment in segments:
            inside = [at for at in plan.cuts if segment.start < at < segment.end]
            if not inside:
                continue
            part_ids = _cut(store, coder, segment.id, inside)
            mine = list(dict.fromkeys(row["code_id"] for row in segment.codings if row["coder"] == coder))
            wanted = _places(plan, segment, inside, mine)
            for index, part_id in enumerate(part_ids):
                remove_codes(store, part_id, [code for code in mine if wanted[code] != index], coder)
            done += len(inside)
    return done


def _cut(store: Store, coder: str, segment_id: str, cuts: list[int]) -> list[str]:
    """Cut from the last offset back; returns the parts' ids in text order."""
    current, tails = segment_id, []
    for at in sorted(cuts, reverse=True):
        current, right = split_segment(store, current, at, coder)
        tails.insert(0, right)
    return [current, *tails]


def _places(plan: SplitPlan, segment: Segment, cuts: list[int], mine: list[str]) -> dict[str, int]:
    """Part index per code: the plan's for the cursor's segment, else the part nearest the cursor."""
    if segment.start <= plan.cursor < segment.end:
        chosen = dict(zip((code for code, _ in plan.codes), plan.places, strict=True))
        return {code: chosen.get(code, plan.keeper) for code in mine}
    nearest = 0 if plan.cursor < segment.start else len(cuts)
    return {code: nearest for code in mine}

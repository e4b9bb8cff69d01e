"""Splitting on the coding screen: the part of ``CodingSession`` that cuts the current answer's
segments (at the cursor, at sentence starts, around a part that points to a code of its own)
and places the coder's codes on the parts. Mixed into ``CodingSession``, which provides the
answer, cursor, segments and the undo record."""

from __future__ import annotations

from workbench.coding.changes import recording
from workbench.coding.codings import remove_codes
from workbench.coding.part_split import part_cut
from workbench.coding.segments import split_segment
from workbench.coding.session_values import Segment, sentence_starts
from workbench.coding.split_choice import SplitPlan, split_by_plan
from workbench.errors import UserError


class SplittingSession:
    """Cutting the current answer's segments, each cut one undo step."""

    def sentence_boundaries(self) -> list[int]:
        """Offsets where a sentence of the answer begins (not its first)."""
        return sentence_starts(self.text)

    def split_at(self, cuts: list[int]) -> int:
        """Split the segments at these offsets as one change (one undo step); the codes stay
        with the part under the cursor, the other parts are uncoded. Returns how many cuts."""
        inside = [at for at in sorted(set(cuts), reverse=True) if self._segment_around(at) is not None]
        if inside:
            self._record(self._split_all, inside)
        return len(inside)

    def split_and_apply(self, start: int, end: int, code_id: str) -> None:
        """Make the part ``start``–``end`` a segment of its own and put a code on it, as one
        change (one undo step). As with ``split_at``, one other part keeps the split segment's
        codes: the one before the part (or after it, for the answer's first part)."""
        plan = part_cut(self.segments, start, end)
        done, undone = list(self._done), list(self._undone)
        try:
            with recording(self.store, "segment.split", self.coder, target=self._current_segment_id()):
                self.cursor = plan.keep_at
                self.split_at(list(plan.cuts))
                self.cursor = plan.code_at
                self.apply_code(code_id, how="suggestion")
        finally:  # the steps inside are one change, recorded when the block ends
            self._done, self._undone = done, undone
            self.reload_answer()
        self._remember_change()

    def _segment_around(self, at: int) -> Segment | None:
        return next((s for s in self.segments if s.start < at < s.end), None)

    def _split_all(self, cuts: list[int]) -> None:
        """Cut from the last offset back, so each cut falls in a segment as it was read."""
        with recording(self.store, "segment.split", self.coder, target=self.segments[0].id):
            for at in cuts:
                self._split_one(self._segment_around(at), at, self.cursor < at)

    def _split_one(self, segment: Segment, at: int, keep_left: bool) -> None:
        left_id, right_id = split_segment(self.store, segment.id, at, self.coder)
        uncoded = right_id if keep_left else left_id
        mine = [row["code_id"] for row in segment.codings if row["coder"] == self.coder]
        remove_codes(self.store, uncoded, mine, self.coder)

    def resplit(self, plan: SplitPlan) -> bool:
        """Take back this session's latest split and cut again with the codes where ``plan`` puts
        them: the split stays one undo step."""
        done = len(self._done)
        message = self.undo()
        if len(self._done) == done:
            raise UserError(message)
        self.cursor = plan.cursor
        self._record(split_by_plan, self.store, self.coder, list(self.segments), plan)
        return True

    def next_uncoded_segment(self) -> bool:
        """Put the cursor on the first segment of this answer without a code of this coder."""
        for segment in self.segments:
            if not any(row["coder"] == self.coder for row in segment.codings):
                self.cursor = segment.start
                return True
        return False

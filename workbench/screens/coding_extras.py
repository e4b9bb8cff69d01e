"""Blind double-coding, marks for the report and the suggestion screens, on the coding screen.

The suggestion screens import scikit-learn, so they are imported when first opened: the
coding screen must not wait for it.
"""

from __future__ import annotations

from workbench import coding
from workbench.review.assign import BlindView, blind_view
from workbench.store import Store, overview
from workbench.widgets.answer_view import AnswerView
from workbench.widgets.status_line import StatusLine

NO_SAMPLE = BlindView(sample_answer_ids=None, hide_other_coders=False)


class CodingExtras:
    """Actions and state of ``CodingScreen`` beyond the core loop (a mixin)."""

    blind_view: BlindView = NO_SAMPLE

    def load_blind_view(self) -> None:
        """Read the coder's double-coding sample, if any, and say so in the status line."""
        self.blind_view = blind_view(self.store, self.coder)
        sample = self.blind_view.sample_answer_ids
        self.query_one(StatusLine).sample = "" if sample is None else f"blind sample: {len(sample)} answers"

    @property
    def blind(self) -> bool:
        """Hide other coders' codes and respondent attributes (chosen, or by the sample)."""
        return self.app.settings.blind or self.blind_view.hide_other_coders

    @property
    def sample_answer_ids(self) -> frozenset[int] | None:
        return self.blind_view.sample_answer_ids

    @property
    def sample_coder(self) -> str | None:
        """Whose codes make an answer "coded": this coder's in a sample, else anyone's."""
        return None if self.sample_answer_ids is None else self.coder

    def progress_counts(self, store: Store) -> dict[str, tuple[int, int]]:
        """Per question (answered, coded): of the whole wave, or of the coder's sample."""
        if self.sample_answer_ids is None:
            return overview.question_progress_counts(store, self.app.wave)
        return overview.sample_progress_counts(store, self.app.wave, self.sample_answer_ids, self.coder)

    def in_sample(self, answer_ids: list[int]) -> list[int]:
        """The answers the coder may see: all of them, or only those in the sample."""
        sample = self.sample_answer_ids
        return answer_ids if sample is None else [a for a in answer_ids if a in sample]

    def counts_as_coded(self) -> bool:
        """Whether the current answer is coded: by anyone, or by this coder in a sample."""
        segments = self.query_one(AnswerView).segments
        mine_only = self.sample_answer_ids is not None
        return any(
            row["coder"] == self.coder or not mine_only for segment in segments for row in segment["codings"]
        )

    def action_toggle_report(self) -> None:
        """Mark the segment under the cursor for the report, or take the mark off."""
        if not self._writable():
            return
        view = self.query_one(AnswerView)
        flag = not view.segments[view.current_index]["for_report"]
        coding.set_for_report(self.store, self.current_segment_id, flag, self.coder)
        self.notify("Marked for report." if flag else "Report mark removed.", timeout=1.5)
        self.after_change()

    def action_near_duplicates(self) -> None:
        from workbench.screens.near_duplicates import NearDuplicatesScreen

        self._open_suggestion_screen(NearDuplicatesScreen(self.answer_id))

    def action_why_suggestions(self) -> None:
        from workbench.screens.evidence import EvidenceScreen

        self._open_suggestion_screen(EvidenceScreen(self.answer_id))

    def action_more_like_this(self) -> None:
        """Answers like the current segment's first code (or, without one, a code to choose)."""
        from workbench.screens.more_like_this import MoreLikeThisScreen

        view = self.query_one(AnswerView)
        codings = view.segments[view.current_index]["codings"] if view.segments else []
        mine = [row for row in codings if row["coder"] == self.coder or not self.blind]
        code_id = mine[0]["code_id"] if mine else None
        self._open_suggestion_screen(MoreLikeThisScreen(code_id, self.question_id))

    def action_clusters(self) -> None:
        from workbench.screens.clusters import ClustersScreen

        self._open_suggestion_screen(ClustersScreen(self.question_id))

    def _open_suggestion_screen(self, screen) -> None:
        self.app.push_screen(screen, self._suggestion_screen_closed)

    def _suggestion_screen_closed(self, changed: bool | None) -> None:
        """Back from a suggestion screen: redraw everything if it coded answers."""
        if changed:
            self.after_change(codebook_changed=True)

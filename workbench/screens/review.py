"""Reviewing another coder's work answer by answer: agree, or leave a comment for them.

The reviewed coder's codes sit beside those of the coder sharing most segments with them;
``x`` shows only the answers the two coded differently; ``c`` switches coder on the same
answer. A coder with comments on their own work starts there and is told so.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Label, Static

from workbench.review import comments
from workbench.review.blind import refused_on_screen as refused
from workbench.review.comments import ReviewedSegment
from workbench.screens.text_prompt import TextPrompt
from workbench.store import answers as answer_rows
from workbench.widgets.inert import inert, inert_cell, inert_line


class ReviewScreen(Screen[None]):
    """One answer of the reviewed coder at a time, its segments with their codes and marks."""

    DEFAULT_CSS = """
    #review-answer { height: auto; max-height: 12; padding: 0 1; border-bottom: tall $panel; }
    #review-table { height: 1fr; }
    #review-marks { height: auto; max-height: 8; padding: 0 1; border-top: tall $panel; }
    """

    BINDINGS = [
        Binding("escape", "close", "Back", id="review_back"),
        Binding("right", "move(1)", "Next answer", id="review_next", priority=True),
        Binding("left", "move(-1)", "Previous answer", id="review_previous", priority=True),
        Binding("g", "agree", "Agree", id="review_agree"),
        Binding("m", "comment", "Comment", id="review_comment"),
        Binding("c", "next_coder", "Other coder", id="review_next_coder"),
        Binding("x", "toggle_differing", "Disagreements only", id="review_differing"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.coders: list[str] = []
        self.coder: str | None = None
        self.answer_ids: list[int] = []
        self.position = 0
        self.segments: list[ReviewedSegment] = []
        self.other: str | None = None
        self.differing_only = False

    def compose(self) -> ComposeResult:
        yield Label("Review", id="review-title", classes="screen-title")
        yield Static("", id="review-answer")
        yield DataTable(id="review-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="review-marks")
        yield Footer()

    def on_mount(self) -> None:
        if refused(self, "review"):
            return
        self.query_one(DataTable).add_columns("Segment", "Codes", "Other coder's codes", "Marks")
        self.coders = comments.coders_to_review(self.app.store, self.app.coder)
        waiting = comments.comments_from_others(self.app.store, self.app.coder)
        if waiting and self.app.coder in self.coders:
            self.notify(f"You have {waiting} review comments on your coding.", timeout=4)
            self.choose_coder(self.app.coder)
        else:
            self.choose_coder(self.coders[0] if self.coders else None)
        self.query_one(DataTable).focus()

    @property
    def store(self):
        return self.app.store

    def choose_coder(self, coder: str | None, keep: int | None = None) -> None:
        """Review this coder's work from answer ``keep`` if they coded it, else from their first."""
        self.coder = coder
        self.other = comments.partner(self.store, coder) if coder else None
        self.answer_ids = self._answers()
        self.position = self.answer_ids.index(keep) if keep in self.answer_ids else 0
        self.show_answer()

    def _answers(self) -> list[int]:
        if not self.coder:
            return []
        if self.differing_only and self.other:
            return comments.differing_answers(self.store, self.coder, self.other)
        return comments.answers_to_review(self.store, self.coder)

    def show_answer(self, row: int = 0) -> None:
        """Redraw the current answer, its segments and their marks."""
        table = self.query_one(DataTable)
        table.clear()
        answer_id = self.current_answer_id
        if answer_id is None:
            self._show_nothing_to_review()
            return
        self.segments = comments.review_answer(self.store, answer_id, self.coder, self.other)
        self.query_one("#review-title", Label).update(inert_line(self._title()))
        answer = answer_rows.answer_row(self.store, answer_id)
        self.query_one("#review-answer", Static).update(
            inert(f"{answer['question_id']}  ·  respondent {answer['respondent_id']}\n{answer['text']}")
        )
        for segment in self.segments:
            table.add_row(*_segment_cells(segment))
        table.move_cursor(row=min(row, len(self.segments) - 1))
        self.show_marks()

    def _show_nothing_to_review(self) -> None:
        nothing = "no disagreements" if self.differing_only else "nothing coded yet"
        self.query_one("#review-title", Label).update(f"Review  ·  {nothing}")
        self.segments = []
        self.query_one("#review-answer", Static).update("")

    def _title(self) -> str:
        """Whose coding beside whose, who reviews it, and where in the list we are."""
        own = "your own work" if self.coder == self.app.coder else f"reviewer {self.app.coder}"
        beside = f"beside {self.other}'s" if self.other else "nobody else coded these"
        only = "  ·  disagreements only" if self.differing_only else ""
        return (
            f"Review  ·  {self.coder}'s coding {beside}  ·  {own}  ·  "
            f"answer {self.position + 1} / {len(self.answer_ids)}{only}"
        )

    @property
    def current_answer_id(self) -> int | None:
        """The answer on screen; None when there is nothing to review."""
        return self.answer_ids[self.position] if self.answer_ids else None

    @property
    def current(self) -> ReviewedSegment | None:
        row = self.query_one(DataTable).cursor_row
        return self.segments[row] if self.segments and 0 <= row < len(self.segments) else None

    def show_marks(self) -> None:
        segment = self.current
        lines = [
            f"{mark.reviewer}: {'agrees' if mark.verdict == comments.AGREE else mark.text}"
            for mark in (segment.marks if segment else ())
        ]
        self.query_one("#review-marks", Static).update(inert("\n".join(lines) or "No review marks yet."))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_marks()

    def action_move(self, step: int) -> None:
        if self.answer_ids:
            self.position = max(0, min(len(self.answer_ids) - 1, self.position + step))
            self.show_answer()

    def _writable(self) -> bool:
        if self.app.read_only:
            self.notify("This project is open read-only.", severity="warning")
            return False
        return self.current is not None

    def action_agree(self) -> None:
        if self._writable():
            comments.mark_agree(self.store, self.current.segment_id, self.coder, self.app.coder)
            self.show_answer(self.query_one(DataTable).cursor_row)

    def action_comment(self) -> None:
        if not self._writable():
            return
        segment_id, row = self.current.segment_id, self.query_one(DataTable).cursor_row

        def save(text: str | None) -> None:
            if text and text.strip():
                comments.leave_comment(self.store, segment_id, self.coder, self.app.coder, text)
                self.show_answer(row)

        title = (
            "Reply to the comments on your coding"
            if self.coder == self.app.coder
            else f"Comment for {self.coder}"
        )
        self.app.push_screen(TextPrompt(title), save)

    def action_next_coder(self) -> None:
        """The next coder's work, on the same answer when they coded it."""
        if len(self.coders) > 1:
            keep = self.current_answer_id
            self.choose_coder(self.coders[(self.coders.index(self.coder) + 1) % len(self.coders)], keep)

    def action_toggle_differing(self) -> None:
        """Show only the answers the two coders coded differently, or all again."""
        keep = self.current_answer_id
        self.differing_only = not self.differing_only
        self.choose_coder(self.coder, keep)

    def action_close(self) -> None:
        self.dismiss(None)


def _segment_cells(segment: ReviewedSegment) -> tuple:
    """A segment's row: its text, the two coders' codes and a summary of its review marks."""
    return (
        inert_cell(" ".join(segment.text.split())[:44]),
        inert_cell(", ".join(segment.code_paths) or "—"),
        inert_cell(", ".join(segment.other_paths) or "—"),
        inert_cell(_mark_summary(segment)),
    )


def _mark_summary(segment: ReviewedSegment) -> str:
    agreed = sum(mark.verdict == comments.AGREE for mark in segment.marks)
    commented = len(segment.marks) - agreed
    parts = ([f"✓ {agreed}"] if agreed else []) + ([f"✎ {commented}"] if commented else [])
    return "  ".join(parts)

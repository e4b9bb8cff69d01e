"""The anonymisation queue: report quotes with proposed spans highlighted by kind.

Accept, reject or edit each span, edit the final text freely, approve the quote. Every
decision goes to the anonymisation log through ``workbench.anonymise.review``.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Label, Static

from workbench.anonymise import review
from workbench.display import visible_aligned
from workbench.errors import UserError
from workbench.screens.base import WorkbenchScreen
from workbench.screens.text_prompt import TextPrompt
from workbench.widgets.inert import inert, inert_cell, inert_line

KIND_STYLES = {
    "municipality": "bold black on yellow",
    "district": "bold black on dark_orange",
    "county": "black on khaki1",
    "health": "black on plum2",
    "dps": "black on plum2",
    "person": "bold white on red",
    "phone": "white on blue",
    "email": "white on blue",
    "url": "white on blue",
    "national_id": "bold white on red",
    "org_number": "white on blue",
    "address": "white on dark_green",
    "service": "black on plum2",
}
DECISION_MARKS = {"open": "?", "accepted": "✓", "rejected": "✗", "edited": "✎"}


class AnonymisationScreen(WorkbenchScreen[None]):
    """One quote at a time: its text with spans highlighted, the spans, the final text."""

    DEFAULT_CSS = """
    #anonymisation-text { height: auto; max-height: 12; padding: 0 1; border-bottom: tall $panel; }
    #anonymisation-spans { height: 1fr; }
    #anonymisation-final { height: auto; max-height: 10; padding: 0 1; border-top: tall $panel; }
    """

    BINDINGS = [
        Binding("escape", "close", "Back", id="anonymisation_back"),
        Binding("right", "move(1)", "Next quote", id="anonymisation_next", priority=True),
        Binding("left", "move(-1)", "Previous quote", id="anonymisation_previous", priority=True),
        Binding("p", "propose", "Propose", id="anonymisation_propose"),
        Binding("a", "decide('accepted')", "Accept", id="anonymisation_accept"),
        Binding("r", "decide('rejected')", "Reject", id="anonymisation_reject"),
        Binding("e", "edit_span", "Edit span", id="anonymisation_edit_span"),
        Binding("A", "accept_certain", "Accept all sure", id="anonymisation_accept_certain"),
        Binding("t", "edit_text", "Edit text", id="anonymisation_edit_text"),
        Binding("o", "approve", "Approve", id="anonymisation_approve"),
        Binding("x", "toggle_scope", "All segments", id="anonymisation_scope"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.all_segments = False
        self.items: list[review.QueueItem] = []
        self.position = 0

    def compose(self) -> ComposeResult:
        yield Label("Anonymisation", id="anonymisation-title", classes="screen-title")
        yield Static("", id="anonymisation-text")
        yield DataTable(id="anonymisation-spans", cursor_type="row", zebra_stripes=True)
        yield Static("", id="anonymisation-final")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("", "Kind", "Span", "Placeholder", "Sure")
        self.reload()
        self.query_one(DataTable).focus()

    @property
    def store(self):
        return self.app.store

    @property
    def current(self) -> review.QueueItem | None:
        return self.items[self.position] if self.items else None

    def reload(self, row: int = 0) -> None:
        """Read the queue again and redraw the current quote."""
        self.items = review.queue(self.store, all_segments=self.all_segments)
        self.position = min(self.position, max(len(self.items) - 1, 0))
        self.show_item(row)

    def show_item(self, row: int = 0) -> None:
        title = self.query_one("#anonymisation-title", Label)
        table = self.query_one(DataTable)
        table.clear()
        item = self.current
        scope = "all segments" if self.all_segments else "report quotes"
        if item is None:
            title.update(f"Anonymisation  ·  no {scope} yet (mark quotes for the report, or x)")
            self.query_one("#anonymisation-text", Static).update("")
            self.query_one("#anonymisation-final", Static).update("")
            return
        state = "approved" if item.approved else f"{item.open_spans} open"
        title.update(
            inert_line(
                f"Anonymisation  ·  {scope}  ·  quote {self.position + 1} / {len(self.items)}"
                f"  ·  {item.question_id}  ·  respondent {item.respondent_id}  ·  {state}"
            )
        )
        self.query_one("#anonymisation-text", Static).update(highlighted(item.text, item.spans))
        for span in item.spans:
            table.add_row(
                DECISION_MARKS[span["decision"]],
                span["kind"],
                inert_cell(span["text"]),
                inert_cell(span["replacement"] or span["placeholder"]),
                "yes" if span["certain"] else "flag",
            )
        if item.spans:
            table.move_cursor(row=min(row, len(item.spans) - 1))
        final = review.final_text(self.store, item.segment_id)
        self.query_one("#anonymisation-final", Static).update(inert(f"Final text: {final}"))

    @property
    def current_span(self) -> dict | None:
        item, row = self.current, self.query_one(DataTable).cursor_row
        return item.spans[row] if item and item.spans and 0 <= row < len(item.spans) else None

    def _run(self, change, row: int = 0) -> None:
        """Apply a change unless the project is read-only; show a user mistake as a notice."""
        if not self.require_writable():
            return
        try:
            change()
        except UserError as error:
            self.notify(str(error), severity="warning")
        self.reload(row)

    def action_move(self, step: int) -> None:
        if self.items:
            self.position = max(0, min(len(self.items) - 1, self.position + step))
            self.show_item()

    def action_propose(self) -> None:
        def propose() -> None:
            summary = review.propose(self.store, all_segments=self.all_segments, coder=self.app.coder)
            self.notify(f"Proposed for {summary.proposed} quotes: {summary.detections} spans.")

        self._run(propose)

    def action_decide(self, decision: str) -> None:
        span, row = self.current_span, self.query_one(DataTable).cursor_row
        if span is not None:
            self._run(lambda: review.decide(self.store, span["id"], decision, self.app.coder), row + 1)

    def action_accept_certain(self) -> None:
        if self.current is not None:
            segment_id = self.current.segment_id
            self._run(lambda: review.accept_certain(self.store, segment_id, self.app.coder))

    def action_edit_span(self) -> None:
        span, row = self.current_span, self.query_one(DataTable).cursor_row
        if span is None:
            return

        def save(text: str | None) -> None:
            if text is not None:
                self._run(lambda: review.decide(self.store, span["id"], "edited", self.app.coder, text), row)

        self.app.push_screen(TextPrompt(f"Replace {span['text']!r} with", span["placeholder"]), save)

    def action_edit_text(self) -> None:
        if self.current is None:
            return
        segment_id = self.current.segment_id

        def save(text: str | None) -> None:
            if text is not None and text.strip():
                self._run(lambda: review.set_final_text(self.store, segment_id, text, self.app.coder))

        self.app.push_screen(TextPrompt("Final text", review.final_text(self.store, segment_id)), save)

    def action_approve(self) -> None:
        if self.current is not None:
            segment_id = self.current.segment_id
            self._run(lambda: review.approve(self.store, segment_id, self.app.coder))

    def action_toggle_scope(self) -> None:
        self.all_segments = not self.all_segments
        self.position = 0
        self.reload()

    def action_close(self) -> None:
        self.dismiss(None)


def highlighted(text: str, spans: tuple[dict, ...]) -> Text:
    """The quote with each span styled by its kind; flagged spans are underlined only."""
    rich_text = Text(visible_aligned(text))
    for span in spans:
        style = KIND_STYLES.get(span["kind"], "reverse") if span["certain"] else "underline"
        if span["decision"] == "rejected":
            style = "strike"
        rich_text.stylize(style, span["start"], span["end"])
    return rich_text

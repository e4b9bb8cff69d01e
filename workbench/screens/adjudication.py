"""Settling disagreements between two coders; decisions go to the consensus layer.

Fits 120 columns with both coders' codes in view; the detail below shows both sides with
their definitions, the review comments on the segment and the consensus. ``u`` undoes the
highlighted decision; ``e`` edits the consensus and stays on the row.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Label, Static

from workbench.coding.codebook_tree import Codebook
from workbench.display import visible_line
from workbench.errors import UserError
from workbench.review import adjudication
from workbench.review.adjudication import Disagreement
from workbench.review.blind import refused_on_screen as refused
from workbench.screens.code_choice import CodeChoiceDialog
from workbench.screens.text_prompt import TextPrompt
from workbench.store import codings as coding_rows
from workbench.store import teams
from workbench.widgets.inert import inert, inert_cell, inert_line

PREVIEW = 34
CODES_WIDTH = 24


class AdjudicationScreen(Screen[None]):
    """The list of disagreements between two coders with both codings and the definitions."""

    DEFAULT_CSS = """
    #adjudication-table { height: 1fr; }
    #adjudication-detail { height: auto; max-height: 14; padding: 0 1; border-top: tall $panel; }
    """

    BINDINGS = [
        Binding("escape", "close", "Back", id="adjudication_back"),
        Binding("a", "decide('first')", "Take A", id="adjudication_take_first"),
        Binding("b", "decide('second')", "Take B", id="adjudication_take_second"),
        Binding("t", "decide('both')", "Take both", id="adjudication_take_both"),
        Binding("n", "decide('neither')", "Neither", id="adjudication_neither"),
        Binding("e", "edit", "Edit", id="adjudication_edit"),
        Binding("u", "undo_decision", "Undo decision", id="adjudication_undo"),
        Binding("d", "define", "Define", id="adjudication_define"),
        Binding("c", "next_pair", "Other coders", id="adjudication_next_pair"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.pairs: list[tuple[str, str]] = []
        self.pair_index = 0
        self.items: list[Disagreement] = []

    def compose(self) -> ComposeResult:
        yield Label("Adjudication", id="adjudication-title", classes="screen-title")
        yield DataTable(id="adjudication-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="adjudication-detail")
        yield Footer()

    def on_mount(self) -> None:
        if refused(self, "adjudication"):
            return
        table = self.query_one(DataTable)
        table.add_columns("", "Question", "Respondent", "Segment", "A", "B")
        self.pairs = adjudication.coder_pairs(self.app.store)
        self.reload()
        table.focus()

    @property
    def store(self):
        return self.app.store

    @property
    def pair(self) -> tuple[str, str] | None:
        return self.pairs[self.pair_index] if self.pairs else None

    @property
    def current(self) -> Disagreement | None:
        row = self.query_one(DataTable).cursor_row
        return self.items[row] if self.items and 0 <= row < len(self.items) else None

    def reload(self, row: int | None = None) -> None:
        """Re-read the disagreements and redraw, keeping the cursor on ``row``."""
        table = self.query_one(DataTable)
        keep = table.cursor_row if row is None else row
        self.items = adjudication.disagreements(self.store, *self.pair) if self.pair else []
        paths = Codebook.from_store(self.store)
        table.clear()
        for item in self.items:
            table.add_row(
                "✓" if item.decision else "·",
                inert_cell(item.question_id),
                inert_cell(item.respondent_id),
                inert_cell(_preview(item.text)),
                inert_cell(_names(paths, item.first_codes)),
                inert_cell(_names(paths, item.second_codes)),
                key=item.segment_id,
            )
        if self.items:
            table.move_cursor(row=min(max(keep, 0), len(self.items) - 1))
        self.show_title()
        self.show_detail()

    def show_title(self) -> None:
        title = self.query_one("#adjudication-title", Label)
        if not self.pair:
            title.update("Adjudication  ·  no two coders have coded the same segments yet")
            return
        decided, total = adjudication.progress(self.items)
        first, second = self.pair
        done = "  ·  all decided" if total and decided == total else ""
        title.update(
            inert_line(f"Adjudication  ·  A = {first}, B = {second}  ·  {decided} / {total} decided{done}")
        )

    def show_detail(self) -> None:
        item = self.current
        detail = self.query_one("#adjudication-detail", Static)
        if item is None:
            detail.update("No disagreements." if self.pair else "")
            return
        paths = Codebook.from_store(self.store)
        consensus = coding_rows.codes_of_segment(self.store, item.segment_id, adjudication.CONSENSUS)
        lines = [item.text, ""]
        if item.unit == "answer":
            lines.insert(1, "(Segmented differently by the two: their codes on the whole answer.)")
        for label, codes in (("A", item.first_codes), ("B", item.second_codes)):
            for code in codes:
                definition = paths.code(paths.survivor(code)).definition or "no definition"
                lines.append(f"{label}: {paths.survivor_path(code)} — {definition}")
        for mark in teams.comments_on_segment(self.store, item.segment_id):
            said = "agrees" if mark["verdict"] == "agree" else mark["text"]
            lines.append(f"Comment by {mark['reviewer']} on {mark['coder']}: {said}")
        decided = ", ".join(sorted(paths.survivor_path(code) for code in consensus)) or "nothing"
        lines.append(
            f"Consensus ({item.decision}): {decided}" if item.decision else "Consensus: not decided yet"
        )
        detail.update(inert("\n".join(lines)))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def _writable(self) -> bool:
        if self.app.read_only:
            self.notify("This project is open read-only.", severity="warning")
            return False
        return self.current is not None

    def action_decide(
        self, decision: str, edited: frozenset[str] = frozenset(), advance: bool = True
    ) -> None:
        """Write the decision for the highlighted disagreement, then go to the next open one."""
        if not self._writable():
            return
        row = self.query_one(DataTable).cursor_row
        try:
            adjudication.decide(self.store, self.current, self.pair, decision, self.app.coder, edited)
        except UserError as error:
            self.notify(str(error), severity="error")
            return
        self.reload(self._next_open(row) if advance else row)
        decided, total = adjudication.progress(self.items)
        if advance and decided == total:
            self.notify(f"All {total} disagreements are decided.", timeout=3)

    def action_undo_decision(self) -> None:
        """Take back the highlighted row's decision (the one before it stands again)."""
        if not self._writable():
            return
        row = self.query_one(DataTable).cursor_row
        try:
            standing = adjudication.undo_decision(self.store, self.current, self.pair, self.app.coder)
        except UserError as error:
            self.notify(str(error), severity="warning")
            return
        self.reload(row)
        self.notify(f"Decision undone; now: {standing or 'not decided'}.", timeout=2)

    def _next_open(self, row: int) -> int:
        """The next undecided row after ``row`` (wrapping), else ``row``."""
        decided = adjudication.disagreements(self.store, *self.pair)
        for offset in range(1, len(decided) + 1):
            candidate = (row + offset) % len(decided)
            if decided[candidate].decision is None:
                return candidate
        return row

    def action_edit(self) -> None:
        """Toggle one code in the consensus for this segment, staying on the row."""
        if not self._writable():
            return
        item = self.current
        current = set(coding_rows.codes_of_segment(self.store, item.segment_id, adjudication.CONSENSUS))

        def toggled(code_id: str | None) -> None:
            if code_id:
                self.action_decide("edit", frozenset(current ^ {code_id}), advance=False)

        codes = [code for code in Codebook.from_store(self.store).live_rows() if code["codable"]]
        self.app.push_screen(CodeChoiceDialog("Add or remove a consensus code", codes), toggled)

    def action_define(self) -> None:
        """Sharpen the definition of one of the codes in dispute."""
        if not self._writable():
            return
        item = self.current
        in_dispute = set(item.first_codes) | set(item.second_codes)
        codes = [code for code in Codebook.from_store(self.store).live_rows() if code["id"] in in_dispute]
        self.app.push_screen(CodeChoiceDialog("Sharpen the definition of", codes), self._prompt_definition)

    def _prompt_definition(self, code_id: str | None) -> None:
        if not code_id:
            return
        old = Codebook.from_store(self.store).code(code_id).definition

        def save(text: str | None) -> None:
            if text is not None:
                adjudication.sharpen_definition(self.store, code_id, text, self.app.coder)
                self.show_detail()

        self.app.push_screen(TextPrompt("Definition / decision rule", old), save)

    def action_next_pair(self) -> None:
        if len(self.pairs) > 1:
            self.pair_index = (self.pair_index + 1) % len(self.pairs)
            self.reload(0)

    def action_close(self) -> None:
        self.dismiss(None)


def _shortened(text: str, width: int) -> str:
    flat = visible_line(" ".join(text.split()))
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _preview(text: str) -> str:
    return _shortened(text, PREVIEW)


def _names(paths: Codebook, code_ids: tuple[str, ...]) -> str:
    return _shortened(", ".join(paths.code(paths.survivor(code)).name for code in code_ids), CODES_WIDTH)

"""All answers of a question in a table: sort, filter by code, mark rows and code them in bulk."""

from __future__ import annotations

import contextlib

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Label, ProgressBar
from textual.worker import get_current_worker

from workbench import coding
from workbench.review.blind import Visibility
from workbench.screens.code_choice import CodeChoiceDialog
from workbench.store import Store
from workbench.store import answers as answer_rows
from workbench.store.answers import NO_FILTER, AnswerFilter
from workbench.widgets.inert import inert_cell, inert_line

PREVIEW_LENGTH = 70
SORT_KEYS = ("codes", "respondent", "answer")


class AnswerTableScreen(Screen[int | tuple[int, ...] | None]):
    """Dismisses with an answer id to open it (Enter), or the marked ids in choose mode."""

    BINDINGS = [
        Binding("escape", "close", "Back", id="table_back"),
        Binding("space", "mark", "Mark", id="table_mark"),
        Binding("a", "bulk_apply", "Code marked", id="table_bulk_apply"),
        Binding("c", "filter_by_code", "Filter by code", id="table_filter_code"),
        Binding("o", "sort", "Sort", id="table_sort"),
        Binding("enter", "open", "Open", id="table_open"),
    ]

    class BulkProgressed(Message):
        def __init__(self, done: int, total: int) -> None:
            super().__init__()
            self.done = done
            self.total = total

    class BulkFinished(Message):
        def __init__(self, answers: int, cancelled: bool) -> None:
            super().__init__()
            self.answers = answers
            self.cancelled = cancelled

    def __init__(
        self,
        question_id: str | None,
        answer_filter: AnswerFilter = NO_FILTER,
        choose_marked: str | None = None,
    ) -> None:
        super().__init__()
        self.question_id = question_id
        self.answer_filter = answer_filter
        self.choose_marked = choose_marked
        self.marked: set[int] = set()
        self.sort_index = -1
        self.sample: frozenset[int] | None = None
        self.blind = False

    def compose(self) -> ComposeResult:
        yield Label("", id="table-title", classes="screen-title")
        yield DataTable(id="answers-table", cursor_type="row", zebra_stripes=True)
        yield ProgressBar(id="bulk-progress", show_eta=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("", key="mark", width=1)
        table.add_column("Respondent", key="respondent")
        table.add_column("Codes", key="codes")
        table.add_column("Answer", key="answer")
        self.view = Visibility.of(self.app.store, self.app.coder, self.app.settings.blind)
        self.sample, self.blind = self.view.sample, self.view.blind
        self.load_rows()
        table.focus()

    def load_rows(self) -> None:
        """(Re)read the answers from the database."""
        rows = answer_rows.table_rows(
            self.app.store,
            self.question_id,
            self.app.wave,
            self.answer_filter,
            only_coder=self.app.coder if self.blind else None,
        )
        if self.sample is not None:  # blind double-coding: only the coder's sample
            rows = [row for row in rows if row["id"] in self.sample]
        table = self.query_one(DataTable)
        table.clear()
        for row in rows:
            name = "" if self.blind else row["name"] or ""
            who = f"{self.view.respondent_label(row['respondent_id'], row['id'])} {name}".strip()
            preview = " ".join(row["text"].split())[:PREVIEW_LENGTH]
            cells = (inert_cell(who), inert_cell(row["codes"] or ""), inert_cell(preview))
            table.add_row(self._mark(row["id"]), *cells, key=str(row["id"]))
        self._update_title(len(rows))

    def _mark(self, answer_id: int) -> Text:
        return Text("●" if answer_id in self.marked else " ", style="bold")

    def _update_title(self, count: int) -> None:
        scope = f"Question {self.question_id}" if self.question_id else "All questions"
        title = f"{scope}  ·  {count} answers  ·  {len(self.marked)} marked"
        if self.answer_filter != AnswerFilter():
            title += "  ·  filtered"
        if self.choose_marked:
            title = f"{self.choose_marked}  ·  {title}"
        self.query_one("#table-title", Label).update(inert_line(title))

    def _current_answer(self) -> int | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return int(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def action_mark(self) -> None:
        answer_id = self._current_answer()
        if answer_id is None:
            return
        self.marked ^= {answer_id}
        table = self.query_one(DataTable)
        table.update_cell(str(answer_id), "mark", self._mark(answer_id))
        table.action_cursor_down()
        self._update_title(table.row_count)

    def action_bulk_apply(self) -> None:
        if not self.marked:
            self.notify("Mark answers with Space first.", severity="warning")
            return
        codes = coding.Codebook.from_store(self.app.store).live_rows()
        self.app.push_screen(
            CodeChoiceDialog(f"Code {len(self.marked)} answers with…", codes), self._apply_to_marked
        )

    def _apply_to_marked(self, code_id: str | None) -> None:
        if code_id is None:
            return
        if self.app.read_only:
            self.notify("This project is open read-only.", severity="warning")
            return
        self.query_one(ProgressBar).update(total=None, progress=0)
        self.add_class("-busy")
        self.bulk_apply(code_id, sorted(self.marked))

    @work(thread=True, exclusive=True, group="bulk")
    def bulk_apply(self, code_id: str, answer_ids: list[int]) -> None:
        """Code every segment of the marked answers as one undoable step; Escape stops it all."""
        worker = get_current_worker()
        with Store(self.app.store.path) as store, contextlib.suppress(coding.Stopped):
            coding.apply_to_answers(
                store,
                answer_ids,
                [code_id],
                self.app.coder,
                on_progress=lambda done, total: self.post_message(self.BulkProgressed(done, total)),
                stop=lambda: worker.is_cancelled,
            )
        self.post_message(self.BulkFinished(len(answer_ids), worker.is_cancelled))

    def on_answer_table_screen_bulk_progressed(self, message: BulkProgressed) -> None:
        self.query_one(ProgressBar).update(total=message.total, progress=message.done)

    def on_answer_table_screen_bulk_finished(self, message: BulkFinished) -> None:
        self.remove_class("-busy")
        self.notify(
            "Stopped; nothing was coded." if message.cancelled else f"Coded {message.answers} answers."
        )
        self.marked.clear()
        self.load_rows()

    def action_filter_by_code(self) -> None:
        codes = coding.Codebook.from_store(self.app.store).live_rows()
        self.app.push_screen(CodeChoiceDialog("Show answers coded with…", codes), self._filter)

    def _filter(self, code_id: str | None) -> None:
        self.answer_filter = AnswerFilter(code_id=code_id)
        self.load_rows()

    def action_sort(self) -> None:
        """Cycle the sort column: respondent, answer text, codes (the 'sort by theme' step)."""
        self.sort_index = (self.sort_index + 1) % len(SORT_KEYS)
        key = SORT_KEYS[self.sort_index]
        # Empty cells (uncoded answers) sort last, so coded ones group at the top by code.
        self.query_one(DataTable).sort(key, key=lambda value: (not str(value).strip(), str(value).casefold()))
        self.notify(f"Sorted by {key}.", timeout=1.5)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        if self.choose_marked:
            self.dismiss(tuple(sorted(self.marked)))
        else:
            self.dismiss(self._current_answer())

    def action_close(self) -> None:
        """Escape stops a running bulk job first; otherwise it goes back."""
        if self.has_class("-busy"):
            self.workers.cancel_group(self, "bulk")
        else:
            self.dismiss(None)

"""All answers of a question in a table: sort, filter by code, mark rows and code them in bulk."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Label, ProgressBar

from workbench import coding
from workbench.review.blind import Visibility
from workbench.screens.code_choice import CodeChoiceDialog
from workbench.screens.filter import FilterDialog
from workbench.screens.job import JobScreen
from workbench.screens.text_prompt import TextPrompt
from workbench.store import Store
from workbench.store import answers as answer_rows
from workbench.store.answers import NO_FILTER, AnswerFilter
from workbench.widgets.inert import inert_line

PREVIEW_LENGTH = 400
RESPONDENT_WIDTH = 22
CODES_WIDTH = 24
SORT_KEYS = ("codes", "respondent", "answer")


class AnswerTableScreen(JobScreen[int | tuple[int, ...] | None]):
    """Dismisses with an answer id to open it (Enter), or the marked ids in choose mode."""

    BINDINGS = [
        Binding("escape", "close", "Back", id="table_back"),
        Binding("space", "mark", "Mark", id="table_mark"),
        Binding("a", "bulk_apply", "Code marked", id="table_bulk_apply"),
        Binding("c", "filter_by_code", "Filter by code", id="table_filter_code"),
        Binding("f", "filter", "Filter", id="table_filter"),
        Binding("slash", "search", "Search", id="table_search"),
        Binding("o", "sort", "Sort", id="table_sort"),
        Binding("enter", "open", "Open", id="table_open"),
    ]

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
        yield ProgressBar(id="bulk-progress", show_eta=False, classes="-idle")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("", key="mark", width=1)
        table.add_column("Respondent", key="respondent")
        table.add_column("Codes", key="codes", width=CODES_WIDTH)
        table.add_column("Answer", key="answer", width=self._answer_width())
        self.view = Visibility.of(self.store, self.coder, self.settings.blind)
        self.sample, self.blind = self.view.sample, self.view.blind
        self.load_rows()
        table.focus()

    def load_rows(self) -> None:
        """(Re)read the answers from the database."""
        rows = answer_rows.table_rows(
            self.store,
            self.question_id,
            self.wave,
            self.answer_filter,
            only_coder=self.coder if self.blind else None,
        )
        if self.sample is not None:  # blind double-coding: only the coder's sample
            rows = [row for row in rows if row["id"] in self.sample]
        table = self.query_one(DataTable)
        table.clear()
        for row in rows:
            name = "" if self.blind else row["name"] or ""
            who = self.view.respondent_label(row["respondent_id"], row["id"])
            who = inert_line(f"{who} {name}".strip()[:RESPONDENT_WIDTH])
            preview = inert_line(" ".join(row["text"].split())[:PREVIEW_LENGTH])
            codes = inert_line(row["codes"] or "")
            table.add_row(self._mark(row["id"]), who, codes, preview, key=str(row["id"]))
        self._update_title(len(rows))

    def _answer_width(self) -> int:
        """The Answer column takes what the other columns leave of the screen's width."""
        return max(self.app.size.width - RESPONDENT_WIDTH - CODES_WIDTH - 12, 20)

    def action_search(self) -> None:
        prompt = TextPrompt(
            "Search answers by text or code name", self.answer_filter.text or "", verb="search"
        )
        self.app.push_screen(
            prompt, lambda text: text is not None and self._filter_by(AnswerFilter(text=text.strip() or None))
        )

    def action_filter(self) -> None:
        self.app.push_screen(FilterDialog(), lambda chosen: chosen and self._filter_by(chosen))

    def _filter_by(self, answer_filter: AnswerFilter) -> None:
        self.answer_filter = answer_filter
        self.load_rows()

    def _mark(self, answer_id: int) -> Text:
        return Text("●" if answer_id in self.marked else " ", style="bold")

    def _update_title(self, count: int) -> None:
        scope = f"Question {self.question_id}" if self.question_id else "All questions"
        title = f"{scope}  ·  {count} answers  ·  {len(self.marked)} marked"
        if self.answer_filter != AnswerFilter():
            title += f"  ·  {self.answer_filter.describe()}"
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
        codes = coding.Codebook.from_store(self.store).live_rows()
        self.app.push_screen(
            CodeChoiceDialog(f"Code {len(self.marked)} answers with…", codes), self._apply_to_marked
        )

    def _apply_to_marked(self, code_id: str | None) -> None:
        if code_id is None or not self.require_writable():
            return
        path, coder, answer_ids = self.store.path, self.coder, sorted(self.marked)

        def bulk_code(on_progress) -> int:
            """Code every segment of the marked answers as one change (one undo step)."""
            with Store(path) as store:
                coding.apply_to_answers(store, answer_ids, [code_id], coder, on_progress=on_progress)
            return len(answer_ids)

        self.run_in_background(bulk_code)

    def job_finished(self, result: int) -> None:
        self.notify(f"Coded {result} answers (one undo step).")
        self.marked.clear()
        self.load_rows()

    def action_filter_by_code(self) -> None:
        codes = coding.Codebook.from_store(self.store).live_rows()
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
        if not self.cancel_job():
            self.dismiss(None)

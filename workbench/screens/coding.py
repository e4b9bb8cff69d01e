"""The coding screen (home): questions left, the answer in the centre, the code picker right."""

from __future__ import annotations

import threading

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Label

from workbench import coding
from workbench.errors import UserError
from workbench.screens.coding_editing import AnswerEditing
from workbench.screens.coding_extras import CodingExtras
from workbench.screens.coding_navigation import CodingNavigation
from workbench.store import Store, survey
from workbench.store import answers as answer_rows
from workbench.store import codings as coding_rows
from workbench.store import memos as memo_rows
from workbench.store.answers import AnswerFilter
from workbench.widgets.answer_view import AnswerView
from workbench.widgets.code_chips import CodeChips
from workbench.widgets.code_picker import CodePicker
from workbench.widgets.inert import inert_line
from workbench.widgets.question_list import QuestionList
from workbench.widgets.status_line import StatusLine
from workbench.widgets.suggestion_list import SuggestionList, SuggestionRow

# Let the first screen settle before the suggester's fitting competes for the processor.
FIT_DELAY_SECONDS = 1.0
SUGGEST_DELAY_SECONDS = 0.12


class CodingScreen(AnswerEditing, CodingNavigation, CodingExtras, Screen):
    """The coding loop. Keys here work from the picker too, so none of them types."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]

    BINDINGS = [
        Binding("pagedown,ctrl+down", "next_answer", "Next", id="next_answer_anywhere"),
        Binding("pageup,ctrl+up", "previous_answer", "Previous", id="previous_answer_anywhere"),
        Binding("ctrl+n", "next_uncoded", "Next uncoded", id="next_uncoded_anywhere"),
        Binding("ctrl+z", "undo", "Undo", id="undo_anywhere"),
        Binding("ctrl+r,ctrl+y", "redo", "Redo", id="redo"),
        Binding("ctrl+t", "answer_table", "Table", id="answer_table"),
        Binding("ctrl+o", "codebook", "Codebook", id="codebook"),
        Binding("ctrl+g", "chart", "Chart", id="chart"),
        Binding("ctrl+b", "toggle_blind", "Blind", id="toggle_blind_anywhere", show=False),
        Binding("f1", "help", "Help", id="help_anywhere"),
        Binding("ctrl+f", "toggle_report", "Mark for report", id="toggle_report_anywhere", show=False),
        # Priority: the picker's filter would otherwise take ctrl+k (delete to the end).
        Binding(
            "ctrl+k", "clusters", "Clusters of uncoded answers", id="clusters", show=False, priority=True
        ),
    ]

    class ProgressLoaded(Message):
        """Per-question (answered, coded) counts, counted in a worker."""

        def __init__(self, progress: dict[str, tuple[int, int]]) -> None:
            super().__init__()
            self.progress = progress

    class FrequentCodesLoaded(Message):
        def __init__(self, question_id: str, code_ids: list[str]) -> None:
            super().__init__()
            self.question_id = question_id
            self.code_ids = code_ids

    class FitProgressed(Message):
        def __init__(self, notice: str) -> None:
            super().__init__()
            self.notice = notice

    class SuggestionsReady(Message):
        def __init__(self, answer_id: int, rows: list[SuggestionRow]) -> None:
            super().__init__()
            self.answer_id = answer_id
            self.rows = rows

    def __init__(self) -> None:
        super().__init__()
        self.question_id: str | None = None
        self.answer_ids: list[int] = []
        self.position = 0
        self.answer_filter = AnswerFilter()
        self.codes: dict[str, dict] = {}
        self.questions: dict[str, dict] = {}
        self.frequent_code_ids: list[str] = []
        self.suggester_ready = False
        self.suggester_lock = threading.Lock()
        self.suggest_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="coding-body"):
            with Vertical(id="questions-pane"):
                yield Label("Questions", classes="pane-title")
                yield QuestionList(id="question-list")
                yield Label("", id="chapter")
            with Vertical(id="answer-pane"):
                yield Label("", id="question-text")
                yield Label("", id="answer-position")
                yield Label("", id="respondent")
                yield AnswerView(id="answer")
                yield CodeChips(id="chips")
                yield Label("", id="memo")
            with Vertical(id="picker-pane"):
                yield Label("Code", classes="pane-title")
                yield CodePicker(id="picker")
                yield Label("Suggestions", classes="pane-title")
                yield SuggestionList(id="suggestions")
        yield StatusLine(id="status")
        yield Footer()

    # ---- loading -------------------------------------------------------------------------

    @property
    def store(self) -> Store:
        return self.app.store

    @property
    def coder(self) -> str:
        return self.app.coder

    def on_mount(self) -> None:
        status = self.query_one(StatusLine)
        status.project = self.store.path.name
        status.coder = self.coder
        status.wave = str(self.app.wave or "-")
        status.read_only = self.app.read_only
        questions = survey.question_rows(self.store)
        self.questions = {question["id"]: question for question in questions}
        first = questions[0]["id"] if questions else None
        self.query_one(QuestionList).show_questions(questions, first)
        self.reload_codes()
        self.load_blind_view()
        if first:
            self.load_question(first)
        self.count_progress()
        if self.app.suggester is not None:
            self.set_timer(FIT_DELAY_SECONDS, self.fit_suggester)
        self.query_one(CodePicker).focus_filter()

    @work(thread=True, exclusive=True, group="progress")
    def count_progress(self) -> None:
        """Count every question's progress with a connection of this thread's own."""
        with Store(self.store.path, read_only=True) as store:
            progress = self.progress_counts(store)
        self.post_message(self.ProgressLoaded(progress))

    def on_coding_screen_progress_loaded(self, message: ProgressLoaded) -> None:
        self.query_one(QuestionList).show_progress(message.progress)
        self._show_question_progress()

    def reload_codes(self) -> None:
        """Refresh the picker after the codebook changed."""
        codes = coding.Codebook.from_store(self.store).live_rows()
        self.codes = {code["id"]: code for code in codes}
        self.query_one(CodePicker).set_codes(codes)

    def load_question(self, question_id: str, answer_id: int | None = None) -> None:
        """Make a question current; only its answers are loaded."""
        self.question_id = question_id
        question = self.questions[question_id]
        self.query_one("#question-text", Label).update(inert_line(f"{question_id}  {question['text']}"))
        chapter = question["chapter"] or "no chapter"
        self.query_one("#chapter", Label).update(inert_line(f"Chapter: {chapter}"))
        self.answer_ids = self.in_sample(
            answer_rows.answer_ids(self.store, question_id, self.app.wave, self.answer_filter)
        )
        self.position = self.answer_ids.index(answer_id) if answer_id in self.answer_ids else 0
        self.frequent_code_ids = []
        if not self.blind:  # other coders' most used codes would give their coding away
            self.load_frequent_codes(question_id)
        self.show_answer()
        self._show_question_progress()

    @property
    def answer_id(self) -> int | None:
        return self.answer_ids[self.position] if self.answer_ids else None

    def show_answer(self, keep_cursor: bool = False) -> None:
        """Draw the current answer, its codes, its respondent and the suggestions."""
        view = self.query_one(AnswerView)
        detail = answer_rows.answer_detail(self.store, self.answer_id) if self.answer_id else None
        segments = coding_rows.segments_with_codes(self.store, self.answer_id) if detail else []
        with self.app.batch_update():
            view.show_answer(detail["text"] if detail else "", segments, keep_cursor)
            self.refresh_chips()
            self._show_position(detail)
            self.refresh_suggestions()

    def refresh_chips(self) -> None:
        view = self.query_one(AnswerView)
        self.query_one(CodeChips).show_segments(view.segments, self.coder, view.current_index, self.blind)
        segment_id = self.current_segment_id
        memo = memo_rows.memo_text(self.store, segment_id, self.coder) if segment_id else ""
        self.query_one("#memo", Label).update(inert_line(f"Memo: {memo}" if memo else ""), layout=False)

    def _show_position(self, detail: dict | None) -> None:
        where = f"Answer {self.position + 1} of {len(self.answer_ids)}" if detail else "No answers"
        if self.answer_filter != AnswerFilter():
            where += f"  ·  filter: {self.answer_filter.describe()}  (f to change)"
        self.query_one("#answer-position", Label).update(inert_line(where), layout=False)
        self.query_one("#respondent", Label).update(inert_line(self._respondent_line(detail)), layout=False)

    def _respondent_line(self, detail: dict | None) -> str:
        if detail is None:
            return ""
        if self.blind:
            return f"Respondent {detail['respondent_id']} · attributes hidden (blind)"
        attributes = detail["attributes"]
        shown = [attributes.get(key) for key in ("name", "county", "size_group")]
        return " · ".join([detail["respondent_id"], *(str(value) for value in shown if value)])

    def _show_question_progress(self) -> None:
        answered, coded = self.query_one(QuestionList).counts(self.question_id)
        self.query_one(StatusLine).progress = f"{self.question_id}: {coded}/{answered} coded"

    # ---- suggestions ---------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="frequent")
    def load_frequent_codes(self, question_id: str) -> None:
        """Count the question's most used codes once, off the interface thread."""
        with Store(self.store.path, read_only=True) as store:
            code_ids = coding_rows.frequent_codes(store, question_id)
        self.post_message(self.FrequentCodesLoaded(question_id, code_ids))

    def on_coding_screen_frequent_codes_loaded(self, message: FrequentCodesLoaded) -> None:
        if message.question_id == self.question_id:
            self.frequent_code_ids = message.code_ids
            self.refresh_suggestions()

    def refresh_suggestions(self) -> None:
        """Real suggestions when a suggester is injected; else recent, then frequent codes."""
        if self.answer_id is None:
            self.query_one(SuggestionList).show_rows([])
        elif not self.suggester_ready:
            recent = coding_rows.recent_codes(self.store, self.question_id, self.coder)
            code_ids = list(dict.fromkeys(recent + self.frequent_code_ids))
            self.query_one(SuggestionList).show_rows(
                [
                    SuggestionRow(code_id, self.codes[code_id]["path"])
                    for code_id in code_ids
                    if code_id in self.codes
                ]
            )
        else:
            # Wait until the coder rests on an answer, so paging quickly costs nothing.
            if self.suggest_timer is not None:
                self.suggest_timer.stop()
            self.suggest_timer = self.set_timer(SUGGEST_DELAY_SECONDS, self._suggest_current)

    def _suggest_current(self) -> None:
        if self.answer_id is not None:
            self.suggest_in_background(self.answer_id)

    @work(thread=True, exclusive=True, group="suggest-fit")
    def fit_suggester(self) -> None:
        """Learn from the coded segments once (the long step), then show real suggestions."""

        def report(done: int, total: int) -> None:
            self.post_message(self.FitProgressed(f"learning suggestions {done}/{total}"))

        with self.suggester_lock:
            self.app.suggester.fit(on_progress=report)
        self.suggester_ready = True
        self.post_message(self.FitProgressed(""))
        self.post_message(self.SuggestionsReady(-1, []))

    def on_coding_screen_fit_progressed(self, message: FitProgressed) -> None:
        self.query_one(StatusLine).notice = message.notice

    @work(thread=True, exclusive=True, group="suggest")
    def suggest_in_background(self, answer_id: int) -> None:
        """Ask the injected suggester (one at a time: it owns one database connection)."""
        with self.suggester_lock:
            suggestions = self.app.suggester.suggest(answer_id, top=9)
        paths = {code_id: code["path"] for code_id, code in self.codes.items()}
        rows = [SuggestionRow.from_suggestion(item, paths) for item in suggestions]
        self.post_message(self.SuggestionsReady(answer_id, rows))

    def on_coding_screen_suggestions_ready(self, message: SuggestionsReady) -> None:
        if message.answer_id == -1:  # the suggester has just been fitted
            self.refresh_suggestions()
        elif message.answer_id == self.answer_id:
            self.query_one(SuggestionList).show_rows(message.rows)

    # ---- coding actions ------------------------------------------------------------------

    @property
    def current_segment_id(self) -> str | None:
        view = self.query_one(AnswerView)
        return view.segments[view.current_index]["id"] if view.segments else None

    def _writable(self) -> bool:
        if self.app.read_only:
            self.notify("This project is open read-only; nothing can be changed.", severity="warning")
        return not self.app.read_only and self.current_segment_id is not None

    def apply_code(self, code_id: str, how: str = "typed") -> None:
        """Put a code on the segment under the cursor and get ready for the next one."""
        if not self._writable():
            return
        try:
            coding.apply_codes(self.store, self.current_segment_id, [code_id], self.coder, how)
        except UserError as error:
            self.notify(str(error), severity="error")
            return
        self.after_change()

    def after_change(self, codebook_changed: bool = False) -> None:
        """Redraw what a change can affect; the database already holds it."""
        was_coded = self.counts_as_coded()
        if self.query_one(CodePicker).query_text:
            self.query_one(CodePicker).reset()
        self.show_answer(keep_cursor=True)
        if codebook_changed:
            self.reload_codes()
            self.count_progress()
        else:
            now_coded = self.counts_as_coded()
            self.query_one(QuestionList).adjust(self.question_id, int(now_coded) - int(was_coded))
            self._show_question_progress()
        self.query_one(StatusLine).mark_saved()

    @on(CodePicker.CodeChosen)
    def _code_chosen(self, event: CodePicker.CodeChosen) -> None:
        self.apply_code(event.code_id)

    @on(CodePicker.CodeCreateRequested)
    def _create_requested(self, event: CodePicker.CodeCreateRequested) -> None:
        if not self._writable():
            return
        try:
            if ">" in event.name:
                code_id = coding.code_for_path(self.store, event.name, self.coder, create=True)
            else:
                created = coding.create_code(self.store, event.name, self.coder, parent_id=event.parent_id)
                code_id = created.id
                if created.similar:
                    self.notify(f"Created. Close to: {', '.join(created.similar)}")
        except UserError as error:
            self.notify(str(error), severity="error")
            return
        self.reload_codes()
        self.apply_code(code_id)

    @on(CodePicker.SuggestionRequested)
    def _suggestion_from_picker(self, event: CodePicker.SuggestionRequested) -> None:
        self.action_apply_suggestion(event.number)

    @on(CodePicker.EmptySubmitted)
    def _empty_enter(self) -> None:
        self.action_next_answer()

    @on(CodePicker.Left)
    def _left_picker(self) -> None:
        self.query_one(AnswerView).focus()

    @on(QuestionList.QuestionChosen)
    def _question_chosen(self, event: QuestionList.QuestionChosen) -> None:
        self.load_question(event.question_id)
        self.query_one(CodePicker).focus_filter()

    def action_apply_suggestion(self, number: int) -> None:
        row = self.query_one(SuggestionList).row_for_number(number)
        if row is None:
            self.notify(f"There is no suggestion {number}.", severity="warning")
        else:
            self.apply_code(row.code_id, how="suggestion" if row.score is not None else "typed")

    def action_next_answer(self) -> None:
        self._go_to(self.position + 1)

    def action_previous_answer(self) -> None:
        self._go_to(self.position - 1)

    def _go_to(self, position: int) -> None:
        if 0 <= position < len(self.answer_ids):
            self.position = position
            if self.query_one(CodePicker).query_text:
                self.query_one(CodePicker).reset()
            self.show_answer()
        else:
            self.notify("No more answers this way.", timeout=1.5)

    def action_next_uncoded(self) -> None:
        uncoded = answer_rows.uncoded_answer_ids(
            self.store, self.question_id, self.app.wave, self.sample_coder
        )
        order = {answer_id: index for index, answer_id in enumerate(self.answer_ids)}
        later = [order[answer_id] for answer_id in uncoded if order.get(answer_id, -1) > self.position]
        earlier = [order[answer_id] for answer_id in uncoded if answer_id in order]
        if later or earlier:
            self._go_to((later or earlier)[0])
        else:
            self.notify("Every answer here is coded.")

    def action_undo(self) -> None:
        self._undo_or_redo(coding.undo, "Nothing to undo.")

    def action_redo(self) -> None:
        self._undo_or_redo(coding.redo, "Nothing to redo.")

    def _undo_or_redo(self, operation, nothing: str) -> None:
        if self.app.read_only:
            self._writable()
            return
        description = operation(self.store, self.coder)
        self.notify(description or nothing, timeout=2)
        self.after_change(codebook_changed=True)

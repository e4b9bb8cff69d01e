"""The coding screen (home), a view of one ``CodingSession``: questions left, the answer in
the centre, the code picker and the current answer's suggestions right."""

from __future__ import annotations

from functools import partial

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Label

from workbench.coding.session import CodingSession
from workbench.errors import UserError
from workbench.screens.base import WorkbenchScreen
from workbench.screens.choice import ChoiceDialog
from workbench.screens.coding_auto_next import AUTO_NEXT_HELP, AutoNext
from workbench.screens.coding_memos import edit_memo
from workbench.screens.coding_openers import OpensScreens
from workbench.screens.split_choice import excerpt, split_and_choose
from workbench.store import answers as answer_rows
from workbench.store.answers import AnswerFilter
from workbench.widgets.answer_header import AnswerHeader
from workbench.widgets.answer_view import AnswerView
from workbench.widgets.code_chips import CodeChips
from workbench.widgets.code_picker import CodePicker
from workbench.widgets.inert import inert_line
from workbench.widgets.question_list import QuestionList
from workbench.widgets.sentence_hint import SPLIT_BINDING, SentenceHint
from workbench.widgets.status_line import StatusLine
from workbench.widgets.suggestion_list import SuggestionList

# Let the first screen settle before the suggester's fitting competes for the processor.
FIT_DELAY_SECONDS = 1.0
SUGGEST_DELAY_SECONDS = 0.0  # the list worker computes only the latest answer asked for


class CodingScreen(AutoNext, OpensScreens, WorkbenchScreen[None]):
    """The coding loop. Keys here work from the picker too, so none of them types."""

    HORIZONTAL_BREAKPOINTS = [(0, "-tiny"), (70, "-narrow"), (110, "-wide")]

    BINDINGS = [
        Binding("pagedown,ctrl+down", "next_answer", "Next", id="next_answer_anywhere", show=False),
        Binding("pageup,ctrl+up", "previous_answer", "Previous", id="previous_answer_anywhere", show=False),
        Binding("ctrl+n", "next_uncoded", "Next uncoded", id="next_uncoded_anywhere"),
        Binding("ctrl+z", "undo", "Undo", id="undo_anywhere"),
        Binding("ctrl+r,ctrl+y", "redo", "Redo", id="redo", show=False),
        Binding("ctrl+t", "answer_table", "Table", id="answer_table", show=False),
        Binding("ctrl+o", "codebook", "Codebook", id="codebook", show=False),
        Binding("ctrl+g", "chart", "Chart", id="chart", show=False),
        Binding("ctrl+l", "choose_question", "Question", id="choose_question_anywhere"),
        Binding("ctrl+b", "toggle_blind", "Blind", id="toggle_blind_anywhere", show=False),
        Binding("f1", "help", "Help", id="help_anywhere"),
        Binding("f4", "toggle_auto_next", AUTO_NEXT_HELP, id="toggle_auto_next_anywhere", show=False),
        Binding("ctrl+f", "toggle_report", "Mark for report", id="toggle_report_anywhere", show=False),
        # Priority: the picker's filter would otherwise take ctrl+k (delete to the end).
        Binding(
            "ctrl+k", "clusters", "Clusters of uncoded answers", id="clusters", show=False, priority=True
        ),
        SPLIT_BINDING,
    ]

    def __init__(self, question_id: str | None = None, answer_id: int | None = None) -> None:
        super().__init__()
        self.start_at = (question_id, answer_id)
        self.session: CodingSession | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="coding-body"):
            with Vertical(id="questions-pane"):
                yield Label("Questions (g)", classes="pane-title")
                yield QuestionList(id="question-list")
                yield Label("", id="chapter")
            with Vertical(id="answer-pane"):
                yield AnswerHeader(id="answer-header")
                yield AnswerView(id="answer")
                yield CodeChips(id="chips")
            with Vertical(id="picker-pane"):
                yield Label("Code", classes="pane-title")
                yield CodePicker(id="picker")
                yield Label("Suggestions", classes="pane-title")
                yield SuggestionList(id="suggestions")
                yield SentenceHint(id="sentence-hint")
        yield StatusLine(id="status")
        yield Footer()

    @property
    def question_id(self) -> str | None:
        return self.session.question_id if self.session else None

    @property
    def answer_id(self) -> int | None:
        return self.session.answer_id if self.session else None

    @property
    def answer_ids(self) -> list[int]:
        return self.session.answer_ids if self.session else []

    @property
    def position(self) -> int:
        return self.session.position if self.session else 0

    def on_mount(self) -> None:
        self.session = CodingSession(self.store, self.coder, self.wave, blind=self.settings.blind)
        sample = self.session.assigned.sample
        self.query_one(StatusLine).show_project(
            self.store.path.name, self.coder, self.wave, self.read_only, sample
        )
        question_id = self.session.known_question(self.start_at[0])
        self.query_one(QuestionList).show_questions(list(self.session.questions.values()), question_id)
        if question_id:
            self.open_question(question_id, self.start_at[1])
        self.count_progress()
        if self.workbench.suggester is not None:
            suggestion_list = self.query_one(SuggestionList)
            self.set_timer(FIT_DELAY_SECONDS, partial(suggestion_list.fit, self.workbench.suggester))
        self.query_one(CodePicker).focus_filter()

    def open_question(self, question_id: str, answer_id: int | None = None) -> None:
        self.session.open_question(question_id, answer_id)
        question = self.session.questions[question_id]
        self.query_one(AnswerHeader).show_question(question_id, question["text"])
        self.query_one("#chapter", Label).update(inert_line(f"Chapter: {question['chapter'] or '-'}"))
        self.reload_codes()
        self.show_answer()
        self._show_question_progress()

    def reload_codes(self) -> None:
        """Refresh the picker after the codebook changed."""
        session = self.session
        session.reload_codes()
        self.query_one(CodePicker).set_codes(list(session.codes.values()), session.question_code_ids)

    def show_answer(self) -> None:
        """Draw the current answer, its codes, its respondent and its suggestions."""
        session = self.session
        with self.app.batch_update():
            self.query_one(AnswerView).show_answer(session.text, session.segments, session.cursor)
            self.refresh_chips()
            self.query_one(AnswerHeader).show_place(session.position_line(), session.respondent_line())
            if session.suggestions is None:
                self.request_suggestions()
            self.show_suggestions()

    def refresh_chips(self) -> None:
        session = self.session
        chips = self.query_one(CodeChips)
        chips.show_segments(
            session.segments, self.coder, session.segment_index, session.blind, session.memo_line()
        )

    def show_suggestions(self) -> None:
        applied = frozenset(self.session.my_code_ids())
        self.query_one(SuggestionList).show(self.session.suggestions, applied)
        self.query_one(SentenceHint).follow(self.session)

    def _show_question_progress(self) -> None:
        answered, coded = self.query_one(QuestionList).counts(self.question_id)
        self.query_one(StatusLine).progress = f"{self.question_id}: {coded}/{answered} coded"

    def count_progress(self) -> None:
        self.query_one(QuestionList).count_progress(self.store.path, self.session.progress_counts)

    @on(QuestionList.ProgressCounted)
    def _progress_counted(self) -> None:
        self._show_question_progress()

    @on(AnswerView.CursorMoved)
    def _cursor_moved(self, event: AnswerView.CursorMoved) -> None:
        self.session.cursor = event.cursor
        self.refresh_chips()
        self.show_suggestions()

    def request_suggestions(self) -> None:
        """Ask for the current answer's list: provisional at once, the suggester's when fitted."""
        suggestion_list = self.query_one(SuggestionList)
        if suggestion_list.ready and self.answer_id is not None:
            suggestion_list.request(self.answer_id, SUGGEST_DELAY_SECONDS)
        elif (provisional := self.session.provisional_suggestions()) is not None:
            self.session.offer_suggestions(provisional)

    @on(SuggestionList.FitProgressed)
    def _fit_progressed(self, message: SuggestionList.FitProgressed) -> None:
        self.query_one(StatusLine).notice = message.notice
        if message.ready:
            self.request_suggestions()

    @on(SuggestionList.Computed)
    def _suggestions_computed(self, message: SuggestionList.Computed) -> None:
        self.query_one(SentenceHint).take(message.answer_id, message.suggestions)
        if self.session.offer_computed(message.answer_id, message.suggestions):
            self.show_suggestions()

    def change(self, operation, *arguments, codebook_changed: bool = False):
        """Run one session change; show a refusal in one sentence; redraw what it affects."""
        if not self.require_writable():
            return None
        was_coded = self.session.is_coded()
        try:
            result = operation(*arguments)
        except UserError as error:
            self.notify(str(error), severity="error")
            return None
        picker = self.query_one(CodePicker)
        picker.first_ids = self.session.question_code_ids
        picker.reset()
        if codebook_changed:
            self.reload_codes()
            self.count_progress()
        else:
            change = int(self.session.is_coded()) - int(was_coded)
            self.query_one(QuestionList).adjust(self.question_id, change)
            self._show_question_progress()
        self.show_answer()
        self.query_one(StatusLine).mark_saved()
        self.query_one(SuggestionList).learn()
        return result

    @on(CodePicker.CodeChosen)
    def _code_chosen(self, event: CodePicker.CodeChosen) -> None:
        self._move_on_after(self.change(self.session.apply_code, event.code_id), by_digit=False)

    @on(CodePicker.CodeCreateRequested)
    def _create_requested(self, event: CodePicker.CodeCreateRequested) -> None:
        self._created(self.change(self.session.create_and_apply, *event.arguments, codebook_changed=True))

    @on(CodePicker.LeadInEdited)
    def _lead_in_edited(self, event: CodePicker.LeadInEdited) -> None:
        self.change(self.session.set_lead_in, event.code_id, event.text, codebook_changed=True)

    @on(CodePicker.SuggestionRequested)
    def _suggestion_from_picker(self, event: CodePicker.SuggestionRequested) -> None:
        self.action_apply_suggestion(event.number, event.stay)

    @on(CodePicker.EmptySubmitted)
    def _empty_enter(self) -> None:
        self.action_next_answer()

    @on(CodePicker.Left)
    def _left_picker(self) -> None:
        self.query_one(AnswerView).focus()

    @on(QuestionList.QuestionChosen)
    def _question_chosen(self, event: QuestionList.QuestionChosen) -> None:
        self.go_to_question(event.question_id)

    def action_apply_suggestion(self, number: int, stay: bool = False) -> None:
        """Apply suggestion ``number``; in auto-next move on unless ``stay`` (alt+digit)."""
        listed, shown = self.session.suggestions, self.query_one(SuggestionList).drawn
        if listed is None or listed is not shown:
            self.notify("The suggestions for this answer are still on their way.", timeout=1.5)
        elif listed.row(number) is None:
            self.notify(f"There is no suggestion {number}.", severity="warning", timeout=1.5)
        else:
            self._move_on_after(self.change(self.session.apply_suggestion, number, shown), by_digit=not stay)

    @on(AnswerView.SplitRequested)
    def _split(self, event: AnswerView.SplitRequested) -> None:
        """Codes stay with the part under the cursor, which then goes to the uncoded part."""
        split_and_choose(self, list(event.cuts))

    def action_split_and_code(self) -> None:
        if chosen := self.query_one(SentenceHint).part_to_split(self.notify):
            self.change(self.session.split_and_apply, *chosen)

    def action_remove_code(self) -> None:
        choices = self.session.my_codes()
        number = self.session.segment_index + 1
        if len(choices) == 1:
            self._remove(choices[0][0])
        elif choices:
            quoted = excerpt(self.session.text[self.session.segment.start : self.session.segment.end])
            title = f"Remove which code from segment ¶{number} «{quoted}»?"
            self.app.push_screen(ChoiceDialog(title, choices), self._remove)
        else:
            self.notify(f"Segment ¶{number} has no code of yours to remove.")

    def _remove(self, code_id: str | None) -> None:
        if code_id:
            self.change(self.session.remove_code, code_id)

    def action_memo(self) -> None:
        edit_memo(self, "segment")

    def action_answer_memo(self) -> None:
        edit_memo(self, "answer")

    def action_toggle_report(self) -> None:
        flag = self.change(self.session.toggle_report)
        if flag is not None:
            self.notify("Marked for report." if flag else "Report mark removed.", timeout=1.5)

    def action_undo(self) -> None:
        self._replay(self.session.undo)

    def action_redo(self) -> None:
        self._replay(self.session.redo)

    def _replay(self, operation) -> None:
        if said := self.change(operation, codebook_changed=True):
            self.notify(said, timeout=2)

    def _moved(self, moved: bool, refusal: str) -> None:
        if not moved:
            self.notify(refusal, timeout=1.5)
            return
        self.query_one(CodePicker).reset()
        self.show_answer()
        self.workbench.remember_position(self.question_id, self.answer_id)

    def action_next_answer(self) -> None:
        self._moved(self.session.step(1), "This is the last answer.")

    def action_previous_answer(self) -> None:
        self._moved(self.session.step(-1), "This is the first answer.")

    def action_next_uncoded(self) -> None:
        self._moved(self.session.next_uncoded(), "Every answer here is coded.")

    def go_to_question(self, question_id: str, answer_id: int | None = None) -> None:
        self.open_question(question_id, answer_id)
        self.query_one(QuestionList).highlight_question(question_id)
        self.workbench.remember_position(self.question_id, self.answer_id)
        self.query_one(CodePicker).focus_filter()

    def set_filter(self, answer_filter: AnswerFilter) -> None:
        self.session.set_filter(answer_filter)
        self.show_answer()

    def action_toggle_blind(self) -> None:
        self.workbench.settings = self.settings.with_changes(blind=not self.settings.blind)
        self.workbench.save_settings()
        self.session.blind_setting = self.settings.blind
        self.show_answer()

    def action_toggle_evidence(self) -> None:
        self.query_one(SuggestionList).toggle_evidence()

    def action_focus_picker(self) -> None:
        view = self.query_one(AnswerView)
        if view.proposed_cuts:
            view.propose_cuts([])
        self.query_one(CodePicker).focus_filter()

    def returned(self, answer_id: object) -> None:
        """Back from another screen: reload, and jump to the answer it chose (if an int)."""
        chosen = isinstance(answer_id, int) and not isinstance(answer_id, bool)
        question_id = answer_rows.answer_detail(self.store, answer_id)["question_id"] if chosen else None
        if question_id in self.session.questions:  # not: a question this wave did not ask
            self.session.answer_filter = AnswerFilter()
            self.go_to_question(question_id, answer_id)
        else:
            self.reload_codes()
            self.session.reload_answer()
            self.show_answer()
        self.count_progress()
        self.query_one(CodePicker).focus_filter()

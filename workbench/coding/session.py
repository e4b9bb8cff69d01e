"""The coding loop's state and rules, without Textual: the coding screen is a view of this.

A ``CodingSession`` knows the current question and answer, the answers a filter or search
leaves (inside the coder's blind sample, if any), the suggestion list computed for the
current answer, and the changes this session made, so undo and redo touch only those (and
go back to the answer each was made on). With ``auto_next`` a suggestion digit also moves on;
on a single-code question every applied code does.
"""

from __future__ import annotations

from types import EllipsisType

from workbench.coding.changes import recording
from workbench.coding.codebook import code_for_path, create_code
from workbench.coding.codebook_tree import PATH_SEPARATOR
from workbench.coding.codings import apply_codes, remove_codes
from workbench.coding.memos import MemoTarget, memo_summary
from workbench.coding.memos import save_memo as write_memo
from workbench.coding.picker_rows import picker_rows
from workbench.coding.report_mark import set_for_report
from workbench.coding.reshape import define_code
from workbench.coding.session_splits import SplittingSession
from workbench.coding.session_values import (
    Segment,
    SuggestionRow,
    Suggestions,
    outside_question,
)
from workbench.coding.undo import next_redo, next_undo, redo, undo
from workbench.coding.wave_questions import questions_as_asked
from workbench.errors import UserError
from workbench.review.blind import Visibility
from workbench.store import Store, overview
from workbench.store import answers as answer_rows
from workbench.store import codings as coding_rows
from workbench.store import memos as memo_rows
from workbench.store.answers import AnswerFilter


class CodingSession(SplittingSession):
    """The coding loop of one coder on one project (state and rules; no drawing)."""

    def __init__(self, store: Store, coder: str, wave: int | None, blind: bool = False) -> None:
        self.store, self.coder, self.wave = store, coder, wave
        self.blind_setting = blind
        self.assigned = Visibility.of(store, coder)  # the sample, and blind if assigned blind
        self.questions = questions_as_asked(store, wave)
        self.question_id: str | None = None
        self.answer_ids: list[int] = []
        self.position = 0
        self.answer_filter = AnswerFilter()
        self.detail: dict | None = None
        self.segments: list[Segment] = []
        self.cursor = 0
        self.suggestions: Suggestions | None = None
        self.codes: dict[str, dict] = {}
        self.codes_by_use: list[str] = []
        self.question_code_ids: frozenset[str] = frozenset()
        self.auto_next = False
        self._done: list[tuple[str, int | None]] = []  # (action id, answer it was made on)
        self._undone: list[tuple[str, int | None]] = []
        self.reload_codes()

    # ---- where the coder is --------------------------------------------------------------

    @property
    def blind(self) -> bool:
        """Hide other coders' codes and respondent attributes (chosen, or by the sample)."""
        return self.blind_setting or self.assigned.blind

    @property
    def visibility(self) -> Visibility:
        """What this coder may see now: the sample, and others' codings unless blind."""
        return Visibility(self.coder, self.assigned.sample, self.blind)

    @property
    def sample_coder(self) -> str | None:
        """Whose codes make an answer "coded": this coder's in a sample, else anyone's."""
        return None if self.assigned.sample is None else self.coder

    @property
    def answer_id(self) -> int | None:
        return self.answer_ids[self.position] if self.answer_ids else None

    def reload_questions(self) -> None:
        """Read the questions again (a question mapping saved after import moved answers)."""
        self.questions = questions_as_asked(self.store, self.wave)

    def known_question(self, question_id: str | None) -> str | None:
        """``question_id`` if the project has it, else its first question (None: no questions)."""
        if question_id in self.questions:
            return question_id
        return next(iter(self.questions), None)

    def open_question(self, question_id: str, answer_id: int | None = None) -> None:
        """Make a question current (at ``answer_id`` if it is among its answers)."""
        if question_id not in self.questions:
            raise UserError(f"There is no question '{question_id}' in this project.")
        self.question_id = question_id
        self.answer_ids = self.visibility.answer_ids(self.store, question_id, self.wave, self.answer_filter)
        # Once per question: counting per answer would cost a scan of the question's codings.
        # Blind: other coders' choices would show through the order, so no order at all.
        used = [] if self.blind else coding_rows.frequent_codes(self.store, question_id, limit=1_000_000)
        self.codes_by_use = used
        self.question_code_ids = frozenset(self.codes_by_use)
        self.go_to(self.answer_ids.index(answer_id) if answer_id in self.answer_ids else 0)

    def set_filter(self, answer_filter: AnswerFilter) -> None:
        """Show only the answers the filter (or search) lets through, staying put if possible."""
        self.answer_filter = answer_filter
        self.open_question(self.question_id, self.answer_id)

    def go_to(self, position: int) -> bool:
        """Move to the answer at ``position``; False (and no move) if there is none."""
        if self.answer_ids and not 0 <= position < len(self.answer_ids):
            return False
        self.position = position
        self.cursor = 0
        self.suggestions = None
        self.reload_answer()
        return True

    def step(self, offset: int) -> bool:
        return self.go_to(self.position + offset)

    def next_uncoded(self) -> bool:
        """Go to the next answer without a code (wrapping round); False if all are coded."""
        uncoded = set(
            answer_rows.uncoded_answer_ids(self.store, self.question_id, self.wave, self.sample_coder)
        )
        order = [p for p, answer in enumerate(self.answer_ids) if answer in uncoded]
        later = [p for p in order if p > self.position]
        if not order:
            return False
        return self.go_to((later or order)[0])

    def reload_answer(self) -> None:
        """Read the current answer and its segments again (after a change)."""
        answer_id = self.answer_id
        self.detail = answer_rows.answer_detail(self.store, answer_id) if answer_id else None
        rows = coding_rows.segments_with_codes(self.store, answer_id, self.coder) if self.detail else []
        self.segments = [
            Segment(row["id"], row["start"], row["end"], bool(row["for_report"]), row["codings"])
            for row in rows
        ]
        self.cursor = min(self.cursor, max(len(self.text) - 1, 0))

    def reload_codes(self) -> None:
        """Read the live codebook again (after the codebook changed), with the picker's marks."""
        self.codes = picker_rows(self.store, self.wave)

    @property
    def text(self) -> str:
        return self.detail["text"] if self.detail else ""

    @property
    def segment_index(self) -> int:
        """Index of the segment under the cursor."""
        for index, segment in enumerate(self.segments):
            if segment.start <= self.cursor < segment.end:
                return index
        return 0

    @property
    def segment(self) -> Segment | None:
        return self.segments[self.segment_index] if self.segments else None

    def is_coded(self) -> bool:
        """Whether the current answer counts as coded: by anyone, or by this coder in a sample."""
        mine_only = self.sample_coder is not None
        return any(row["coder"] == self.coder or not mine_only for s in self.segments for row in s.codings)

    def my_codes(self) -> list[tuple[str, str]]:
        """(id, path) of this coder's codes on the segment under the cursor."""
        return [(code_id, self.codes.get(code_id, {"path": "?"})["path"]) for code_id in self.my_code_ids()]

    def my_code_ids(self) -> list[str]:
        """This coder's codes on the segment under the cursor."""
        segment = self.segment
        return [row["code_id"] for row in segment.codings if row["coder"] == self.coder] if segment else []

    def first_shown_code(self) -> str | None:
        """The first code shown on the segment under the cursor (only this coder's when blind)."""
        codings = self.segment.codings if self.segment else []
        shown = [row["code_id"] for row in codings if row["coder"] == self.coder or not self.blind]
        return shown[0] if shown else None

    # ---- suggestions ---------------------------------------------------------------------

    def offer_suggestions(self, suggestions: Suggestions) -> bool:
        """Take a list computed for an answer; True if it is now the one shown.

        A list for another answer is dropped; once a final list is shown for this answer,
        its order stays while the coder stays (so numbers keep meaning the same code).
        """
        if suggestions.answer_id != self.answer_id:
            return False
        if self.suggestions is not None and not self.suggestions.provisional:
            return False
        rows = sorted(suggestions.rows, key=lambda row: not self._in_question(row.code_id))
        rows = [row if self._in_question(row.code_id) else outside_question(row) for row in rows]
        self.suggestions = Suggestions(suggestions.answer_id, tuple(rows[:9]), suggestions.provisional)
        return True

    def offer_computed(self, answer_id: int, suggestions: list) -> bool:
        """Take the suggester's list (``workbench.suggest`` suggestions) for an answer."""
        paths = {code_id: code["path"] for code_id, code in self.codes.items()}
        rows = tuple(SuggestionRow.from_suggestion(item, paths) for item in suggestions)
        return self.offer_suggestions(Suggestions(answer_id, rows))

    def _in_question(self, code_id: str) -> bool:
        return code_id in self.question_code_ids or not self.question_code_ids

    def provisional_suggestions(self) -> Suggestions | None:
        """Recent, then frequent codes of the question, for before the suggester is fitted."""
        if self.answer_id is None:
            return None
        recent = coding_rows.recent_codes(self.store, self.question_id, self.coder)
        frequent = self.codes_by_use[:9]
        rows = [
            SuggestionRow(code_id, self.codes[code_id]["path"])
            for code_id in dict.fromkeys(recent + frequent)
            if code_id in self.codes and not self.codes[code_id]["not_used_in"]
        ]
        return Suggestions(self.answer_id, tuple(rows), provisional=True)

    def apply_suggestion(self, number: int, shown: Suggestions | None | EllipsisType = ...) -> str | None:
        """Apply suggestion ``number`` of the current answer's list, if that very list is the
        one the view drew last (``shown``; left out: no view); None while pending or undrawn."""
        listed = self.suggestions
        shown = listed if shown is ... else shown
        if listed is None or listed is not shown or listed.answer_id != self.answer_id:
            return None
        row = listed.row(number)
        if row is None:
            return None
        self.apply_code(row.code_id, how="typed" if listed.provisional else "suggestion")
        return row.code_id

    @property
    def single_code(self) -> bool:
        """Whether the current question takes one code per answer."""
        question = self.questions.get(self.question_id) or {}
        return bool(question.get("single_code"))

    def moves_on(self, by_digit: bool) -> bool:
        """Whether applying a code moves on: by a digit in auto-next, any code if single-code."""
        return self.single_code or (by_digit and self.auto_next)

    # ---- changes -------------------------------------------------------------------------

    def _current_segment_id(self) -> str:
        if self.segment is None:
            raise UserError("There is no answer here to code.")
        return self.segment.id

    def apply_code(self, code_id: str, how: str = "typed") -> str:
        """Put a code on the segment under the cursor; return it."""
        segment_id = self._current_segment_id()
        self._record(apply_codes, self.store, segment_id, [code_id], self.coder, how)
        self._used_here(code_id)
        return code_id

    def _used_here(self, code_id: str) -> None:
        """A code just applied counts as one of this question's from now on."""
        if code_id not in self.question_code_ids and not self.blind:
            self.codes_by_use.append(code_id)
            self.question_code_ids = self.question_code_ids | {code_id}

    def create_and_apply(
        self, name: str, parent_id: str | None = None, definition: str = ""
    ) -> tuple[str, ...]:
        """Create a code (or a "Theme > Code" path) with its definition and apply it: one
        change, one undo step.

        Returns the names of existing codes close to the new one.
        """
        segment_id = self._current_segment_id()
        similar: tuple[str, ...] = ()
        with recording(self.store, "coding.apply", self.coder, target=segment_id) as change:
            if PATH_SEPARATOR.strip() in name:
                code_id = code_for_path(self.store, name, self.coder, create=True)
            else:
                created = create_code(self.store, name, self.coder, parent_id=parent_id)
                code_id, similar = created.id, created.similar
            if definition.strip():
                define_code(self.store, code_id, self.coder, definition=definition.strip())
            apply_codes(self.store, segment_id, [code_id], self.coder)
            change.info = {"created": name.strip()}
        self._remember_change()
        self._used_here(code_id)
        self.reload_codes()
        self.reload_answer()
        return similar

    def set_lead_in(self, code_id: str, text: str) -> None:
        """The sentence the report prints above a code's or theme's quotes ("": none)."""
        self._record(lambda: define_code(self.store, code_id, self.coder, lead_in=text.strip()))

    def remove_code(self, code_id: str) -> None:
        segment_id = self._current_segment_id()
        self._record(remove_codes, self.store, segment_id, [code_id], self.coder)

    def toggle_report(self) -> bool:
        """Mark the segment under the cursor for the report, or take the mark off."""
        flag = not self.segment.for_report if self.segment else False
        segment_id = self._current_segment_id()
        self._record(set_for_report, self.store, segment_id, flag, self.coder)
        return flag

    def _record(self, operation, *arguments) -> None:
        operation(*arguments)
        self._remember_change()
        self.reload_answer()

    def _remember_change(self) -> None:
        action_id = next_undo(self.store, self.coder)
        if action_id is not None and (not self._done or self._done[-1][0] != action_id):
            self._done.append((action_id, self.answer_id))
            self._undone.clear()

    def undo(self) -> str:
        """Undo this session's latest change, back on the answer it was made on; say what."""
        if not self._done:
            return "Nothing of this session to undo."
        if next_undo(self.store, self.coder) != self._done[-1][0]:
            return "Your latest change was made on another screen; undo it there."
        what = undo(self.store, self.coder)
        self._undone.append(self._done.pop())
        self._after_replay(self._undone[-1][1])
        return f"Undone: {what}."

    def redo(self) -> str:
        """Redo this session's latest undone change, back on its answer; say what happened."""
        if not self._undone or next_redo(self.store, self.coder) != self._undone[-1][0]:
            return "Nothing of this session to redo."
        what = redo(self.store, self.coder)
        self._done.append(self._undone.pop())
        self._after_replay(self._done[-1][1])
        return f"Redone: {what}."

    def _after_replay(self, answer_id: int | None) -> None:
        """Read codes and answer again, on the changed answer if it is in the current list."""
        self.reload_codes()
        if answer_id != self.answer_id and answer_id in self.answer_ids:
            self.go_to(self.answer_ids.index(answer_id))
        else:
            self.reload_answer()

    # ---- what the screen shows ------------------------------------------------------------

    def memo(self) -> str:
        return memo_rows.memo_text(self.store, self.segment.id, self.coder) if self.segment else ""

    def memo_line(self) -> str:
        """The coder's memos on the segment under the cursor and on the answer, in one line."""
        segment = (self.segment.id, self.segment_index + 1) if self.segment else None
        return memo_summary(self.store, self.coder, segment, self.answer_id if self.detail else None)

    def save_memo(self, text: str) -> None:
        self.save_memo_on(MemoTarget("segment", self._current_segment_id()), text)

    def save_memo_on(self, target: MemoTarget, text: str) -> None:
        """Write the coder's memo on any target as one change of this session."""
        self._record(write_memo, self.store, target, self.coder, text.strip())

    def progress_counts(self, store: Store) -> dict[str, tuple[int, int]]:
        """Per question (answered, coded): of the whole wave, or of the coder's sample."""
        sample = self.assigned.sample
        if sample is None:
            return overview.question_progress_counts(store, self.wave)
        return overview.sample_progress_counts(store, self.wave, sample, self.coder)

    def respondent_line(self) -> str:
        """The respondent's id, name, county and size group (only the id when blind)."""
        if self.detail is None:
            return ""
        if self.blind:
            who = self.visibility.respondent_label(self.detail["respondent_id"], self.detail["id"])
            return f"Respondent: {who} · attributes hidden (blind)"
        attributes = self.detail["attributes"]
        shown = [attributes.get(key) for key in ("name", "county", "size_group")]
        return " · ".join([self.detail["respondent_id"], *(str(value) for value in shown if value)])

    def position_line(self) -> str:
        where = f"Answer {self.position + 1} of {len(self.answer_ids)}" if self.detail else "No answers"
        if self.answer_filter != AnswerFilter():
            where += f"  ·  filter: {self.answer_filter.describe()}"
        return where

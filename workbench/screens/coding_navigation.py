"""Finding answers and opening the other screens, from the coding screen."""

from __future__ import annotations

from workbench.screens.answer_table import AnswerTableScreen
from workbench.screens.chart import ChartScreen
from workbench.screens.codebook import CodebookScreen
from workbench.screens.filter import FilterDialog
from workbench.screens.help import HelpScreen
from workbench.screens.text_prompt import TextPrompt
from workbench.store import answers as answer_rows
from workbench.store.answers import AnswerFilter
from workbench.widgets.code_picker import CodePicker
from workbench.widgets.suggestion_list import SuggestionList


class CodingNavigation:
    """Actions of ``CodingScreen`` that filter answers or open other screens (a mixin)."""

    def action_search(self) -> None:
        self.app.push_screen(
            TextPrompt("Search answers by text or code name", self.answer_filter.text or ""),
            lambda text: text is not None and self.set_filter(AnswerFilter(text=text.strip() or None)),
        )

    def action_filter(self) -> None:
        self.app.push_screen(FilterDialog(), lambda chosen: chosen and self.set_filter(chosen))

    def set_filter(self, answer_filter: AnswerFilter) -> None:
        self.answer_filter = answer_filter
        self.load_question(self.question_id, self.answer_id)

    def action_toggle_blind(self) -> None:
        self.app.settings = self.app.settings.with_changes(blind=not self.app.settings.blind)
        self.app.save_settings()
        self.show_answer(keep_cursor=True)

    def action_toggle_evidence(self) -> None:
        self.query_one(SuggestionList).toggle_evidence()

    def action_focus_picker(self) -> None:
        self.query_one(CodePicker).focus_filter()

    def action_answer_table(self, code_id: str | None = None) -> None:
        screen = AnswerTableScreen(self.question_id, AnswerFilter(code_id=code_id))
        self.app.push_screen(screen, self._returned)

    def action_codebook(self) -> None:
        self.app.push_screen(CodebookScreen(), self._returned)

    def action_chart(self) -> None:
        self.app.push_screen(ChartScreen(self.question_id))

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen())

    def _returned(self, answer_id: int | None) -> None:
        """Back from the table or codebook: reload, and jump to a chosen answer."""
        self.reload_codes()
        if answer_id is not None:
            question_id = answer_rows.answer_detail(self.store, answer_id)["question_id"]
            self.answer_filter = AnswerFilter()
            self.load_question(question_id, answer_id)
        else:
            self.show_answer(keep_cursor=True)
        self.count_progress()
        self.query_one(CodePicker).focus_filter()

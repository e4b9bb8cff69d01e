"""The coding screen's ways to other screens and dialogs (question chooser, search, filter,
answer table, codebook, chart, help, near-duplicates, evidence, more like this, clusters).
Mixed into ``CodingScreen``, which provides the session, ``returned`` and ``set_filter``."""

from __future__ import annotations

from workbench.screens.answer_table import AnswerTableScreen
from workbench.screens.chart import ChartScreen
from workbench.screens.clusters import ClustersScreen
from workbench.screens.codebook import CodebookScreen
from workbench.screens.evidence import EvidenceScreen
from workbench.screens.filter import FilterDialog
from workbench.screens.help import HelpScreen
from workbench.screens.more_like_this import MoreLikeThisScreen
from workbench.screens.near_duplicates import NearDuplicatesScreen
from workbench.screens.question_choice import QuestionChoiceDialog
from workbench.screens.text_prompt import TextPrompt
from workbench.store.answers import AnswerFilter
from workbench.widgets.code_picker import CodePicker
from workbench.widgets.question_list import QuestionList


class OpensScreens:
    """Actions that open another screen or dialog from the coding screen."""

    def action_choose_question(self) -> None:
        questions = list(self.session.questions.values())
        dialog = QuestionChoiceDialog(questions, self.query_one(QuestionList).progress)
        # Keys typed right after choosing go to the focus kept below the dialog: the picker.
        self.query_one(CodePicker).focus_filter()
        self.app.push_screen(dialog, lambda chosen: chosen and self.go_to_question(chosen))

    def action_search(self) -> None:
        self.app.push_screen(
            TextPrompt(
                "Search answers by text or code name", self.session.answer_filter.text or "", verb="search"
            ),
            lambda text: text is not None and self.set_filter(AnswerFilter(text=text.strip() or None)),
        )

    def action_filter(self) -> None:
        self.app.push_screen(FilterDialog(), lambda chosen: chosen and self.set_filter(chosen))

    def action_answer_table(self, code_id: str | None = None) -> None:
        answer_filter = self.session.answer_filter if code_id is None else AnswerFilter(code_id=code_id)
        self.app.push_screen(AnswerTableScreen(self.question_id, answer_filter), self.returned)

    def action_codebook(self) -> None:
        self.app.push_screen(CodebookScreen(), self.returned)

    def action_chart(self) -> None:
        self.app.push_screen(ChartScreen(self.question_id))

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen())

    def action_near_duplicates(self) -> None:
        self.app.push_screen(NearDuplicatesScreen(self.answer_id), self.returned)

    def action_why_suggestions(self) -> None:
        self.app.push_screen(EvidenceScreen(self.answer_id), self.returned)

    def action_more_like_this(self) -> None:
        """Answers like the current segment's first code (or, without one, a code to choose)."""
        screen = MoreLikeThisScreen(self.session.first_shown_code(), self.question_id)
        self.app.push_screen(screen, self.returned)

    def action_clusters(self) -> None:
        self.app.push_screen(ClustersScreen(self.question_id), self.returned)

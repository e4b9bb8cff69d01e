"""Why a code is suggested: each suggestion with the coded segments that voted for it."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Footer, Label, OptionList, ProgressBar, Static
from textual.widgets.option_list import Option

from workbench.display import visible_line
from workbench.screens.suggestion_job import SuggestionJobScreen, answer_label, current_answer_id
from workbench.store import answers as answer_rows
from workbench.suggest.results import Suggestion
from workbench.widgets.inert import inert, inert_line

SUGGESTIONS_SHOWN = 9
EVIDENCE_WIDTH = 240


def suggestion_prompt(number: int, suggestion: Suggestion) -> Text:
    """A suggestion, its score, then each evidence segment with its similarity."""
    prompt = Text()
    prompt.append(f"{number} ", style="bold reverse")
    prompt.append(f" {visible_line(suggestion.path)}", style="bold")
    prompt.append(f"   score {suggestion.score:.2f}", style="dim")
    if not suggestion.evidence:
        prompt.append("\n     no single coded segment stands out", style="dim italic")
    for evidence in suggestion.evidence:
        text = " ".join(evidence.text.split())
        if len(text) > EVIDENCE_WIDTH:
            text = text[: EVIDENCE_WIDTH - 1] + "…"
        prompt.append(f"\n     {evidence.similarity:.2f}  ", style="bold")
        if evidence.kind == "definition":
            prompt.append("definition ", style="italic")
        prompt.append(f"“{visible_line(text)}”")
        if evidence.kind != "definition":
            year = f", {evidence.wave}" if evidence.wave else ""
            where = f"{visible_line(evidence.question_id)}{year}"
            prompt.append(f"  (answer {evidence.answer_id}, {where})", style="dim")
    return prompt


class EvidenceScreen(SuggestionJobScreen):
    """The suggestions for one answer with their evidence; given, or worked out in a worker."""

    def __init__(
        self, answer_id: int | None = None, suggestions: tuple[Suggestion, ...] | None = None
    ) -> None:
        super().__init__()
        self.answer_id = answer_id
        self.suggestions = suggestions

    def compose(self) -> ComposeResult:
        yield Label("", id="evidence-title", classes="screen-title")
        yield Static("", id="evidence-answer", classes="suggestion-context")
        yield ProgressBar(id="suggestion-progress", show_eta=False, classes="-idle")
        yield OptionList(id="evidence-list")
        yield Label("", id="evidence-status", classes="suggestion-status")
        yield Footer()

    def on_mount(self) -> None:
        self.answer_id = self.answer_id or current_answer_id(self.app)
        self.query_one(OptionList).focus()
        detail = answer_rows.answer_detail(self.app.store, self.answer_id) if self.answer_id else None
        title = f"Why these codes  ·  {answer_label(detail)}" if detail else "Why these codes"
        self.query_one("#evidence-title", Label).update(inert_line(title))
        if detail is not None:
            self.query_one("#evidence-answer", Static).update(inert(" ".join(detail["text"].split())))
        if self.suggestions is not None:
            self.show_result(tuple(self.suggestions))
        elif detail is None:
            self.show_status("Open an answer first.")
        else:
            self.show_status("Learning from the coded segments…")
            self.start_job()

    def compute(self, suggester, on_progress) -> tuple[Suggestion, ...]:
        suggester.fit(on_progress)
        return tuple(suggester.suggest(self.answer_id, top=SUGGESTIONS_SHOWN))

    def show_result(self, result: tuple[Suggestion, ...]) -> None:
        option_list = self.query_one(OptionList)
        option_list.clear_options()
        option_list.add_options(
            [
                Option(suggestion_prompt(number, suggestion), id=suggestion.code_id)
                for number, suggestion in enumerate(result, start=1)
            ]
        )
        self.show_status("" if result else "Nothing to suggest yet: code a few answers first.")

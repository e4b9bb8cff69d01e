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
from workbench.widgets.inert import inert_line

SUGGESTIONS_SHOWN = 9
EVIDENCE_WIDTH = 240


def suggestion_prompt(number: int, suggestion: Suggestion) -> Text:
    """A suggestion, its score, then each evidence segment with its similarity."""
    prompt = Text()
    prompt.append(f"{number} ", style="bold reverse")
    prompt.append(f" {visible_line(suggestion.path)}", style="bold")
    prompt.append(f"   score {suggestion.score:.2f}", style="dim")
    if (part := getattr(suggestion, "sentence", None)) is not None:
        where = f"from sentence {part.number} on, the answer points here (highlighted above)"
        prompt.append(f"\n     {where}", style="italic")
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


def answer_with_part(text: str, part) -> Text:
    """The answer on one line, the part (a ``SentencePart``, or None) highlighted."""
    pieces = [text] if part is None else [text[: part.start], text[part.start : part.end], text[part.end :]]
    shown = Text()
    for index, piece in enumerate(pieces):
        words = visible_line(" ".join(piece.split()))
        if words:
            shown.append(" " if shown else "")
            shown.append(words, style="reverse" if index == 1 else "")
    return shown


class EvidenceScreen(SuggestionJobScreen):
    """The suggestions for one answer with their evidence; given, or worked out in a worker."""

    def __init__(
        self, answer_id: int | None = None, suggestions: tuple[Suggestion, ...] | None = None
    ) -> None:
        super().__init__()
        self.answer_id = answer_id
        self.suggestions = suggestions
        self.text = ""

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
            self.text = detail["text"]
            self.query_one("#evidence-answer", Static).update(answer_with_part(self.text, None))
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
        self.suggestions = result
        self.show_status("" if result else "Nothing to suggest yet: code a few answers first.")

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Highlight the part of the answer that points to the highlighted code, if any."""
        chosen = self.suggestions[event.option_index] if self.suggestions else None
        part = getattr(chosen, "sentence", None)
        self.query_one("#evidence-answer", Static).update(answer_with_part(self.text, part))

"""Pick an existing code with the fuzzy code picker, in a modal dialog."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label

from workbench.widgets.code_picker import CodePicker
from workbench.widgets.inert import inert


class CodeChoiceDialog(ModalScreen[str | None]):
    """Dismisses with a code id, or None on Escape. Themes are offered when asked for."""

    def __init__(self, title: str, codes: list[dict], themes_only: bool = False) -> None:
        super().__init__()
        self.title_text = title
        self.codes = [code for code in codes if code["is_theme"]] if themes_only else codes

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-tall"):
            yield Label(inert(self.title_text), classes="dialog-title")
            yield CodePicker(allow_create=False, id="choice-picker")
            yield Label("Type to filter · ↑↓ · Enter to choose · Escape to cancel", classes="dialog-hint")

    def on_mount(self) -> None:
        picker = self.query_one(CodePicker)
        picker.set_codes([{**code, "codable": True} for code in self.codes])
        picker.focus_filter()

    @on(CodePicker.CodeChosen)
    def _chosen(self, event: CodePicker.CodeChosen) -> None:
        event.stop()
        self.dismiss(event.code_id)

    @on(CodePicker.Left)
    def _cancelled(self, event: CodePicker.Left) -> None:
        event.stop()
        self.dismiss(None)

    @on(CodePicker.SuggestionRequested)
    def _digit_ignored(self, event: CodePicker.SuggestionRequested) -> None:
        event.stop()

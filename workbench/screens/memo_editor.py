"""Write a memo of several lines in a modal dialog (ctrl+s saves, Escape cancels)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, TextArea

from workbench.widgets.inert import inert_line


class MemoEditor(ModalScreen[str | None]):
    """Dismisses with the memo's text on ctrl+s, or None on Escape."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save memo", id="memo_save", priority=True),
        Binding("escape", "cancel", "Cancel", id="memo_cancel"),
    ]

    def __init__(self, title: str, text: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-tall"):
            yield Label(inert_line(self.title_text), classes="dialog-title")
            yield TextArea(self.text, id="memo-text", soft_wrap=True)
            yield Label("ctrl+s to save · Escape to cancel", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        self.dismiss(None)

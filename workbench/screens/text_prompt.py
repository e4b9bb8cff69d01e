"""Ask for one line of text (a name, a definition, a memo, a search) in a modal dialog."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from workbench.screens.prompt_keys import caught_up, prompt_bindings
from workbench.widgets.inert import inert


class TextPrompt(ModalScreen[str | None]):
    """Dismisses with the text on Enter, or None on Escape; ``hint`` replaces the line that says so."""

    BINDINGS = prompt_bindings("prompt")

    def __init__(
        self, title: str, value: str = "", placeholder: str = "", verb: str = "save", hint: str = ""
    ) -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.placeholder = placeholder
        self.hint = hint or f"Enter to {verb} · Escape to cancel"

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(inert(self.title_text), classes="dialog-title")
            yield Input(value=self.value, placeholder=self.placeholder, id="prompt-input")
            yield Label(self.hint, classes="dialog-hint")

    async def action_choose(self) -> None:
        """Enter: the text, with every key typed before Enter (see ``prompt_keys``)."""
        text = self.query_one(Input)
        await caught_up(text)
        self.dismiss(text.value)

    def action_cancel(self) -> None:
        self.dismiss(None)

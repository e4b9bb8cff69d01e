"""Write a memo of several lines in a modal dialog (ctrl+s saves, Escape cancels).

``ProjectMemoEditor`` is the palette's "Project memo": it loads and saves the coder's memo on
the whole project itself, as one undoable change.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, TextArea

from workbench.coding.memos import MemoTarget, memo_text, save_memo
from workbench.display import visible
from workbench.errors import UserError
from workbench.screens.base import READ_ONLY_MESSAGE
from workbench.widgets.inert import inert, inert_line

EMPTY_CLEARS = "An empty memo is deleted."


class MemoEditor(ModalScreen[str | None]):
    """Dismisses with the memo's text on ctrl+s, or None on Escape; ``read_only`` only shows it."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save memo", id="memo_save", priority=True),
        Binding("escape", "cancel", "Cancel", id="memo_cancel"),
    ]

    read_only_reason = "Another coder's memo: read only."

    def __init__(self, title: str, text: str = "", *, about: str = "", read_only: bool = False) -> None:
        super().__init__()
        self.title_text = title
        self.text = visible(text)  # control characters shown as symbols, also while editing
        self.about = about
        self.read_only = read_only

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-tall", id="memo-dialog"):
            yield Label(inert(self.title_text), classes="dialog-title")
            if self.about:
                yield Label(inert_line(self.about), id="memo-about")
            yield TextArea(self.text, id="memo-text", soft_wrap=True, read_only=self.read_only)
            yield Label(self.hint(), classes="dialog-hint")

    def hint(self) -> str:
        if self.read_only:
            return f"{self.read_only_reason} Escape to close."
        return f"ctrl+s to save · Escape to cancel · {EMPTY_CLEARS}"

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def action_save(self) -> None:
        if self.read_only:
            self.dismiss(None)
            return
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ProjectMemoEditor(MemoEditor):
    """The coder's memo on the whole project, saved when the coder presses ctrl+s."""

    def __init__(self) -> None:
        app = self.app
        super().__init__(
            f"Project memo · {app.coder}",
            memo_text(app.store, MemoTarget.project(), app.coder),
            about="Notes on the whole project: decisions, open questions, the method.",
            read_only=app.read_only,
        )
        self.read_only_reason = READ_ONLY_MESSAGE

    def action_save(self) -> None:
        if self.read_only:
            self.dismiss(None)
            return
        text = self.query_one(TextArea).text.strip()
        try:
            save_memo(self.app.store, MemoTarget.project(), self.app.coder, text)
        except UserError as error:
            self.notify(str(error), severity="error")
            return
        self.notify("Project memo saved." if text else "Project memo deleted.", timeout=2)
        self.dismiss(None)

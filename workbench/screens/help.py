"""Every key of the screen the coder came from, with what it does."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label

from workbench.screens.key_list import key_rows

TIPS = (
    "Type to filter codes · Enter applies · Enter on an empty filter goes to the next answer · "
    "↑ from the top reaches 'Create code' · Tab picks its parent theme · digits apply "
    "suggestions while the filter is empty (with auto-next, F4, they also move on; alt+digit "
    "stays) · Escape switches to single-key mode."
)


class HelpScreen(ModalScreen[None]):
    """A table of keys built from the Bindings themselves, so it never goes stale."""

    BINDINGS = [Binding("escape,q,question_mark,f1", "close", "Close", id="help_close")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="help-dialog"):
            yield Label("Keys  ·  Escape closes", classes="dialog-title")
            yield DataTable(id="help-keys", cursor_type="row", zebra_stripes=True)
            yield Label(TIPS, classes="dialog-hint")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Where", "Keys", "Action")
        origin = self.app.screen_stack[-2] if len(self.app.screen_stack) > 1 else self.app.screen
        for row in key_rows(self.app, origin):
            table.add_row(row.where, row.keys, row.description)
        table.focus()

    def action_close(self) -> None:
        self.dismiss(None)

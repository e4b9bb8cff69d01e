"""Choose which answers of the question to show: uncoded, coded with X, by coder, by place."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from workbench import coding
from workbench.screens.choice import ChoiceDialog
from workbench.screens.code_choice import CodeChoiceDialog
from workbench.store import coders as coder_rows
from workbench.store import survey
from workbench.store.answers import AnswerFilter

KINDS = [
    ("all", "All answers"),
    ("uncoded", "Uncoded answers"),
    ("code", "Coded with a code…"),
    ("coder", "Coded by a coder…"),
    ("county", "From a county…"),
    ("size_group", "From a size group…"),
]


class FilterDialog(ModalScreen[AnswerFilter | None]):
    """Dismisses with the new filter, or None on Escape (filter unchanged)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="filter_cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Show which answers?", classes="dialog-title")
            yield OptionList(*(Option(label, id=key) for key, label in KINDS), id="filter-kinds")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        kind = event.option.id
        if kind in ("all", "uncoded"):
            self.dismiss(AnswerFilter(uncoded=kind == "uncoded"))
        elif kind == "code":
            codes = coding.Codebook.from_store(self.app.store).live_rows()
            self.app.push_screen(
                CodeChoiceDialog("Coded with which code?", codes),
                lambda code_id: self._finish("code_id", code_id),
            )
        else:
            self._ask_value(kind)

    def _ask_value(self, kind: str) -> None:
        store = self.app.store
        values = coder_rows.coder_names(store) if kind == "coder" else survey.attribute_values(store, kind)
        label = dict(KINDS)[kind].rstrip("…")
        self.app.push_screen(
            ChoiceDialog(label, [(value, value) for value in values]), lambda value: self._finish(kind, value)
        )

    def _finish(self, field: str, value: str | None) -> None:
        if value is not None:
            self.dismiss(AnswerFilter(**{field: value}))

    def action_cancel(self) -> None:
        self.dismiss(None)

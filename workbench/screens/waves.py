"""The current question across waves: its form ids, and the codes carried over to this wave."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Label, OptionList, Static
from textual.widgets.option_list import Option

from workbench.coding import waves as carry
from workbench.screens.mapping import MappingScreen
from workbench.store import waves
from workbench.widgets.inert import inert_line


class WavesScreen(Screen[None]):
    """Codes used for this question in any wave; ``u`` marks one as not used this wave."""

    BINDINGS = [
        Binding("u", "toggle_not_used", "Not used this wave", id="waves_toggle_not_used"),
        Binding("m", "mapping", "Question mapping", id="waves_mapping"),
        Binding("escape,q", "close", "Back", id="waves_back"),
    ]

    def __init__(self, question_id: str | None = None) -> None:
        super().__init__()
        self.question_id = question_id

    def compose(self) -> ComposeResult:
        yield Label("", id="waves-title", classes="screen-title")
        yield Static("", id="waves-forms", classes="suggestion-context")
        yield OptionList(id="waves-codes")
        yield Footer()

    def on_mount(self) -> None:
        self.question_id = self.question_id or self.app.current_question_id
        wave = self.app.wave
        self.query_one("#waves-title", Label).update(
            inert_line(
                f"Question {self.question_id} across waves  ·  codes in {wave}  ·  u: not used in {wave}"
            )
        )
        self.query_one("#waves-forms", Static).update(inert_line(self._forms_line()))
        self.query_one(OptionList).focus()
        self._fill()

    def _forms_line(self) -> str:
        rows = [
            row for row in waves.question_wave_rows(self.app.store) if row["question_id"] == self.question_id
        ]
        if not rows:
            return "No wave mapping recorded for this question."
        parts = [
            f"{row['wave']}: {row['form_id']} ({row['status']}"
            + (f" from {', '.join(row['sources'])})" if row["sources"] else ")")
            for row in rows
        ]
        return "Asked as  " + "  ·  ".join(parts)

    def _fill(self, highlighted: int | None = None) -> None:
        codes = carry.carried_codes(self.app.store, self.question_id, self.app.wave)
        option_list = self.query_one(OptionList)
        option_list.clear_options()
        option_list.add_options([Option(self._prompt(code), id=code.code_id) for code in codes])
        if not codes:
            option_list.add_option(Option(Content("No codes used for this question yet."), disabled=True))
        else:
            option_list.highlighted = min(highlighted or 0, len(codes) - 1)

    def _prompt(self, code: carry.CarriedCode) -> Content:
        counts = "  ".join(f"{wave}: {count}" for wave, count in sorted(code.respondents_by_wave.items()))
        mark = "  " if code.used_this_wave else "– "
        note = "" if code.used_this_wave else f"  (not used in {self.app.wave})"
        return inert_line(f"{mark}{code.path}   {counts}{note}")

    def action_toggle_not_used(self) -> None:
        option_list = self.query_one(OptionList)
        index = option_list.highlighted
        if index is None or option_list.get_option_at_index(index).disabled:
            return
        if self.app.read_only:
            self.notify("The project is open read-only.", severity="warning")
            return
        code_id = option_list.get_option_at_index(index).id
        store, wave, coder = self.app.store, self.app.wave, self.app.coder
        if code_id in waves.codes_not_used(store, wave):
            carry.use_again(store, code_id, wave, coder)
        else:
            carry.mark_not_used(store, code_id, wave, coder)
        self._fill(index)

    def action_mapping(self) -> None:
        self.app.push_screen(MappingScreen(self.app.wave), lambda _: self.on_mount())

    def action_close(self) -> None:
        self.dismiss(None)

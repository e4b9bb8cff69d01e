"""Confirm or edit a wave's question mapping: each question's status and earlier question(s).

Opened from the palette ("Question mapping") or the waves screen (``m``). ``t`` changes the
highlighted question's status, ``f`` chooses the earlier question(s) it comes from (a fuzzy
chooser, most similar first), ``Ctrl+S`` saves through ``ingest.mapping_save`` (answers move
only while they carry no work), ``w`` shows another wave.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Footer, Label, OptionList, Static
from textual.widgets.option_list import Option

from workbench.errors import UserError
from workbench.ingest.mapping import STATUSES, QuestionLink, QuestionMapping
from workbench.ingest.mapping_edit import (
    earlier_questions,
    load_mapping,
    mapped_waves,
    mapping_problem,
    with_sources,
    with_status,
)
from workbench.ingest.mapping_save import save_mapping
from workbench.screens.base import WorkbenchScreen
from workbench.screens.source_choice import SourceChoiceDialog
from workbench.widgets.inert import inert_line

ID_WIDTH = 18
SOURCES_WIDTH = 22
STATUS_MARK = {"new": "+", "continued": "=", "split": "<", "merged": ">"}


def link_line(link: QuestionLink) -> str:
    """One question as a list line: id, status, sources and similarity, under 80 columns."""
    sources = ", ".join(link.sources) or "–"
    return (
        f"{STATUS_MARK[link.status]} {_cut(link.form_id, ID_WIDTH):<{ID_WIDTH}} {link.status:<9} "
        f"← {_cut(sources, SOURCES_WIDTH):<{SOURCES_WIDTH}} {link.score:>3} %"
    )


HEADER = (
    f"   {'question':<{ID_WIDTH}} {'status':<9}   {'from (earlier wave)':<{SOURCES_WIDTH}} {'similar':>9}"
)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


class MappingScreen(WorkbenchScreen[int | None]):
    """The questions of one wave and what they continue; dismisses with an answer to show."""

    DEFAULT_CSS = """
    #mapping-links { height: 1fr; }
    #mapping-detail { height: auto; max-height: 7; padding: 0 1; border-top: solid $panel-lighten-1; }
    #mapping-note { height: auto; padding: 0 1; color: $text-muted; }
    """
    BINDINGS = [
        Binding("t", "cycle_status", "Status", id="mapping_status"),
        Binding("f", "choose_sources", "From…", id="mapping_from"),
        Binding("ctrl+s", "save", "Save", id="mapping_save"),
        Binding("w", "next_wave", "Wave", id="mapping_wave"),
        Binding("escape", "close", "Back", id="mapping_back"),
    ]

    def __init__(self, wave: int | None = None) -> None:
        super().__init__()
        self.chosen_wave = wave
        self.mapping: QuestionMapping | None = None
        self.saved: QuestionMapping | None = None
        self.earlier: list[dict] = []
        self.leaving = False
        self.moved = False

    def compose(self) -> ComposeResult:
        yield Label("", id="mapping-title", classes="screen-title")
        yield Label(HEADER, id="mapping-header", classes="pane-title")
        yield OptionList(id="mapping-links")
        yield Static("", id="mapping-detail")
        yield Static("", id="mapping-note")
        yield Footer()

    def on_mount(self) -> None:
        present = mapped_waves(self.store)
        if self.chosen_wave not in present:
            self.chosen_wave = self.wave if self.wave in present else (present[-1] if present else None)
        self._load()
        self.query_one(OptionList).focus()

    def _load(self) -> None:
        if self.chosen_wave is None:
            self.mapping = self.saved = None
            self._title("Question mapping  ·  only one wave: nothing to map yet")
            self._note("Import a later wave (workbench import P.db FILE --wave YEAR --map MAP.yaml).")
            self._fill()
            return
        self.mapping = self.saved = load_mapping(self.store, self.chosen_wave)
        self.earlier = earlier_questions(self.store, self.chosen_wave)
        self._title(f"Question mapping  ·  wave {self.chosen_wave} ← earlier waves")
        self._fill()

    def _title(self, text: str) -> None:
        self.query_one("#mapping-title", Label).update(inert_line(text))

    def _note(self, text: str) -> None:
        self.query_one("#mapping-note", Static).update(inert_line(text))

    def _fill(self, highlighted: int = 0) -> None:
        option_list = self.query_one(OptionList)
        option_list.clear_options()
        if self.mapping is None:
            option_list.add_option(Option(Content("No wave to map."), disabled=True))
            return
        option_list.add_options(
            [Option(inert_line(link_line(link)), id=link.form_id) for link in self.mapping.links]
        )
        option_list.highlighted = min(highlighted, len(self.mapping.links) - 1)
        self._show_state()

    def _current(self) -> QuestionLink | None:
        index = self.query_one(OptionList).highlighted
        if self.mapping is None or index is None or index >= len(self.mapping.links):
            return None
        return self.mapping.links[index]

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        link = self._current()
        if link is None or self.mapping is None:
            self.query_one("#mapping-detail", Static).update("")
            return
        text_of = {row["id"]: row["text"] for row in self.earlier}
        lines = [f"{self.mapping.wave} {link.form_id}: {link.text or '(no question text)'}"]
        lines += [
            f"  ← {source}: {text_of.get(source, '(not asked in another wave)')}" for source in link.sources
        ]
        if self.mapping.dropped:
            lines.append(f"Not asked in {self.mapping.wave}: {', '.join(self.mapping.dropped)}")
        self.query_one("#mapping-detail", Static).update(
            Content("\n").join(inert_line(line) for line in lines)
        )

    def _show_state(self) -> None:
        if self.mapping is None:
            return
        problem = mapping_problem(self.store, self.mapping)
        changed = self.mapping != self.saved
        state = "Unsaved changes. " if changed else "As stored. "
        keys = "t status · f from · Ctrl+S save · w wave · Esc back"
        self._note(f"{state}{problem or keys}")
        self._show_detail()

    def action_cycle_status(self) -> None:
        link = self._current()
        if link is None or not self.require_writable():
            return
        status = STATUSES[(STATUSES.index(link.status) + 1) % len(STATUSES)]
        stored = next((old.sources for old in self.saved.links if old.form_id == link.form_id), ())
        self._edit(with_status(self.mapping, link.form_id, status, stored))

    def action_choose_sources(self) -> None:
        link = self._current()
        if link is None or not self.require_writable():
            return
        if link.status == "new":
            self.notify("A new question comes from no earlier one; press t to change its status first.")
            return
        dialog = SourceChoiceDialog(
            link.form_id, link.text, self.earlier, link.sources, link.status == "merged"
        )
        self.app.push_screen(dialog, lambda chosen: self._sources_chosen(link.form_id, chosen))

    def _sources_chosen(self, form_id: str, chosen: tuple[str, ...] | None) -> None:
        if chosen is None or self.mapping is None:
            return
        text_of = {row["id"]: row["text"] for row in self.earlier}
        self._edit(with_sources(self.mapping, form_id, chosen, text_of))

    def _edit(self, mapping: QuestionMapping) -> None:
        index = self.query_one(OptionList).highlighted or 0
        self.mapping, self.leaving = mapping, False
        self._fill(index)

    def action_save(self) -> None:
        if self.mapping is None or not self.require_writable():
            return
        try:
            result = save_mapping(self.store, self.mapping, self.coder)
        except UserError as error:
            self.notify(str(error), severity="error", timeout=10)
            return
        self.moved = self.moved or bool(result.moves)
        self.notify(result.describe())
        index = self.query_one(OptionList).highlighted or 0
        self._load()
        self._fill(index)

    def action_next_wave(self) -> None:
        present = mapped_waves(self.store)
        if len(present) < 2 or self._unsaved("show another wave"):
            return
        self.chosen_wave = present[(present.index(self.chosen_wave) + 1) % len(present)]
        self._load()

    def _unsaved(self, doing: str) -> bool:
        """Warn once about unsaved changes; True while the user should think again."""
        if self.mapping == self.saved or self.leaving:
            self.leaving = False
            return False
        self.leaving = True
        self.notify(f"Unsaved changes: Ctrl+S saves them; press again to {doing} without saving.")
        return True

    def action_close(self) -> None:
        if self._unsaved("leave"):
            return
        if self.moved:
            self.workbench.questions_changed()
        self.dismiss(None)

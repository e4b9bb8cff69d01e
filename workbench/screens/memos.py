"""Every memo of the project, newest first, filtered as the coder types.

Enter on a memo of an answer or a segment opens that answer on the coding screen; on a memo
of a code or the project it opens the editor (read only for another coder's memo). A blind
coder sees only their own memos.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Input, Label, Static

from workbench.coding.memo_list import MemoEntry, memo_entries
from workbench.coding.memos import save_memo
from workbench.errors import UserError
from workbench.review.blind import Visibility
from workbench.screens.base import WorkbenchScreen
from workbench.screens.memo_editor import MemoEditor
from workbench.widgets.inert import inert, inert_line

# Widths of the fixed columns (date, coder, place); the memo's first line takes the rest.
FIXED_WIDTHS = (10, 10, 24)
PREVIEW_LINES = 4


class MemoListScreen(WorkbenchScreen[int | None]):
    """Dismisses with the answer id of the chosen memo, or None."""

    BINDINGS = [
        Binding("escape", "close", "Back", id="memos_back"),
        Binding("down", "move(1)", "Next", id="memos_down", show=False),
        Binding("up", "move(-1)", "Previous", id="memos_up", show=False),
        Binding("pagedown", "move(10)", "Page down", id="memos_page_down", show=False),
        Binding("pageup", "move(-10)", "Page up", id="memos_page_up", show=False),
        Binding("ctrl+e", "edit", "Edit memo", id="memos_edit", priority=True),
        Binding("ctrl+z", "undo", "Undo", id="memos_undo"),
        Binding("ctrl+r,ctrl+y", "redo", "Redo", id="memos_redo", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[MemoEntry] = []
        self.shown: list[MemoEntry] = []

    def compose(self) -> ComposeResult:
        yield Label("", id="memos-title", classes="screen-title")
        yield Input(
            placeholder="Type to filter by text, coder, question, respondent or code…", id="memo-filter"
        )
        yield DataTable(id="memo-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="memo-preview")
        yield Label("Enter: open its answer (code and project memos: the editor)", classes="dialog-hint")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()
        self.query_one(Input).focus()

    @property
    def visibility(self) -> Visibility:
        return Visibility.of(self.store, self.coder, self.settings.blind)

    def reload(self) -> None:
        """Read the memos again and show those matching the filter."""
        self.entries = memo_entries(self.store, self.visibility)
        self._refresh(self.query_one(Input).value)

    @on(Input.Changed, "#memo-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self._refresh(event.value)

    def _refresh(self, words: str) -> None:
        table = self.query_one(DataTable)
        kept = self.highlighted.id if self.highlighted else None
        self.shown = [entry for entry in self.entries if entry.matches(words)]
        table.clear(columns=True)
        rest = max(self.size.width - sum(FIXED_WIDTHS) - 10, 20)
        for label, width in zip(("Date", "By", "About", "Memo"), (*FIXED_WIDTHS, rest), strict=True):
            table.add_column(label, width=width)
        for entry in self.shown:
            first = entry.text.strip().splitlines()[0] if entry.text.strip() else ""
            cells = (entry.updated_at[:10], entry.coder, entry.place, first)
            table.add_row(*(inert_line(cell) for cell in cells), key=entry.id)
        ids = [entry.id for entry in self.shown]
        if kept in ids:
            table.move_cursor(row=ids.index(kept))
        self._show_title(words)
        self._show_preview()

    def _show_title(self, words: str) -> None:
        count = f"{len(self.shown)} of {len(self.entries)}" if words.strip() else f"{len(self.entries)}"
        whose = "yours only (blind)" if self.visibility.blind else "everyone's"
        self.query_one("#memos-title", Label).update(f"Memos  ·  {count}, newest first  ·  {whose}")

    @property
    def highlighted(self) -> MemoEntry | None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        return self.shown[row] if self.shown and 0 <= row < len(self.shown) else None

    def _show_preview(self) -> None:
        entry = self.highlighted
        preview = self.query_one("#memo-preview", Static)
        if entry is None:
            preview.update(
                "No memo matches." if self.entries else "No memos yet: m on a segment, M on an answer."
            )
            return
        lines = entry.text.strip().splitlines()
        more = ["…"] if len(lines) > PREVIEW_LINES else []
        head = f"{entry.place} · {entry.coder} · {entry.updated_at[:16].replace('T', ' ')}"
        preview.update(inert("\n".join([head, *lines[:PREVIEW_LINES], *more])))

    @on(DataTable.RowHighlighted, "#memo-table")
    def _row_highlighted(self) -> None:
        self._show_preview()

    @on(DataTable.RowSelected, "#memo-table")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    @on(Input.Submitted, "#memo-filter")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_open()

    def action_move(self, step: int) -> None:
        table = self.query_one(DataTable)
        if table.row_count:
            table.move_cursor(row=min(max(table.cursor_row + step, 0), table.row_count - 1))

    def action_open(self) -> None:
        entry = self.highlighted
        if entry is None:
            return
        if entry.answer_id is not None and self.visibility.answers([entry.answer_id]):
            self.dismiss(entry.answer_id)
        else:
            self.action_edit()

    def action_edit(self) -> None:
        """The editor on the highlighted memo: the coder's own to change, another's to read."""
        entry = self.highlighted
        if entry is None:
            return
        own = entry.coder == self.coder and not self.read_only
        title = "Project memo" if entry.target.kind == "project" else f"Memo on {entry.place}"
        about = f"by {entry.coder} · {entry.updated_at[:16].replace('T', ' ')}"
        editor = MemoEditor(title, entry.text, about=about, read_only=not own)
        self.app.push_screen(editor, lambda text: text is not None and self._save(entry, text))

    def _save(self, entry: MemoEntry, text: str) -> None:
        try:
            save_memo(self.store, entry.target, self.coder, text.strip())
        except UserError as error:
            self.notify(str(error), severity="error")
        self.reload()

    def action_undo(self) -> None:
        if self.replay_latest():
            self.reload()

    def action_redo(self) -> None:
        if self.replay_latest(redo=True):
            self.reload()

    def action_close(self) -> None:
        """Escape clears the filter first, then leaves."""
        field = self.query_one(Input)
        if field.value:
            field.value = ""
        else:
            self.dismiss(None)

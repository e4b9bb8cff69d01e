"""Every memo of the project in one list; Enter opens the answer it belongs to."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Label

from workbench.screens.base import WorkbenchScreen
from workbench.store import memos as memo_rows
from workbench.widgets.inert import inert_line

PREVIEW_LENGTH = 200


class MemoListScreen(WorkbenchScreen[int | None]):
    """Dismisses with the answer id of the chosen memo, or None on Escape."""

    BINDINGS = [
        Binding("escape", "close", "Back", id="memos_back"),
        Binding("enter", "open", "Open its answer", id="memos_open"),
    ]

    def compose(self) -> ComposeResult:
        yield Label("", id="memos-title", classes="screen-title")
        yield DataTable(id="memo-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label in ("Question", "Respondent", "Coder"):
            table.add_column(label, key=label.lower())
        table.add_column("Memo", key="memo")
        memos = memo_rows.memos_with_places(self.store)
        for index, memo in enumerate(memos):
            table.add_row(
                inert_line(memo["question_id"]),
                inert_line(memo["respondent_id"]),
                inert_line(memo["coder"]),
                inert_line(memo["text"][:PREVIEW_LENGTH]),
                key=f"{index}:{memo['answer_id']}",
            )
        self.query_one("#memos-title", Label).update(f"Memos  ·  {len(memos)} in the project")
        table.focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        self.dismiss(int(key.split(":")[1]))

    def action_close(self) -> None:
        self.dismiss(None)

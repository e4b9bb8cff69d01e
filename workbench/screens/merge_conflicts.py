"""The merge conflicts waiting to be settled: take this copy's side (m) or the other's (t)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Label, Static

from workbench.display import visible_line
from workbench.errors import UserError
from workbench.review.conflicts import open_conflicts, settle
from workbench.widgets.inert import inert


def describe_side(conflict: dict, side: str) -> str:
    """What one side of a conflict holds, in words."""
    held = conflict[side]
    if conflict["kind"] == "rename":
        return f"name '{held['name']}'"
    spans = ", ".join(f"{row['start']}–{row['end']}" for row in held["segments"])
    return f"{len(held['segments'])} segments ({spans}), {len(held['codings'])} codings: {held['text']}"


class MergeConflictsScreen(Screen[None]):
    """One row per open conflict; the detail shows both sides."""

    DEFAULT_CSS = """
    #conflicts-table { height: 1fr; }
    #conflicts-detail { height: auto; max-height: 12; padding: 0 1; border-top: tall $panel; }
    """

    BINDINGS = [
        Binding("escape", "close", "Back", id="conflicts_back"),
        Binding("m", "take('mine')", "Take mine", id="conflicts_mine"),
        Binding("t", "take('theirs')", "Take theirs", id="conflicts_theirs"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.conflicts: list[dict] = []

    def compose(self) -> ComposeResult:
        yield Label("Merge conflicts", id="conflicts-title", classes="screen-title")
        yield DataTable(id="conflicts-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="conflicts-detail")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("Kind", "What", "From")
        self.reload()
        self.query_one(DataTable).focus()

    def reload(self) -> None:
        """Re-read the open conflicts and redraw."""
        table = self.query_one(DataTable)
        self.conflicts = open_conflicts(self.app.store)
        table.clear()
        for conflict in self.conflicts:
            table.add_row(
                conflict["kind"],
                Text(visible_line(conflict["description"])),
                Text(visible_line(conflict["other_file"])),
            )
        count = len(self.conflicts)
        self.query_one("#conflicts-title", Label).update(
            f"Merge conflicts  ·  {count} to settle" if count else "Merge conflicts  ·  none: all settled"
        )
        self.show_detail()

    @property
    def current(self) -> dict | None:
        row = self.query_one(DataTable).cursor_row
        return self.conflicts[row] if self.conflicts and 0 <= row < len(self.conflicts) else None

    def show_detail(self) -> None:
        conflict = self.current
        text = ""
        if conflict is not None:
            mine, theirs = describe_side(conflict, "mine"), describe_side(conflict, "theirs")
            text = f"Mine (m): {mine}\nTheirs (t): {theirs}"
        self.query_one("#conflicts-detail", Static).update(inert(text))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def action_take(self, side: str) -> None:
        """Settle the highlighted conflict by taking one side."""
        conflict = self.current
        if conflict is None or self.app.read_only:
            return
        try:
            settle(self.app.store, conflict["id"], side, self.app.coder)
        except UserError as error:
            self.notify(str(error), severity="error")
            return
        self.notify(f"Settled: took {side}.", timeout=2)
        self.reload()

    def action_close(self) -> None:
        self.dismiss(None)

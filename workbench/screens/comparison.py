"""The coding comparison: two coders side by side per question and code, disagreements first."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Label

from workbench.display import visible_line
from workbench.errors import UserError
from workbench.review.adjudication import coder_pairs
from workbench.review.blind import refused_on_screen as refused
from workbench.review.comparison import Comparison, compare, export_disagreements
from workbench.widgets.inert import inert


def shown(value: float | None) -> str:
    """A figure for the table; undefined ones say so."""
    return "n/a" if value is None else f"{value:.3f}"


def headline(result: Comparison) -> str:
    """The figures before and after adjudication, in one line."""
    first, second = result.coders
    return (
        f"{first} | {second}  ·  {result.answers} answers, {result.differing} differ  ·  before: "
        f"α {shown(result.alpha)}, κ {shown(result.kappa)}, agreement {shown(result.percent_agreement)}  ·  "
        f"after adjudication: {result.settled} settled, agreed or settled {shown(result.percent_after)}"
    )


class ComparisonScreen(Screen[None]):
    """Per question and code: both, only one, only the other, α, κ and % agreement."""

    DEFAULT_CSS = "#comparison-table { height: 1fr; }"

    BINDINGS = [
        Binding("escape", "close", "Back", id="comparison_back"),
        Binding("w", "write", "Write disagreements (xlsx)", id="comparison_write"),
        Binding("c", "next_pair", "Other coders", id="comparison_next_pair"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.pairs: list[tuple[str, str]] = []
        self.pair_index = 0

    def compose(self) -> ComposeResult:
        yield Label("Coding comparison", id="comparison-title", classes="screen-title")
        yield DataTable(id="comparison-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        if refused(self, "comparison"):
            return
        self.query_one(DataTable).add_columns("Question", "Code", "Both", "Only A", "Only B", "α", "κ", "%")
        self.pairs = coder_pairs(self.app.store)
        self.reload()
        self.query_one(DataTable).focus()

    def reload(self) -> None:
        """Compare the current pair and redraw."""
        table = self.query_one(DataTable)
        table.clear()
        title = self.query_one("#comparison-title", Label)
        if not self.pairs:
            title.update("Coding comparison  ·  no two coders have coded the same answers yet")
            return
        result = compare(self.app.store, self.pairs[self.pair_index])
        title.update(inert(f"Coding comparison  ·  A = {headline(result)}"))
        for row in result.rows:
            table.add_row(
                Text(visible_line(row.question_id)),
                Text(visible_line(row.code)),
                row.both,
                row.only_first,
                row.only_second,
                shown(row.alpha),
                shown(row.kappa),
                shown(row.percent_agreement),
            )

    def action_write(self) -> None:
        """Write the list of disagreements for the team meeting."""
        if not self.pairs:
            return
        first, second = self.pairs[self.pair_index]
        out = Path(self.app.store.path).parent / "exports" / f"disagreements-{first}-{second}.xlsx"
        try:
            written = export_disagreements(self.app.store, [first, second], out)
        except (UserError, OSError) as error:
            self.notify(str(error), severity="error")
            return
        self.notify(f"Wrote {written}", timeout=4)

    def action_next_pair(self) -> None:
        if len(self.pairs) > 1:
            self.pair_index = (self.pair_index + 1) % len(self.pairs)
            self.reload()

    def action_close(self) -> None:
        self.dismiss(None)

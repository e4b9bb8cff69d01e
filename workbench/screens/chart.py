"""Respondents per code for one question: a bar chart with n and % of those who answered."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Label
from textual_plotext import PlotextPlot

from workbench.display import visible_line
from workbench.review.blind import Visibility
from workbench.widgets.inert import inert_line

LABEL_WIDTH = 28


class ChartScreen(Screen[None]):
    """Percentages are per respondent, over respondents who answered; the base is printed."""

    BINDINGS = [Binding("escape,q", "close", "Back", id="chart_back")]

    def __init__(self, question_id: str | None = None) -> None:
        super().__init__()
        self.question_id = question_id

    def compose(self) -> ComposeResult:
        yield Label("", id="chart-title", classes="screen-title")
        yield PlotextPlot(id="chart-plot")
        yield Footer()

    def on_mount(self) -> None:
        self.question_id = self.question_id or self.app.current_question_id
        store, wave = self.app.store, self.app.wave
        view = Visibility.of(store, self.app.coder, self.app.settings.blind)
        base, rows = view.respondents_per_code(store, self.question_id, wave)
        self.query_one("#chart-title", Label).update(
            inert_line(
                f"Question {self.question_id}  ·  respondents per code  ·  base: {base} who answered"
                "  ·  a respondent may carry several codes, so shares need not sum to 100 %"
            )
        )
        self._draw(rows, base)

    def _draw(self, rows: list[dict], base: int) -> None:
        plt = self.query_one(PlotextPlot).plt
        plt.clear_data()
        if not rows:
            plt.title("No codes yet")
            return
        labels = [self._label(row, base) for row in reversed(rows)]
        plt.bar(labels, [row["respondents"] for row in reversed(rows)], orientation="horizontal", width=0.6)
        plt.xlim(0, base)
        step = max(1, base // 5)
        plt.xticks(list(range(0, base + 1, step)))
        plt.xlabel(f"respondents (of {base} who answered)")

    @staticmethod
    def _label(row: dict, base: int) -> str:
        share = row["respondents"] / base if base else 0.0
        name = visible_line(row["name"])[:LABEL_WIDTH]
        return f"{name} (n={row['respondents']}, {share:.0%})"

    def action_close(self) -> None:
        self.dismiss(None)

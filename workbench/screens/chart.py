"""Respondents per code for one question: a bar chart with n and % of those who answered."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Label
from textual_plotext import PlotextPlot

from workbench.coding.codebook_tree import PATH_SEPARATOR, Codebook
from workbench.display import visible_line
from workbench.review.blind import Visibility
from workbench.screens.base import WorkbenchScreen
from workbench.widgets.inert import inert_line


class ChartScreen(WorkbenchScreen[None]):
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
        self.question_id = self.question_id or self.workbench.current_question_id
        self.view = Visibility.of(self.store, self.coder, self.settings.blind)
        answered, self.rows = self.view.respondents_per_code(self.store, self.question_id, self.wave)
        base = self.view.coded_respondents(self.store, self.question_id, self.wave)
        self.query_one("#chart-title", Label).update(
            inert_line(
                f"Question {self.question_id}  ·  respondents per code, grouped by theme  ·  "
                f"base: {base} coded (of {answered} who answered)  ·  several codes each: no sum to 100 %"
            )
        )
        self._draw(self._by_theme(), base)

    def _by_theme(self) -> list[tuple[str, int]]:
        """("Theme > Code", respondents) for the question's codes, biggest theme first."""
        codebook = Codebook.from_store(self.store)
        paths = {code.id: codebook.path(code.id) for code in codebook.live()}
        labelled = [(paths.get(row["id"], row["name"]), row["respondents"]) for row in self.rows]
        theme_size: dict[str, int] = {}
        for path, respondents in labelled:
            theme = visible_line(path).split(PATH_SEPARATOR)[0]
            theme_size[theme] = theme_size.get(theme, 0) + respondents

        def order(pair: tuple[str, int]) -> tuple:
            theme = pair[0].split(PATH_SEPARATOR)[0]
            return -theme_size[theme], theme, -pair[1]

        shown = [(visible_line(path), n) for path, n in labelled]
        return sorted(shown, key=order)

    def _draw(self, rows: list[tuple[str, int]], base: int) -> None:
        plt = self.query_one(PlotextPlot).plt
        plt.clear_data()
        if not rows or not base:
            plt.title("No codes yet")
            return
        width = max(self.app.size.width // 2 - 16, 12)
        labels = [self._label(path, respondents, base, width) for path, respondents in reversed(rows)]
        plt.bar(
            labels,
            [respondents for _path, respondents in reversed(rows)],
            orientation="horizontal",
            width=0.6,
        )
        plt.xlim(0, base)
        step = max(1, base // 5)
        plt.xticks(list(range(0, base + 1, step)))
        plt.xlabel(f"respondents (of {base} with a coded answer)")

    @staticmethod
    def _label(path: str, respondents: int, base: int, width: int) -> str:
        name = path if len(path) <= width else "…" + path[-(width - 1) :]
        return f"{name} (n={respondents}, {respondents / base:.0%})"

    def action_close(self) -> None:
        self.dismiss(None)

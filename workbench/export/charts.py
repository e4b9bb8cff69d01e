"""Bar charts of counted questions as PNG bytes (matplotlib's Agg canvas, no pyplot state).

Codes are grouped under their themes: a theme is a bold label line with its own bar
(respondents with any of its codes), its codes indented below it. Labels are wrapped, never cut.
"""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass

from workbench.display import visible_line
from workbench.export.counts import UNCODED, QuestionCounts
from workbench.export.labels import percent_text
from workbench.export.tree import CODE

BAR_COLOUR = "#4e79a7"
THEME_COLOUR = "#a0cbe8"
UNCODED_COLOUR = "#bab0ac"
LABEL_WIDTH = 42  # characters per label line at 8 pt in the left 42 % of a 16 cm figure
DPI = 200


@dataclass(frozen=True)
class Bar:
    """One row of the chart."""

    label: str
    count: int
    percent: int
    kind: str  # "theme", "code" or "uncoded"
    depth: int

    @property
    def lines(self) -> int:
        return self.label.count("\n") + 1


def chart_rows(counts: QuestionCounts, words: dict) -> list[Bar]:
    """Every category of the table in codebook order, themes included, uncoded last."""
    bars = []
    for row in counts.rows:
        kind = "uncoded" if row.level == UNCODED else "code" if row.level == CODE else "theme"
        name = words["uncoded"] if kind == "uncoded" else row.name
        indent = "  " * row.depth
        label = "\n".join(indent + line for line in textwrap.wrap(name, LABEL_WIDTH - len(indent)) or [""])
        bars.append(Bar(label, int(row.count), int(row.percent_rounded), kind, int(row.depth)))
    return bars


def bar_chart_png(counts: QuestionCounts, words: dict, *, dpi: int = DPI) -> bytes:
    """A horizontal bar chart labelled with n and %; plain texts at fixed margins instead of
    ticks and automatic layout keep it to a few hundredths of a second."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    bars = chart_rows(counts, words)
    slots = [0.12 + 0.16 * bar.lines for bar in bars]  # inches per row
    height = 0.35 + sum(slots)
    figure = Figure(figsize=(6.3, height), dpi=dpi)
    FigureCanvasAgg(figure)
    axes = figure.add_axes((0.42, 0.3 / height, 0.5, sum(slots) / height))
    axes.set_axis_off()
    axes.set_ylim(sum(slots), 0)
    right = max([bar.percent for bar in bars] + [1]) * 1.3
    axes.set_xlim(0, right)
    top = 0.0
    for bar, slot in zip(bars, slots, strict=True):
        middle = top + slot / 2
        colour = {"theme": THEME_COLOUR, "code": BAR_COLOUR, "uncoded": UNCODED_COLOUR}[bar.kind]
        axes.barh(middle, bar.percent, color=colour, height=min(slot * 0.7, 0.22))
        weight = "bold" if bar.kind == "theme" else "normal"
        axes.text(
            -right * 0.02,
            middle,
            "\n".join(visible_line(line) for line in bar.label.split("\n")),  # keep the wrapping
            ha="right",
            va="center",
            fontsize=8,
            fontweight=weight,
        )
        shown = f"{bar.count} ({percent_text(bar.count, bar.percent)} %)"
        axes.text(bar.percent + right * 0.01, middle, shown, va="center", fontsize=7.5)
        top += slot
    axes.axvline(0, color="#555555", linewidth=0.8)
    figure.text(
        0.42, 0.08 / height, f"{words['percent']} (n = {counts.answered})", fontsize=7.5, color="#555555"
    )
    return figure_png(figure)


def figure_png(figure) -> bytes:
    """A matplotlib figure as PNG bytes, compressed lightly (the export's time goes elsewhere)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", pil_kwargs={"compress_level": 1})
    return buffer.getvalue()

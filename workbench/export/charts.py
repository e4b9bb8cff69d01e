"""Bar charts of counted questions as PNG bytes (matplotlib's Agg canvas, no pyplot state)."""

from __future__ import annotations

import io
import textwrap

from workbench.display import visible_line
from workbench.export.counts import UNCODED, QuestionCounts
from workbench.export.tree import CODE

BAR_COLOUR = "#4e79a7"
UNCODED_COLOUR = "#bab0ac"


def chart_rows(counts: QuestionCounts, words: dict) -> list[tuple[str, int, int, bool]]:
    """The bars of a chart: code-level categories as (label, count, rounded %, is_uncoded)."""
    rows = counts.table[counts.table["level"].isin([CODE, UNCODED])]
    return [
        (
            words["uncoded"] if row.level == UNCODED else row.name,
            int(row.count),
            int(row.percent_rounded),
            row.level == UNCODED,
        )
        for row in rows.itertuples(index=False)
    ]


def bar_chart_png(counts: QuestionCounts, words: dict, *, dpi: int = 100) -> bytes:
    """A horizontal bar chart labelled with n and %; plain texts at fixed margins instead of
    ticks and automatic layout keep it to a few hundredths of a second."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    bars = chart_rows(counts, words)[::-1]
    height = 0.55 + 0.27 * max(len(bars), 1)
    figure = Figure(figsize=(6.3, height), dpi=dpi)
    FigureCanvasAgg(figure)
    axes = figure.add_axes((0.42, 0.4 / height, 0.5, 1 - 0.5 / height))
    percents = [percent for _, _, percent, _ in bars]
    colours = [UNCODED_COLOUR if uncoded else BAR_COLOUR for *_, uncoded in bars]
    axes.barh(range(len(bars)), percents, color=colours, height=0.7)
    axes.set_axis_off()
    axes.set_ylim(-0.6, len(bars) - 0.4)
    right = max(percents + [1]) * 1.3
    axes.set_xlim(0, right)
    for position, (label, count, percent, _) in enumerate(bars):
        axes.text(
            -right * 0.02,
            position,
            textwrap.shorten(visible_line(label), 44, placeholder="…"),
            ha="right",
            va="center",
            fontsize=8,
        )
        axes.text(percent + right * 0.01, position, f"{count} ({percent} %)", va="center", fontsize=7.5)
    axes.axvline(0, color="#555555", linewidth=0.8)
    figure.text(
        0.42, 0.08 / height, f"{words['percent']} (n = {counts.answered})", fontsize=7.5, color="#555555"
    )
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", pil_kwargs={"compress_level": 1})
    return buffer.getvalue()

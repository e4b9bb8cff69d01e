"""Bar charts of counted questions as PNG bytes (matplotlib's Agg canvas, no pyplot state)."""

from __future__ import annotations

import io
import textwrap

from workbench.export.counts import UNCODED, QuestionCounts
from workbench.export.tree import CODE

BAR_COLOUR = "#4e79a7"
UNCODED_COLOUR = "#bab0ac"


def chart_rows(counts: QuestionCounts, words: dict) -> list[tuple[str, int, int, bool]]:
    """The bars of a chart: code-level categories as (label, count, rounded %, is_uncoded)."""
    rows = counts.table[counts.table["level"].isin([CODE, UNCODED])]
    return [
        (words["uncoded"] if row.level == UNCODED else row.name, int(row.count),
         int(row.percent_rounded), row.level == UNCODED)
        for row in rows.itertuples(index=False)
    ]


def bar_chart_png(counts: QuestionCounts, words: dict, *, dpi: int = 100) -> bytes:
    """A horizontal bar chart of a question's categories labelled with n and %."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    bars = chart_rows(counts, words)[::-1]
    figure = Figure(figsize=(6.3, 0.8 + 0.32 * max(len(bars), 1)), dpi=dpi)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    labels = [textwrap.shorten(label, 48, placeholder="…") for label, *_ in bars]
    percents = [percent for _, _, percent, _ in bars]
    colours = [UNCODED_COLOUR if uncoded else BAR_COLOUR for *_, uncoded in bars]
    axes.barh(range(len(bars)), percents, color=colours, height=0.7)
    axes.set_yticks(range(len(bars)), labels, fontsize=8)
    for position, (_, count, percent, _) in enumerate(bars):
        axes.text(percent + 1, position, f"{count} ({percent} %)", va="center", fontsize=7.5)
    axes.set_xlim(0, max(percents + [0]) * 1.25 + 5)
    axes.set_xlabel(f"{words['percent']} (n = {counts.answered})", fontsize=8)
    axes.tick_params(axis="x", labelsize=7.5)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", pil_kwargs={"compress_level": 1})
    return buffer.getvalue()

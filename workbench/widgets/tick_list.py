"""A selection list whose ticked and unticked rows differ in shape (✓ or blank), not colour only."""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import SelectionList
from textual.widgets.option_list import OptionDoesNotExist

TICKED, UNTICKED = "✓", " "


class TickList(SelectionList):
    """``SelectionList`` drawing ✓ in the box of a ticked row (like ``TickBox`` for checkboxes)."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        try:
            option = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        segments = list(strip)
        if len(segments) < 4:
            return strip
        box = segments[1]
        segments[1] = Segment(TICKED if option.value in self._selected else UNTICKED, box.style, box.control)
        return Strip(segments, strip.cell_length)

"""A checkbox whose ticked and unticked states differ in shape (✓ or blank), not colour only."""

from __future__ import annotations

from textual.widgets import Checkbox


class TickBox(Checkbox):
    """``Checkbox`` drawing ✓ when ticked."""

    @property
    def BUTTON_INNER(self) -> str:  # noqa: N802 - Textual's name for the mark
        return "✓" if self.value else " "

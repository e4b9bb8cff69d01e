"""A checkbox and a radio button whose on and off states differ in shape (a mark or blank),
not colour only."""

from __future__ import annotations

from textual.widgets import Checkbox, RadioButton


class TickBox(Checkbox):
    """``Checkbox`` drawing ✓ when ticked."""

    @property
    def BUTTON_INNER(self) -> str:  # noqa: N802 - Textual's name for the mark
        return "✓" if self.value else " "


class TickRadio(RadioButton):
    """``RadioButton`` drawing ● only when chosen: the others show an empty button."""

    @property
    def BUTTON_INNER(self) -> str:  # noqa: N802 - Textual's name for the mark
        return "●" if self.value else " "

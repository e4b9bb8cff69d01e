"""Ticked and unticked rows of every selection list differ in shape, not colour only."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from textual.app import App, ComposeResult

from workbench.widgets.tick_box import TickBox, TickRadio
from workbench.widgets.tick_list import TICKED, TickList

pytestmark = pytest.mark.anyio
SCREENS = Path(__file__).parents[2] / "workbench"


class _ListApp(App):
    def compose(self) -> ComposeResult:
        yield TickList(("Ticked [bold]x[/]", 1, True), ("Unticked", 2, False))


async def test_a_ticked_row_shows_a_tick_and_an_unticked_row_a_blank_box():
    app = _ListApp()
    async with app.run_test(size=(40, 6)) as pilot:
        await pilot.pause()
        tick_list = app.query_one(TickList)
        lines = [tick_list.render_line(row).text for row in range(2)]
        assert lines[0].startswith(f"▐{TICKED}▌") and lines[1].startswith("▐ ▌")
        await pilot.press("space")  # the highlighted first row is unticked
        await pilot.pause()
        assert tick_list.render_line(0).text.startswith("▐ ▌")
        assert tick_list.render_line(3).text.strip() == ""  # below the rows: nothing drawn


def test_no_screen_or_widget_builds_a_plain_selection_list():
    for path in [*(SCREENS / "screens").glob("*.py"), *(SCREENS / "widgets").glob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "SelectionList":
                pytest.fail(f"{path.name} builds a SelectionList: use TickList")


def test_checkboxes_and_radio_buttons_mark_the_chosen_one_by_shape():
    assert TickBox("x", value=True).BUTTON_INNER == "✓" and TickBox("x").BUTTON_INNER == " "
    assert TickRadio("x", value=True).BUTTON_INNER == "●" and TickRadio("x").BUTTON_INNER == " "

"""A memo written on the coding screen is one undoable change, like any other edit."""

from __future__ import annotations

import pytest

from workbench.store import memos as memo_rows

pytestmark = pytest.mark.anyio


async def test_a_memo_saved_from_the_coding_screen_is_undone_by_ctrl_z(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        segment = app.screen.session.segment.id
        await pilot.press("escape", "m")
        await pilot.pause()
        await pilot.press(*"Spør om DPS", "ctrl+s")  # the multi-line memo editor saves with ctrl+s
        await pilot.pause()
        assert memo_rows.memo_text(app.store, segment, "ola") == "Spør om DPS"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert memo_rows.memo_text(app.store, segment, "ola") == ""
        assert app.store.scalar("SELECT COUNT(*) FROM memos") == 0

"""Bulk coding from the answer table is one action: one event, undone by one undo."""

from __future__ import annotations

import pytest

from workbench import coding
from workbench.store import answers as answer_rows

pytestmark = pytest.mark.anyio


async def test_bulk_apply_from_the_answer_table_is_one_undo_step(make_app):
    app = make_app()
    code_id = coding.create_code(app.store, "Mangler fagfolk", "ola").id
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press("space", "space", "space", "a")
        await pilot.pause()
        await pilot.press(*"Mangler fag", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    marked = answer_rows.answer_ids(app.store, "q01", 2024)[:3]
    count = "SELECT COUNT(*) FROM codings k JOIN segments s ON s.id = k.segment_id WHERE k.code_id = ?"
    assert app.store.scalar(count, (code_id,)) >= len(marked)
    assert app.store.scalar("SELECT COUNT(*) FROM events WHERE kind = 'coding.apply'") == 1
    assert coding.undo(app.store, "ola") is not None
    assert app.store.scalar(count, (code_id,)) == 0

"""The anonymisation queue by keyboard: propose, accept all sure spans, approve."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from workbench.anonymise import leak
from workbench.screens.anonymisation import AnonymisationScreen
from workbench.store import imports
from workbench.store import segments as segment_rows

pytestmark = pytest.mark.anyio


async def test_queue_propose_accept_approve(make_app):
    app = make_app()
    segment = imports.default_segment_id("4601", "q01", 2025)
    with app.store.atomic():
        first_id = imports.last_answer_id(app.store) + 1
        imports.add_answers(app.store, 2025, first_id, [("4601", "q01", "Bergen og Askøy møtes.")])
        segment_rows.set_for_report(app.store, segment, True)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        app.open_screen(AnonymisationScreen)
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        assert app.screen.query_one(DataTable).row_count == 2
        await pilot.press("A", "o")
        await pilot.pause()
        assert leak.approved_text(app.store, segment) == "[kommunen] og [kommune A] møtes."

"""While the app runs, the collector's full passes wait for the coder to pause."""

from __future__ import annotations

import gc

import pytest

from workbench import heap

pytestmark = pytest.mark.anyio


async def test_full_passes_wait_for_a_pause_and_the_usual_collector_returns(make_app):
    usual = gc.get_threshold()
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert gc.get_threshold()[2] == heap.NEVER
        assert gc.get_freeze_count() > 0  # the modules and the coding screen's widgets
        cycles = []
        for _ in range(20_000):
            node: dict = {}
            node["self"] = node
            cycles.append(node)
        await pilot.press("down")  # a key: the coder is not idle
        app._collect_while_idle()
        assert gc.get_count()[2] > 0
        app.last_input -= 60  # a minute without a key
        app._collect_while_idle()
        assert gc.get_count()[2] == 0
    assert gc.get_threshold() == usual
    assert gc.get_freeze_count() == 0

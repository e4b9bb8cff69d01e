"""The waves screen: the current question's carried-over codes; u marks one not used."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList

from workbench import coding
from workbench.screens.waves import WavesScreen
from workbench.store import waves
from workbench.tui import SCREEN_COMMANDS

pytestmark = pytest.mark.anyio


def _code_first_answer(store) -> str:
    code = coding.code_for_path(store, "Samarbeid > Faste møter", "ola")
    answer = store.scalar("SELECT id FROM answers WHERE question_id = 'q01' ORDER BY id")
    coding.apply_codes(store, coding.segments_of_answer(store, answer)[0].id, [code], "ola")
    return code


async def test_u_marks_a_code_not_used_this_wave_and_back(make_app):
    app = make_app()
    code = _code_first_answer(app.store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await app.push_screen(WavesScreen("q01"))
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        assert "Samarbeid > Faste møter   2024: 1" in str(options.get_option_at_index(0).prompt)
        await pilot.press("u")
        await pilot.pause()
        assert waves.codes_not_used(app.store, 2024) == {code}
        assert "(not used in 2024)" in str(app.screen.query_one(OptionList).get_option_at_index(0).prompt)
        await pilot.press("u")
        await pilot.pause()
        assert waves.codes_not_used(app.store, 2024) == set()


async def test_read_only_refuses_and_no_codes_says_so(make_app):
    app = make_app()
    app.read_only = True
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await app.push_screen(WavesScreen("q02"))
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        assert "No codes used" in str(options.get_option_at_index(0).prompt)
        assert "2024: q02 (new)" in str(app.screen.query_one("#waves-forms").render())
        await pilot.press("u")
        await pilot.pause()
        assert waves.codes_not_used(app.store, 2024) == set()


def test_waves_screen_is_in_the_palette():
    assert any(command.screen_class.__name__ == "WavesScreen" for command in SCREEN_COMMANDS)

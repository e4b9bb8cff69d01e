"""Keys typed in one burst, as a terminal delivers them: choosing a question with `g` and
typing a code right after loses no key and chooses from all the text typed before Enter."""

from __future__ import annotations

import pytest
from textual import events

from workbench.screens.question_choice import QuestionChoiceDialog
from workbench.widgets.code_picker import FilterInput

pytestmark = pytest.mark.anyio


def burst(app, keys: str | list[str]) -> None:
    """Send keys the way the terminal driver does: all at once, without waiting between."""
    for key in keys:
        character = key if len(key) == 1 else ("\r" if key == "enter" else None)
        event = events.Key(key, character)
        event.set_sender(app)
        app._driver.send_message(event)


async def settle(pilot) -> None:
    for _ in range(4):
        await pilot.pause()


@pytest.mark.parametrize("size", [(120, 36), (80, 24)])
async def test_keys_typed_right_after_choosing_a_question_reach_the_picker(make_app, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("escape", "g")  # from the answer, where letters are commands
        await settle(pilot)
        assert isinstance(app.screen, QuestionChoiceDialog)
        burst(app, [*"q02", "enter", *"Uendret"])
        await settle(pilot)
        assert app.screen.question_id == "q02"
        assert app.screen.query_one(FilterInput).value == "Uendret"


async def test_keys_typed_right_after_escape_reach_the_picker(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+l")
        await settle(pilot)
        burst(app, [*"pandemi", "escape", *"Faste"])
        await settle(pilot)
        assert app.screen.question_id == "q01"
        assert app.screen.query_one(FilterInput).value == "Faste"


async def test_keys_typed_right_after_skipping_the_definition_reach_the_picker(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press(*"Ny kode", "enter")
        await settle(pilot)
        assert "define it in one line" in str(app.screen.query_one(".dialog-title").render())
        burst(app, ["enter", *"Faste"])
        await settle(pilot)
        assert app.screen.query_one(FilterInput).value == "Faste"
        assert "Ny kode" in [code["name"] for code in app.screen.session.codes.values()]

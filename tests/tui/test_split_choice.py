"""After a split, the coder chooses which part keeps which code (one digit each), one undo step."""

from __future__ import annotations

import pytest
from textual.widgets import Label

from workbench import coding
from workbench.screens.split_choice import SplitChoiceDialog
from workbench.store import codings as coding_rows

pytestmark = pytest.mark.anyio


def names_per_segment(store, answer_id: int, coder: str = "ola") -> list[list[str]]:
    return [
        sorted(row["name"] for row in segment["codings"])
        for segment in coding_rows.segments_with_codes(store, answer_id, coder)
    ]


async def split_coded_answer(app, pilot, names: list[str]):
    """On "Samarbeidet fungerer godt. Men vi mangler psykologer." with ``names`` applied, split
    at the sentence (cursor on the first part); returns the coding screen."""
    codes = [coding.create_code(app.store, name, "ola").id for name in names]
    await pilot.pause()
    await pilot.press("pagedown")
    screen = app.screen
    coding.apply_codes(app.store, screen.session.segment.id, codes, "ola")
    screen.returned(None)
    await pilot.press("escape", "s", "s")
    await pilot.pause()
    return screen


async def test_the_default_keeps_codes_with_the_cursor_part_and_the_dialog_moves_one_code(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await split_coded_answer(app, pilot, ["Samarbeid", "Psykologer"])
        dialog = app.screen
        assert isinstance(dialog, SplitChoiceDialog)
        shown = " ".join(str(label.render()) for label in dialog.query(Label))
        assert "¶1  «Samarbeidet fungerer godt.»" in shown and "¶2  «Men vi mangler psykologer.»" in shown
        assert "1  Psykologer  → ¶1 (stays)" in shown
        assert names_per_segment(app.store, screen.answer_id) == [["Psykologer", "Samarbeid"], []]
        await pilot.press("1")
        await pilot.pause()
        assert "1  Psykologer  → ¶2 (moved)" in str(dialog.query_one("#split-code-1", Label).render())
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert names_per_segment(app.store, screen.answer_id) == [["Samarbeid"], ["Psykologer"]]
        await pilot.press("ctrl+z")  # the split with its choice is one undo step
        await pilot.pause()
        assert names_per_segment(app.store, screen.answer_id) == [["Psykologer", "Samarbeid"]]
        assert len(screen.session.segments) == 1


async def test_escape_keeps_the_default_and_uncoded_splits_ask_nothing(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await split_coded_answer(app, pilot, ["Samarbeid"])
        await pilot.press("2", "escape")  # no code 2: nothing moves
        await pilot.pause()
        assert app.screen is screen
        assert names_per_segment(app.store, screen.answer_id) == [["Samarbeid"], []]
        assert screen.session.segment.start == 27  # the uncoded part comes next
        await pilot.press("l", "s")  # split the uncoded part after its first word
        await pilot.pause()
        assert app.screen is screen  # nothing was coded there: no question asked
        assert names_per_segment(app.store, screen.answer_id) == [["Samarbeid"], [], []]


async def test_hostile_code_names_and_texts_stay_inert_in_the_dialog(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await split_coded_answer(app, pilot, ["[bold]x[/bold] \x1b[31m"])
        shown = " ".join(str(label.render()) for label in app.screen.query(Label))
        assert "[bold]x[/bold]" in shown and "\x1b" not in shown


async def test_remove_which_code_quotes_the_segment(make_app):
    app = make_app()
    a, b = (coding.create_code(app.store, name, "ola").id for name in ("A", "B"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        coding.apply_codes(app.store, app.screen.session.segment.id, [a, b], "ola")
        app.screen.returned(None)
        await pilot.press("escape", "x")
        await pilot.pause()
        title = str(app.screen.query_one(".dialog-title", Label).render())
        assert title == "Remove which code from segment ¶1 «Vi har faste møter med fastlegene.»?"


async def test_adjudication_says_when_the_answer_is_the_unit(make_app):
    from textual.widgets import DataTable, Static

    from workbench.screens.adjudication import AdjudicationScreen

    app = make_app()
    a, b = (coding.create_code(app.store, name, "A").id for name in ("Godt", "Mangler"))
    answer = app.store.scalar(
        "SELECT id FROM answers WHERE question_id = 'q01' AND is_nonresponse = 0 LIMIT 1"
    )
    segment = coding.segments_of_answer(app.store, answer)[0].id
    coding.apply_codes(app.store, segment, [a, b], "B")
    coding.apply_codes(app.store, segment, [a], "A")
    coding.split_segment(app.store, segment, 5, "A")  # A: Godt on both parts; B: Godt, Mangler
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        app.open_screen(AdjudicationScreen)
        await pilot.pause()
        screen = app.screen
        assert screen.query_one(DataTable).row_count == 1
        detail = str(screen.query_one("#adjudication-detail", Static).render())
        assert "Vi har faste møter med fastlegene." in detail
        assert "Segmented differently by the two" in detail and "B: Mangler" in detail

"""Auto-next on the coding screen: a suggestion digit applies its code and moves on."""

from __future__ import annotations

import threading

import pytest
from textual import events

from workbench import coding
from workbench.screens.key_list import key_rows
from workbench.settings import load_settings, settings_path
from workbench.store import codings as coding_rows
from workbench.widgets.status_line import StatusLine
from workbench.widgets.suggestion_list import PENDING, SuggestionList

pytestmark = pytest.mark.anyio


class Suggested:
    def __init__(self, code_id: str) -> None:
        self.code_id, self.score, self.evidence = code_id, 0.5, ()


class HeldSuggester:
    """Suggests the codes in turn per answer; each call waits until released."""

    def __init__(self, code_ids: list[str]) -> None:
        self.code_ids = code_ids
        self.release = threading.Event()
        self.release.set()

    def fit(self, on_progress=None):
        return self

    def suggest(self, answer_id: int, top: int = 5):
        self.release.wait(5)
        turn = answer_id % len(self.code_ids)
        return [Suggested(code_id) for code_id in self.code_ids[turn:] + self.code_ids[:turn]]


@pytest.fixture
def fast_suggestions(monkeypatch):
    monkeypatch.setattr("workbench.screens.coding.FIT_DELAY_SECONDS", 0.001)


def names_on(store, answer_id: int) -> list[str]:
    segments = coding_rows.segments_with_codes(store, answer_id)
    return [row["name"] for segment in segments for row in segment["codings"]]


async def settle(app, pilot) -> None:
    for _ in range(3):
        await pilot.pause()
        await app.workers.wait_for_complete()
    await pilot.pause()


def first_listed(app) -> str:
    return app.screen.query_one(SuggestionList).suggestions.rows[0].path


async def auto_next_app(make_app, names=("A", "B", "C")):
    app = make_app(auto_next={"ola": True})
    code_ids = [coding.create_code(app.store, name, "ola").id for name in names]
    app.suggester = HeldSuggester(code_ids)
    return app


async def test_a_digit_applies_and_moves_on(make_app, fast_suggestions):
    app = await auto_next_app(make_app)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        first, expected = screen.answer_id, first_listed(app)
        assert "auto-next" in str(screen.query_one(StatusLine).render())
        await pilot.press("1")
        await settle(app, pilot)
        assert names_on(app.store, first) == [expected]
        assert screen.position == 1 and names_on(app.store, screen.answer_id) == []


async def test_alt_digit_applies_and_stays_then_a_digit_moves_on(make_app, fast_suggestions):
    app = await auto_next_app(make_app)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        first = screen.answer_id
        rows = [row.path for row in screen.query_one(SuggestionList).suggestions.rows]
        await pilot.press("alt+2")
        await settle(app, pilot)
        assert screen.answer_id == first and names_on(app.store, first) == [rows[1]]
        await pilot.press("1")
        await settle(app, pilot)
        assert sorted(names_on(app.store, first)) == sorted(rows[:2]) and screen.position == 1
        await pilot.press("escape", "alt+1")  # from the answer keys too
        await settle(app, pilot)
        assert screen.position == 1 and len(names_on(app.store, screen.answer_id)) == 1


async def test_alt_digit_as_a_terminal_sends_it_applies_and_stays(make_app, fast_suggestions):
    """A terminal sends alt+2 as ESC 2, which Textual reads as "™" (macOS's Option+2)."""
    app = await auto_next_app(make_app)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        first = screen.answer_id
        second = screen.query_one(SuggestionList).suggestions.rows[1].path
        app.post_message(events.Key("trade_mark_sign", "™"))
        await settle(app, pilot)
        assert screen.answer_id == first and names_on(app.store, first) == [second]
        assert screen.query_one("#picker-filter").value == ""
        rows = [row.path for row in screen.query_one(SuggestionList).suggestions.rows]
        await pilot.press("escape")  # answer keys: alt+1 arrives as "¡"
        app.post_message(events.Key("inverted_exclamation_mark", "¡"))
        await settle(app, pilot)
        assert screen.answer_id == first and sorted(names_on(app.store, first)) == sorted(rows[:2])


async def test_a_typed_code_stays_and_the_last_digit_moves_on(make_app, fast_suggestions):
    app = await auto_next_app(make_app)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        first = screen.answer_id
        typed = next(name for name in "ABC" if name != first_listed(app))
        await pilot.press(*typed.lower(), "enter")
        await settle(app, pilot)
        assert screen.answer_id == first  # typed + Enter stays
        listed = first_listed(app)
        await pilot.press("1")
        await settle(app, pilot)
        assert sorted(names_on(app.store, first)) == sorted({typed, listed})
        assert screen.position == 1


async def test_the_mode_is_one_key_shown_remembered_and_in_the_palette(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        status = app.screen.query_one(StatusLine)
        assert "auto-next" not in str(status.render())
        await pilot.press("f4")
        await pilot.pause()
        assert app.screen.session.auto_next
        assert "auto-next" in str(status.render())
        painted = "".join(segment.text for segment in status.render_line(0))
        assert painted.startswith("auto-next") and len(painted) <= 80
        rows = {row.action: row for row in key_rows(app, app.screen)}
        row = rows["toggle_auto_next"]
        assert row.keys == "f4" and row.where == "this screen" and "moves on" in row.description
    assert load_settings(settings_path()).auto_next_for("ola")
    again = make_app(**vars(load_settings(settings_path())))
    async with again.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert again.screen.session.auto_next
        await pilot.press("f4")
        await pilot.pause()
        assert not again.screen.session.auto_next
    assert not load_settings(settings_path()).auto_next_for("ola")


async def test_a_single_code_question_moves_on_after_a_typed_code_in_either_mode(make_app):
    app = make_app()
    app.store.execute("UPDATE questions SET single_code = 1 WHERE id = 'q01'")
    coding.create_code(app.store, "Møter", "ola")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = app.screen
        first = screen.answer_id
        assert not screen.session.auto_next
        await pilot.press(*"møter", "enter")
        await pilot.pause()
        assert names_on(app.store, first) == ["Møter"] and screen.position == 1
        await pilot.press(*"Ny kode", "enter", "escape")  # created, applied, invite skipped: moves on
        await pilot.pause()
        assert screen.position == 2


async def test_a_multi_code_question_stays_after_a_typed_code_in_auto_next(make_app):
    app = make_app(auto_next={"ola": True})
    coding.create_code(app.store, "Møter", "ola")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press(*"møter", "enter")
        await pilot.pause()
        assert app.screen.position == 0


async def test_undo_brings_the_coder_back_to_the_answer(make_app, fast_suggestions):
    app = await auto_next_app(make_app)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        first = screen.answer_id
        await pilot.press("1")
        await settle(app, pilot)
        assert screen.position == 1 and names_on(app.store, first)
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert screen.answer_id == first and names_on(app.store, first) == []
        assert str(screen.query_one(SuggestionList).suggestions.answer_id) == str(first)


async def test_a_digit_while_the_next_list_is_pending_is_ignored_visibly(make_app, fast_suggestions):
    app = await auto_next_app(make_app)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen, suggester = app.screen, app.suggester
        suggestion_list = screen.query_one(SuggestionList)
        first = screen.answer_id
        suggester.release.clear()  # the next list takes its time
        await pilot.press("1")
        await pilot.pause()
        second = screen.answer_id
        assert second != first and names_on(app.store, first)
        assert str(suggestion_list.render()) == PENDING
        await pilot.press("1", "1")
        await pilot.pause()
        assert names_on(app.store, second) == [] and screen.answer_id == second
        assert any("on their way" in str(note.message) for note in app._notifications)
        suggester.release.set()
        await settle(app, pilot)
        expected = first_listed(app)
        await pilot.press("1")
        await settle(app, pilot)
        assert names_on(app.store, second) == [expected] and screen.position == 2


async def test_fast_digits_each_apply_only_to_a_list_on_screen(make_app):
    """ "1 1 1" arriving together: the first applies and moves on; the others come before the
    next answer's list was painted, so they apply nothing (with auto-next on)."""
    app = make_app(auto_next={"ola": True})
    code = coding.create_code(app.store, "Møter", "ola").id
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = app.screen
        answers = list(screen.answer_ids)
        coding.apply_codes(app.store, screen.session.segment.id, [code], "ola")
        screen.session.step(0)  # the provisional list now offers "Møter" as 1
        screen.session.go_to(1)
        screen.show_answer()
        await pilot.pause()
        assert screen.query_one(SuggestionList).drawn is screen.session.suggestions
        for _ in range(3):
            app.post_message(events.Key("1", "1"))
        await pilot.pause()
        await pilot.pause()
        assert names_on(app.store, answers[1]) == ["Møter"]
        assert names_on(app.store, answers[2]) == [] and names_on(app.store, answers[3]) == []
        assert screen.position == 2

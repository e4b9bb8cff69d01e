"""The whole coding loop through the keyboard, each step checked in the project database."""

from __future__ import annotations

import pytest

from workbench import coding
from workbench.coding import Codebook
from workbench.store import answers as answer_rows
from workbench.store import codings as coding_rows
from workbench.widgets.answer_view import AnswerView
from workbench.widgets.code_picker import FilterInput

pytestmark = pytest.mark.anyio


def codes_on(store, answer_id: int) -> list[str]:
    """Names of the codes on an answer's segments, in order applied."""
    return [
        row["name"]
        for segment in coding_rows.segments_with_codes(store, answer_id)
        for row in segment["codings"]
    ]


def code_id(store, name: str) -> str:
    return next(code["id"] for code in Codebook.from_store(store).live_rows() if code["name"] == name)


def seed_codes(store) -> None:
    coding.create_code(store, "Faste møtepunkter", "ola")
    coding.create_code(store, "Godt samarbeid", "ola")
    coding.create_code(store, "Mangler fagfolk", "ola")


async def test_opens_with_the_picker_focused(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert isinstance(app.focused, FilterInput)
        assert app.screen.question_id == "q01"
        assert "faste møter" in app.screen.query_one(AnswerView).text


async def test_code_three_answers_by_typing(make_app):
    app = make_app()
    seed_codes(app.store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = app.screen
        first_three = screen.answer_ids[:3]
        for name in ("Faste", "Godt samarb", "Mangler fag"):
            await pilot.press(*name, "enter", "enter")
        await pilot.pause()
        assert [codes_on(app.store, answer) for answer in first_three] == [
            ["Faste møtepunkter"],
            ["Godt samarbeid"],
            ["Mangler fagfolk"],
        ]
        assert screen.position == 3


async def test_create_a_code_inline(make_app):
    app = make_app()
    seed_codes(app.store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press(*"Ventetid for lang", "enter", "escape")  # escape: no definition
        await pilot.pause()
        assert codes_on(app.store, app.screen.answer_id) == ["Ventetid for lang"]
        assert isinstance(app.focused, FilterInput) and app.focused.value == ""


async def test_apply_a_listed_code_by_number_then_undo(make_app):
    app = make_app()
    seed_codes(app.store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press(*"Godt samarb", "enter", "enter")
        await pilot.pause()
        second = app.screen.answer_id
        await pilot.press("1")
        await pilot.pause()
        assert codes_on(app.store, second) == ["Godt samarbeid"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert codes_on(app.store, second) == []


async def test_split_a_segment_at_the_cursor(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # empty filter: next answer, "Samarbeidet fungerer godt. Men…"
        await pilot.press("escape", "right", "right", "right", "s")
        await pilot.pause()
        view = app.screen.query_one(AnswerView)
        segments = coding.segments_of_answer(app.store, app.screen.answer_id, "ola")
        assert [segment.text for segment in segments] == [
            "Samarbeidet fungerer godt. ",
            "Men vi mangler psykologer.",
        ]
        assert len(view.segments) == 2


async def test_jump_to_the_next_uncoded_answer(make_app):
    app = make_app()
    seed_codes(app.store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = app.screen
        segment = coding_rows.segments_with_codes(app.store, screen.answer_ids[1])[0]
        coding.apply_codes(app.store, segment["id"], [code_id(app.store, "Godt samarbeid")], "ola")
        await pilot.press(*"Faste", "enter")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.position == 2
        await pilot.press("escape", "n")
        await pilot.pause()
        assert screen.position == 3


async def test_merge_two_codes_in_the_codebook(make_app):
    app = make_app()
    seed_codes(app.store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press(*"Faste", "enter")
        await pilot.press("ctrl+o")
        await pilot.pause()
        tree = app.screen.query_one("#codebook-tree")
        tree.move_cursor(
            next(node for node in tree.root.children if node.data == code_id(app.store, "Faste møtepunkter"))
        )
        await pilot.press("m")
        await pilot.pause()
        await pilot.press(*"Godt samarbeid", "enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        names = [code["name"] for code in Codebook.from_store(app.store).live_rows()]
        assert "Faste møtepunkter" not in names
        assert codes_on(app.store, answer_rows.answer_ids(app.store, "q01", 2024)[0]) == ["Godt samarbeid"]


async def test_bulk_apply_from_the_answer_table(make_app):
    app = make_app()
    seed_codes(app.store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press("space", "space", "a")
        await pilot.pause()
        await pilot.press(*"Mangler fag", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        first, second, third = answer_rows.answer_ids(app.store, "q01", 2024)[:3]
        assert codes_on(app.store, first) == codes_on(app.store, second) == ["Mangler fagfolk"]
        assert codes_on(app.store, third) == []


async def test_search_narrows_the_answers(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("escape", "slash")
        await pilot.pause()
        await pilot.press(*"fastleg", "enter")
        await pilot.pause()
        texts = [answer_rows.answer_detail(app.store, answer)["text"] for answer in app.screen.answer_ids]
        assert texts and all("fastleg" in text.casefold() for text in texts)


async def test_every_answer_key_is_in_the_command_palette(make_app):
    from workbench.screens.key_list import key_rows

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        described = {row.description for row in key_rows(app, app.screen)}
        assert {"Split segment", "Undo", "Next uncoded", "Memo", "Filter", "Help"} <= described


class FakeSuggestion:
    def __init__(self, code_id: str) -> None:
        self.code_id = code_id
        self.score = 0.9
        self.evidence = ()


class FakeSuggester:
    """The contract the coding screen relies on: fit() in a worker, then suggest()."""

    def __init__(self, code_id: str) -> None:
        self.code_id = code_id

    def fit(self, on_progress=None):
        return self

    def suggest(self, answer_id: int, top: int = 5):
        return [FakeSuggestion(self.code_id)]


async def test_an_accepted_suggestion_is_recorded_as_such(make_app, monkeypatch):
    monkeypatch.setattr("workbench.screens.coding.FIT_DELAY_SECONDS", 0.001)
    monkeypatch.setattr("workbench.screens.coding.SUGGEST_DELAY_SECONDS", 0.001)
    app = make_app()
    seed_codes(app.store)
    app.suggester = FakeSuggester(code_id(app.store, "Mangler fagfolk"))
    async with app.run_test(size=(120, 36)) as pilot:
        for _step in ("fit", "suggest"):
            await pilot.pause()
            await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        segment = coding_rows.segments_with_codes(app.store, app.screen.answer_id)[0]
        assert [(row["name"], row["how"]) for row in segment["codings"]] == [
            ("Mangler fagfolk", "suggestion")
        ]

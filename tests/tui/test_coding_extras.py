"""Blind double-coding, marks for the report and the suggestion-screen keys on the coding screen."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Label

from workbench import coding
from workbench.review.assign import assign_sample, blind_view
from workbench.screens.clusters import ClustersScreen
from workbench.screens.coding import CodingScreen
from workbench.screens.evidence import EvidenceScreen
from workbench.screens.key_list import key_rows
from workbench.screens.more_like_this import MoreLikeThisScreen
from workbench.screens.near_duplicates import NearDuplicatesScreen
from workbench.settings import Settings
from workbench.store import Store, survey
from workbench.store import answers as answer_rows
from workbench.store import codings as coding_rows
from workbench.tui import WorkbenchApp
from workbench.widgets.answer_view import AnswerView
from workbench.widgets.code_chips import CodeChips
from workbench.widgets.code_picker import FilterInput
from workbench.widgets.status_line import StatusLine

pytestmark = pytest.mark.anyio


def first_segment(store, answer_id: int) -> dict:
    return coding_rows.segments_with_codes(store, answer_id)[0]


def code_all_answers(store, question_id: str, code_id: str, coder: str) -> list[int]:
    """Code every answer of a question; return the answer ids."""
    answer_ids = answer_rows.answer_ids(store, question_id, survey.latest_wave(store))
    for answer_id in answer_ids:
        coding.apply_codes(store, first_segment(store, answer_id)["id"], [code_id], coder)
    return answer_ids


@pytest.fixture
def blind_app(project_path):
    """Coder A ("ola") coded all of q01; coder B ("kari") has a blind sample of half of it."""
    store = Store(project_path)
    coding.ensure_coder(store, "ola")
    coding.ensure_coder(store, "kari")
    code_id = coding.create_code(store, "Godt samarbeid", "ola").id
    coding.create_code(store, "Mangler fagfolk", "kari")
    code_all_answers(store, "q01", code_id, "ola")
    assign_sample(store, "kari", share=0.5, question_id="q01", seed=3)
    return WorkbenchApp(store, None, Settings(), coder="kari")


async def test_blind_coder_sees_only_the_sample_without_other_codes(blind_app):
    app = blind_app
    sample = blind_view(app.store, "kari").sample_answer_ids
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert len(sample) == 3 and set(screen.answer_ids) == sample
        assert "blind sample: 3 answers" in str(screen.query_one(StatusLine).render())
        await pilot.press("escape")
        seen = []
        for _ in range(5):
            seen.append(screen.answer_id)
            chips = str(screen.query_one(CodeChips).render())
            assert "Godt samarbeid" not in chips and "ola" not in chips
            assert "hidden" in str(screen.query_one("#respondent", Label).render())
            await pilot.press("j")
        assert set(seen) == sample
        assert screen.query_one(StatusLine).progress == "q01: 0/3 coded"


async def test_blind_coder_codes_the_sample_and_next_uncoded_counts_own_codes(blind_app):
    app = blind_app
    sample = blind_view(app.store, "kari").sample_answer_ids
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = app.screen
        first = screen.answer_id
        await pilot.press(*"Mangler fag", "enter")
        await pilot.pause()
        coders = {row["coder"] for row in first_segment(app.store, first)["codings"]}
        assert coders == {"ola", "kari"}
        await pilot.press("ctrl+n")
        assert screen.answer_id in sample and screen.answer_id != first
        assert screen.query_one(StatusLine).progress == "q01: 1/3 coded"
        await pilot.press("ctrl+t")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert table.row_count == 3
        codes = [table.get_cell(str(answer), "codes") for answer in sample]
        assert "Godt samarbeid" not in " ".join(str(code) for code in codes)


async def test_mark_for_report_toggles_logs_and_undoes(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = app.screen
        answer_id = screen.answer_id
        await pilot.press("ctrl+f")  # from the picker
        await pilot.pause()
        assert first_segment(app.store, answer_id)["for_report"] == 1
        assert "★" in str(screen.query_one(CodeChips).render())
        kinds = [row["kind"] for row in app.store.rows("SELECT kind FROM events")]
        assert "segment.report" in kinds
        await pilot.press("escape", "u")
        await pilot.pause()
        assert first_segment(app.store, answer_id)["for_report"] == 0
        await pilot.press("r", "r")
        await pilot.pause()
        assert first_segment(app.store, answer_id)["for_report"] == 0
        assert "★" not in str(screen.query_one(CodeChips).render())


async def test_letters_in_the_picker_go_to_the_filter(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press(*"dwvr")
        await pilot.pause()
        assert app.screen.query_one(FilterInput).value == "dwvr"
        assert isinstance(app.screen, CodingScreen)
        listed = {(row.where, row.keys, row.description) for row in key_rows(app, app.screen)}
        assert ("answer keys", "r", "Mark for report") in listed
        assert ("this screen", "^k", "Clusters of uncoded answers") in listed


async def _open_and_close(app, pilot, key: str, screen_class: type):
    """Press a key in single-key mode (answer view focused); close the screen it opened."""
    app.screen.query_one(AnswerView).focus()
    await pilot.press(key)
    await pilot.pause()
    opened = app.screen
    assert isinstance(opened, screen_class)
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("escape")
    await pilot.pause()
    assert isinstance(app.screen, CodingScreen)
    return opened


async def test_suggestion_screens_open_from_their_keys(make_app):
    app = make_app()
    code_id = coding.create_code(app.store, "Faste møtepunkter", "ola").id
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        answer_id = app.screen.answer_id
        coding.apply_codes(app.store, first_segment(app.store, answer_id)["id"], [code_id], "ola")
        app.screen.returned(None)
        opened = await _open_and_close(app, pilot, "d", NearDuplicatesScreen)
        assert opened.answer_id == answer_id
        opened = await _open_and_close(app, pilot, "w", EvidenceScreen)
        assert opened.answer_id == answer_id
        opened = await _open_and_close(app, pilot, "v", MoreLikeThisScreen)
        assert opened.code_id == code_id and opened.question_id == "q01"
        opened = await _open_and_close(app, pilot, "ctrl+k", ClustersScreen)
        assert opened.question_id == "q01"
        app.screen.query_one(FilterInput).focus()
        await pilot.press("ctrl+k")  # from the picker too: it must not delete in the filter
        await pilot.pause()
        assert isinstance(app.screen, ClustersScreen)

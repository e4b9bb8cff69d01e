"""The suggestion screens: clusters to codes with review, near-duplicates, evidence, more like this."""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList, SelectionList

from workbench import coding
from workbench.coding import Codebook
from workbench.ingest import import_survey
from workbench.project import create_project
from workbench.screens.bulk_review import BulkReviewScreen
from workbench.screens.clusters import ClustersScreen
from workbench.screens.code_choice import CodeChoiceDialog
from workbench.screens.coding import CodingScreen
from workbench.screens.evidence import EvidenceScreen
from workbench.screens.more_like_this import MoreLikeThisScreen
from workbench.screens.near_duplicates import NearDuplicatesScreen
from workbench.store import segments as segment_rows
from workbench.suggest.results import Evidence, Suggestion
from workbench.tui import SCREEN_COMMANDS

pytestmark = pytest.mark.anyio

Q01_ANSWERS = {
    "0301": "Som før.",
    "1103": "som før",
    "3001": "Som før.",
    "4601": "Vi har faste møter med fastlegene.",
    "5001": "Faste møter med fastlegene hver måned.",
    "1804": "Vi møter fastlegene på faste møter hver uke.",
    "1106": "Fastlegene deltar på faste møter med oss.",
    "3003": "Vi mangler psykologer.",
    "3004": "Det mangler psykologer i kommunen.",
    "3005": "Mangel på psykologer og ventetid.",
    "3006": "Vi har for få psykologer.",
}
QUESTIONS_YAML = """\
- id: q01
  text: "Hvordan fungerer samarbeidet med fastlegene?"
  kind: open
  chapter: "3 Samarbeid"
"""


@pytest.fixture
def project_path(tmp_path, monkeypatch) -> str:
    """One question whose answers fall into three obvious groups (overrides conftest's)."""
    monkeypatch.setenv("WORKBENCH_CONFIG_DIR", str(tmp_path / "config"))
    survey = tmp_path / "answers.csv"
    lines = ["respondent_id;q01", *(f"{unit};{text}" for unit, text in Q01_ANSWERS.items())]
    survey.write_text("\n".join(lines) + "\n", encoding="utf-8")
    questions = tmp_path / "questions.yaml"
    questions.write_text(QUESTIONS_YAML, encoding="utf-8")
    path = tmp_path / "project.db"
    with create_project(path) as store:
        import_survey(store, survey, layout="wide", wave=2024, questions_file=questions)
    return str(path)


def answer_id(store, text: str) -> int:
    return store.scalar("SELECT id FROM answers WHERE text = ? ORDER BY id", (text,))


def code_answer(store, text: str, code_id: str) -> None:
    for segment_id in segment_rows.segment_ids_of_answers(store, [answer_id(store, text)]):
        coding.apply_codes(store, segment_id, [code_id], "ola")


def bulk_coded(store, code_id: str) -> set[int]:
    """Answers carrying the code through bulk coding."""
    rows = store.rows(
        "SELECT s.answer_id FROM codings k JOIN segments s ON s.id = k.segment_id "
        "WHERE k.code_id = ? AND k.how = 'bulk' AND k.coder = 'ola'",
        (code_id,),
    )
    return {row["answer_id"] for row in rows}


async def settle(app, pilot) -> None:
    """Let a screen mount and start its worker, wait for the worker, then take its message."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_a_cluster_becomes_a_code_for_the_answers_the_coder_keeps(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await app.push_screen(ClustersScreen("q01"))
        await settle(app, pilot)
        screen = app.screen
        assert screen.query_one(OptionList).option_count >= 2
        cluster = screen.clusters[0]
        await pilot.press("c")
        await pilot.pause()
        assert app.screen.query_one(Input).value == cluster.label
        app.screen.query_one(Input).value = "Fra klynge"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BulkReviewScreen)
        assert set(app.screen.query_one(SelectionList).selected) == set(cluster.answer_ids)
        await pilot.press("space")  # untick the first answer
        await pilot.press("y")
        await settle(app, pilot)
        assert app.screen is screen
        code_id = coding.code_for_path(app.store, "Fra klynge", "ola", create=False)
        assert bulk_coded(app.store, code_id) == set(cluster.answer_ids[1:])
        assert all(set(c.answer_ids).isdisjoint(cluster.answer_ids[1:]) for c in screen.clusters)


async def test_the_number_of_clusters_can_be_chosen(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await app.push_screen(ClustersScreen("q01"))
        await settle(app, pilot)
        await pilot.press("k", *"4", "enter")
        await settle(app, pilot)
        assert len(app.screen.clusters) == 4
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ClustersScreen)


async def test_near_duplicates_get_the_current_answers_codes_after_confirming(make_app):
    app = make_app()
    unchanged = coding.create_code(app.store, "Uendret", "ola").id
    code_answer(app.store, "Som før.", unchanged)
    first = answer_id(app.store, "Som før.")
    duplicates = {
        answer_id(app.store, "som før"),
        app.store.scalar("SELECT max(id) FROM answers WHERE text = 'Som før.'"),
    }
    closed_with = []
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await app.push_screen(NearDuplicatesScreen(first), closed_with.append)
        await settle(app, pilot)
        assert set(app.screen.query_one(SelectionList).selected) == duplicates
        await pilot.press("b")
        await pilot.pause()
        await pilot.press("y")
        await settle(app, pilot)
        assert bulk_coded(app.store, unchanged) == duplicates
        assert app.screen.query_one(SelectionList).option_count == 0
        await pilot.press("escape")
        await pilot.pause()
    assert closed_with == [True]


async def test_near_duplicates_of_the_answer_on_the_coding_screen(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        current = app.screen.answer_id
        await app.push_screen(NearDuplicatesScreen())
        await settle(app, pilot)
        assert app.screen.answer_id == current


async def test_evidence_screen_shows_the_coded_segments_behind_a_suggestion(make_app):
    app = make_app()
    meetings = coding.create_code(app.store, "Faste møter", "ola").id
    psychologists = coding.create_code(app.store, "Mangler psykologer", "ola").id
    code_answer(app.store, "Vi har faste møter med fastlegene.", meetings)
    code_answer(app.store, "Faste møter med fastlegene hver måned.", meetings)
    code_answer(app.store, "Vi mangler psykologer.", psychologists)
    target = answer_id(app.store, "Fastlegene deltar på faste møter med oss.")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await app.push_screen(EvidenceScreen(target))
        await settle(app, pilot)
        option_list = app.screen.query_one(OptionList)
        first = str(option_list.get_option_at_index(0).prompt)
        assert "Faste møter" in first
        assert "fastlegene" in first and "“" in first


async def test_evidence_screen_shows_given_suggestions_without_fitting(make_app):
    app = make_app()
    evidence = Evidence("s1", 1, "q01", "Vi har faste møter med fastlegene.", 0.82)
    suggestion = Suggestion("c1", "Faste møter", "Samarbeid > Faste møter", 0.9, (evidence,))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await app.push_screen(EvidenceScreen(suggestions=(suggestion,)))
        await pilot.pause()
        prompt = str(app.screen.query_one(OptionList).get_option_at_index(0).prompt)
        assert "Samarbeid > Faste møter" in prompt and "0.82" in prompt


async def test_more_like_this_codes_the_ticked_answers(make_app):
    app = make_app()
    psychologists = coding.create_code(app.store, "Mangler psykologer", "ola").id
    code_answer(app.store, "Vi mangler psykologer.", psychologists)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await app.push_screen(MoreLikeThisScreen(psychologists, "q01"))
        await settle(app, pilot)
        selection_list = app.screen.query_one(SelectionList)
        best = selection_list.get_option_at_index(0).value
        assert "psykologer" in str(selection_list.get_option_at_index(0).prompt)
        await pilot.press("space", "b")
        await pilot.pause()
        await pilot.press("y")
        await settle(app, pilot)
        assert bulk_coded(app.store, psychologists) == {best}


async def test_each_screen_opens_from_the_palette_and_escape_closes_it(make_app):
    screens = {
        "Clusters": ClustersScreen,
        "Near-duplicates": NearDuplicatesScreen,
        "Why these suggestions": EvidenceScreen,
        "More like this": MoreLikeThisScreen,
    }
    commands = [command for command in SCREEN_COMMANDS if command.title in screens]
    assert [command.screen_class for command in commands] == list(screens.values())
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        for screen_class in screens.values():
            app.open_screen(screen_class)
            await settle(app, pilot)
            if isinstance(app.screen, CodeChoiceDialog):
                await pilot.press("escape")
                await pilot.pause()
            assert isinstance(app.screen, screen_class)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, CodingScreen)


async def test_naming_a_cluster_after_an_existing_code_codes_with_that_code(make_app):
    app = make_app()
    unchanged = coding.create_code(app.store, "Uendret", "ola").id
    codes_before = len(Codebook.from_store(app.store).live_rows())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.push_screen(ClustersScreen("q01"))
        await settle(app, pilot)
        cluster = app.screen.clusters[0]
        await pilot.press("c")
        await pilot.pause()
        app.screen.query_one(Input).value = "uendret"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")
        await settle(app, pilot)
    assert len(Codebook.from_store(app.store).live_rows()) == codes_before
    assert bulk_coded(app.store, unchanged) == set(cluster.answer_ids)

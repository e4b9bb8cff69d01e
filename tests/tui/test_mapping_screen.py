"""The question mapping screen: statuses and sources edited with keys, saved, refused when
unsafe, hostile question text inert, random keys harmless."""

from __future__ import annotations

import random

import pytest
import yaml
from textual.widgets import OptionList

from workbench import coding
from workbench.ingest import import_survey
from workbench.screens.mapping import MappingScreen, link_line
from workbench.screens.source_choice import SourceChoiceDialog
from workbench.settings import Settings
from workbench.store import Store, waves
from workbench.tui import SCREEN_COMMANDS, WorkbenchApp

pytestmark = pytest.mark.anyio
HOSTILE = "Hva \x1b[31mrødt\x1b[0m [bold]fett[/bold] =SUM(A1) \x07?"


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def two_waves(tmp_path, monkeypatch, project_path):
    """The conftest project (wave 2024) gets a 2025 wave: f1 continues q01, f2 is new."""
    monkeypatch.setenv("WORKBENCH_CONFIG_DIR", str(tmp_path / "config"))
    questions = [
        {"id": "f1", "text": "Hvordan fungerer samarbeidet med fastlegene nå?"},
        {"id": "f2", "text": HOSTILE},
    ]
    questions = _write(tmp_path / "q25.yaml", yaml.safe_dump(questions, allow_unicode=True))
    mapping = {
        "wave": 2025,
        "questions": [{"id": "f1", "status": "continued", "from": ["q01"]}, {"id": "f2", "status": "new"}],
    }
    map_file = _write(tmp_path / "map.yaml", yaml.safe_dump(mapping))
    answers = _write(
        tmp_path / "a25.csv", "respondent_id;f1;f2\n0301;Bra;Pandemien endret alt\n1103;Greit;Lite\n"
    )
    with Store(project_path) as store:
        import_survey(store, answers, wave=2025, questions_file=questions, mapping_file=map_file)

    def build():
        store = Store(project_path)
        coding.ensure_coder(store, "ola")
        return WorkbenchApp(store, None, Settings(), coder="ola")

    return build


async def _open(app, pilot):
    await pilot.pause()
    app.open_screen(MappingScreen)
    await pilot.pause()
    return app.screen


def _row(store, form_id: str) -> dict:
    return next(row for row in waves.question_wave_rows(store, 2025) if row["form_id"] == form_id)


def _lines(screen) -> list[str]:
    options = screen.query_one(OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_new_question_marked_continued_moves_its_answers(two_waves):
    app = two_waves()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot)
        assert screen.chosen_wave == 2025
        assert _lines(screen)[0].startswith("= f1") and "← q01" in _lines(screen)[0]
        await pilot.press("down", "t")
        assert "f2 is continued: choose one earlier question (f)." in str(
            screen.query_one("#mapping-note").render()
        )
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, SourceChoiceDialog)
        await pilot.press("q", "0", "2", "enter")
        await pilot.pause()
        assert _lines(screen)[1].startswith("= f2") and "← q02" in _lines(screen)[1]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.store.scalar("SELECT COUNT(*) FROM answers WHERE wave = 2025 AND question_id = 'q02'") == 2
        assert "As stored." in str(screen.query_one("#mapping-note").render())
        await pilot.press("escape")
        await pilot.pause()
        assert "f2" not in app._coding_screen().session.questions


async def test_merged_takes_several_and_coded_answers_stay(two_waves):
    app = two_waves()
    answer = app.store.scalar("SELECT id FROM answers WHERE wave = 2025 AND question_id = 'q01' ORDER BY id")
    segment = coding.segments_of_answer(app.store, answer)[0].id
    coding.apply_codes(app.store, segment, [coding.code_for_path(app.store, "Bra", "ola")], "ola")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot)
        await pilot.press("t", "ctrl+s")  # f1 continued → split would move coded answers
        await pilot.pause()
        assert _row(app.store, "f1")["status"] == "continued"
        assert "Unsaved changes." in str(screen.query_one("#mapping-note").render())
        await pilot.press("t", "t", "t", "down", "t", "t", "t", "f")  # f1 back to continued; f2 merged
        await pilot.pause()
        await pilot.press("q", "0", "1", "enter", "backspace", "backspace", "0", "2", "enter")
        await pilot.pause()
        assert app.screen.chosen == ["q01", "q02"]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "← q01, q02" in _lines(screen)[1]
        await pilot.press("ctrl+s")
        await pilot.pause()
        row = _row(app.store, "f2")
        assert (row["status"], row["sources"]) == ("merged", ["q01", "q02"])


async def test_hostile_question_text_is_inert_and_leaving_unsaved_asks_twice(two_waves):
    app = two_waves()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot)
        await pilot.press("down")
        detail = str(screen.query_one("#mapping-detail").render())
        assert "\x1b" not in detail and "\x07" not in detail and "[bold]fett[/bold]" in detail
        assert app.store.scalar("SELECT text FROM questions WHERE id = 'f2'") == HOSTILE
        await pilot.press("t", "escape")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is not screen


async def test_one_wave_only_says_so(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot)
        assert "nothing to map yet" in str(screen.query_one("#mapping-title").render())
        await pilot.press("t", "f", "ctrl+s", "w")


async def test_random_keys_break_nothing(two_waves):
    from tests.tui.test_monkey import assert_consistent, run_monkey

    app = two_waves()
    app.animation_level = "none"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await run_monkey(app, pilot, MappingScreen, random.Random("mapping"))
    assert_consistent(app.store)


def test_link_lines_fit_80_columns_and_the_palette_has_the_screen():
    from workbench.ingest.mapping import QuestionLink

    line = link_line(QuestionLink("x" * 40, "merged", ("a" * 30, "b" * 30), 87, "text"))
    assert len(line) <= 76 and "…" in line
    assert any(command.screen_class is MappingScreen for command in SCREEN_COMMANDS)

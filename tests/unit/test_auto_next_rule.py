"""Auto-next and single-code questions in ``CodingSession``; the setting in ``Settings``."""

from __future__ import annotations

import json

import pytest

from tests.unit.coding_project import answer_id, build_project
from workbench import coding
from workbench.coding.session import CodingSession
from workbench.coding.session_values import SuggestionRow, Suggestions
from workbench.settings import Settings, load_settings, save_settings
from workbench.store import codings as coding_rows

ANSWERS = {"q01": ["Gode møter.", "Som før.", "Lite endring."], "q02": ["Uendret.", "Mer digitalt."]}


@pytest.fixture
def store(tmp_path):
    store = build_project(tmp_path / "p.db", ANSWERS)
    coding.ensure_coder(store, "ola")
    yield store
    store.close()


@pytest.fixture
def session(store) -> CodingSession:
    session = CodingSession(store, "ola", 2024)
    session.open_question("q01")
    return session


def names_on(store, answer: int) -> list[str]:
    segments = coding_rows.segments_with_codes(store, answer)
    return [row["name"] for segment in segments for row in segment["codings"]]


def test_a_digit_moves_on_only_in_auto_next(session):
    assert not session.moves_on(by_digit=True)
    session.auto_next = True
    assert session.moves_on(by_digit=True)
    assert not session.moves_on(by_digit=False)  # a typed code stays, so a second can follow


def test_a_single_code_question_moves_on_after_any_code(session, store):
    store.execute("UPDATE questions SET single_code = 1 WHERE id = 'q01'")
    session = CodingSession(store, "ola", 2024)
    session.open_question("q01")
    assert session.single_code
    assert session.moves_on(by_digit=False) and session.moves_on(by_digit=True)
    session.open_question("q02")
    assert not session.single_code and not session.moves_on(by_digit=False)


def test_a_list_not_yet_drawn_applies_nothing(session, store):
    code = coding.create_code(store, "Møter", "ola").id
    listed = Suggestions(session.answer_id, (SuggestionRow(code, "Møter"),))
    assert session.offer_suggestions(listed)
    drawn_before = Suggestions(session.answer_id, (SuggestionRow(code, "Møter"),))
    assert session.apply_suggestion(1, None) is None  # nothing drawn yet
    assert session.apply_suggestion(1, drawn_before) is None  # an equal list, but not this one
    assert names_on(store, session.answer_id) == []
    assert session.apply_suggestion(1, session.suggestions) == code
    assert names_on(store, session.answer_id) == ["Møter"]


def test_undo_and_redo_go_back_to_the_answer_of_the_change(session, store):
    code = coding.create_code(store, "Møter", "ola").id
    first = session.answer_id
    session.apply_code(code)
    session.step(1)
    assert "Undone" in session.undo()
    assert session.answer_id == first and names_on(store, first) == []
    session.step(2)
    assert "Redone" in session.redo()
    assert session.answer_id == first and names_on(store, first) == ["Møter"]


def test_undo_of_a_change_on_another_question_stays_put(session, store):
    code = coding.create_code(store, "Møter", "ola").id
    first = session.answer_id
    session.apply_code(code)
    session.open_question("q02")
    session.undo()
    assert session.question_id == "q02" and session.answer_id == answer_id(store, "q02", 0)
    assert names_on(store, first) == []


def test_auto_next_is_remembered_per_coder(tmp_path):
    path = tmp_path / "settings.json"
    save_settings(Settings().with_auto_next("ola", True), path)
    loaded = load_settings(path)
    assert loaded.auto_next_for("ola") and not loaded.auto_next_for("kari")
    assert not loaded.with_auto_next("ola", False).auto_next_for("ola")


@pytest.mark.parametrize("value", ["yes", 1, ["ola"], {"ola": "true"}, {"ola": 1}, None])
def test_a_hand_edited_auto_next_is_off_not_a_crash(tmp_path, value):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"auto_next": value}), encoding="utf-8")
    loaded = load_settings(path)
    assert not loaded.auto_next_for("ola")
    assert loaded.with_auto_next("ola", True).auto_next_for("ola")

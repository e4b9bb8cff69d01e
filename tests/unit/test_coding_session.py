"""The coding loop's rules, driven through ``CodingSession`` without Textual."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.unit.coding_project import answer_id, build_project, table_dump
from workbench import coding
from workbench.coding.codebook_tree import Codebook
from workbench.coding.session import CodingSession
from workbench.coding.session_values import SuggestionRow, Suggestions, sentence_starts
from workbench.errors import UserError
from workbench.review.assign import assign_sample
from workbench.store import codings as coding_rows
from workbench.store.answers import AnswerFilter

ANSWERS = {
    "q01": [
        "Gode møter med fastlegene.",
        "Samarbeidet fungerer godt. Men vi mangler psykologer.",
        "Som før.",
        "Fastlegene kommer sjelden.",
    ],
    "q02": ["Uendret.", "Mer digitalt."],
}


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


def codes_on(store, answer: int, coder: str = "ola") -> list[str]:
    return [
        row["name"]
        for segment in coding_rows.segments_with_codes(store, answer)
        for row in segment["codings"]
        if row["coder"] == coder
    ]


def test_opening_a_question_shows_its_first_answer(session, store):
    assert session.question_id == "q01"
    assert session.answer_id == answer_id(store, "q01", 0)
    assert session.text == ANSWERS["q01"][0]
    assert len(session.answer_ids) == 4


def test_an_unknown_question_is_refused(session):
    with pytest.raises(UserError, match="no question 'q99'"):
        session.open_question("q99")
    assert session.known_question("q99") == "q01"
    assert session.known_question("q02") == "q02"


def test_moving_stays_inside_the_answers(session):
    assert session.step(1) and session.position == 1
    assert not session.go_to(7)
    assert session.position == 1
    assert session.step(-1) and not session.step(-1)
    assert session.position == 0


def test_a_search_narrows_the_answers_and_keeps_the_place(session, store):
    session.step(3)
    session.set_filter(AnswerFilter(text="fastleg"))
    assert [session.answer_ids.index(a) for a in session.answer_ids] == [0, 1]
    assert session.answer_id == answer_id(store, "q01", 3)
    assert "filter: search fastleg" in session.position_line()


def test_next_uncoded_skips_coded_answers_and_wraps(session, store):
    code = coding.create_code(store, "Møter", "ola").id
    session.apply_code(code)
    session.step(1)
    session.apply_code(code)
    session.go_to(3)
    session.apply_code(code)
    assert session.next_uncoded() and session.position == 2
    session.apply_code(code)
    assert not session.next_uncoded()


def test_blind_sample_limits_answers_and_hides_attributes(store):
    other = coding.create_code(store, "Annet", "kari").id
    for number in range(4):
        segment = coding_rows.segments_with_codes(store, answer_id(store, "q01", number))[0]
        coding.apply_codes(store, segment["id"], [other], "kari")
    coding.ensure_coder(store, "per")
    assign_sample(store, "per", share=0.5, question_id="q01", seed=1)
    session = CodingSession(store, "per", 2024)
    session.open_question("q01")
    assert len(session.answer_ids) == 2
    assert session.blind and "attributes hidden" in session.respondent_line()
    assert not session.is_coded()  # kari's codes do not make it coded for per
    assert session.provisional_suggestions().rows == ()  # others' frequent codes stay hidden


def test_a_suggestion_list_belongs_to_its_answer(session, store):
    code = coding.create_code(store, "Møter", "ola").id
    first = session.answer_id
    session.step(1)
    stale = Suggestions(first, (SuggestionRow(code, "Møter"),))
    assert session.suggestions is None
    assert not session.offer_suggestions(stale)
    assert session.apply_suggestion(1) is None  # nothing applies while the list is pending
    assert codes_on(store, session.answer_id) == []


def test_the_order_of_a_shown_list_is_fixed_while_on_the_answer(session, store):
    a, b = (coding.create_code(store, name, "ola").id for name in ("A", "B"))
    rows = (SuggestionRow(a, "A", score=0.9), SuggestionRow(b, "B", score=0.8))
    assert session.offer_suggestions(Suggestions(session.answer_id, rows))
    assert not session.offer_suggestions(Suggestions(session.answer_id, rows[::-1]))
    assert session.apply_suggestion(2) == b
    assert session.apply_suggestion(1) == a
    assert session.suggestions.row(1).code_id == a
    assert set(session.my_code_ids()) == {a, b}
    assert codes_on(store, session.answer_id) == ["B", "A"]


def test_a_provisional_list_gives_way_to_the_suggesters(session, store):
    a = coding.create_code(store, "A", "ola").id
    session.reload_codes()  # made outside the session
    session.apply_code(a)
    session.step(1)
    provisional = session.provisional_suggestions()
    assert provisional.provisional and [row.code_id for row in provisional.rows] == [a]
    assert session.offer_suggestions(provisional)
    assert session.offer_suggestions(Suggestions(session.answer_id, (SuggestionRow(a, "A", score=1.0),)))
    assert session.apply_suggestion(1) == a
    assert codes_on(store, session.answer_id) == ["A"]


def test_codes_of_the_current_question_come_first(session, store):
    here, there = (coding.create_code(store, name, "ola").id for name in ("Her", "Der"))
    session.apply_code(here)
    session.open_question("q01")
    rows = (SuggestionRow(there, "Der"), SuggestionRow(here, "Her"))
    session.offer_suggestions(Suggestions(session.answer_id, rows))
    assert [(row.code_id, row.in_question) for row in session.suggestions.rows] == [
        (here, True),
        (there, False),
    ]


def test_create_and_apply_is_one_undo_step(session, store):
    before = table_dump(store)
    session.create_and_apply("Ventetid")
    assert codes_on(store, session.answer_id) == ["Ventetid"]
    assert session.undo() == "Undone: apply codes."
    assert table_dump(store) == before
    assert session.redo() == "Redone: apply codes."
    assert codes_on(store, session.answer_id) == ["Ventetid"]


def test_create_and_apply_a_path_creates_its_theme(session, store):
    session.create_and_apply("Samarbeid > Gode møter")
    paths = [c["path"] for c in Codebook.from_store(store).live_rows()]
    assert paths == ["Samarbeid", "Samarbeid > Gode møter"]
    session.undo()
    assert Codebook.from_store(store).live_rows() == []


def test_a_refused_create_changes_nothing(session, store):
    coding.create_code(store, "Ventetid", "ola")
    before = table_dump(store)
    with pytest.raises(UserError, match="already exists"):
        session.create_and_apply("ventetid")
    assert table_dump(store) == before
    assert session.undo() == "Nothing of this session to undo."


def test_undo_touches_only_this_sessions_changes(session, store):
    code = coding.create_code(store, "A", "ola").id  # made outside the session
    assert session.undo() == "Nothing of this session to undo."
    session.apply_code(code)
    coding.rename_code(store, code, "B", "ola")  # a later change on another screen
    assert "another screen" in session.undo()
    assert codes_on(store, session.answer_id) == ["B"]


def test_redo_is_lost_after_a_new_change(session, store):
    a, b = (coding.create_code(store, name, "ola").id for name in ("A", "B"))
    session.apply_code(a)
    session.undo()
    session.apply_code(b)
    assert session.redo() == "Nothing of this session to redo."
    assert codes_on(store, session.answer_id) == ["B"]


def test_sentence_boundaries(session):
    assert sentence_starts("Én. To! Tre? Fire") == [4, 8, 13]
    assert sentence_starts("Som før") == []
    session.step(1)
    assert session.sentence_boundaries() == [27]


def test_a_split_keeps_the_codes_with_the_part_under_the_cursor(session, store):
    code = coding.create_code(store, "Samarbeid", "ola").id
    session.step(1)
    session.apply_code(code)
    assert session.split_at(session.sentence_boundaries()) == 1
    first, second = session.segments
    assert [row["name"] for row in first.codings] == ["Samarbeid"] and second.codings == []
    assert session.next_uncoded_segment() and session.segment.id == second.id
    session.undo()
    assert len(session.segments) == 1 and codes_on(store, session.answer_id) == ["Samarbeid"]


def test_a_split_with_the_cursor_on_the_right_keeps_codes_right(session, store):
    code = coding.create_code(store, "Psykologer", "ola").id
    session.step(1)
    session.apply_code(code)
    session.cursor = 40
    session.split_at([27])
    assert [len(s.codings) for s in session.segments] == [0, 1]
    assert session.split_at([3000]) == 0


def test_nothing_to_code_without_answers(store):
    store.execute("DELETE FROM segments")
    session = CodingSession(store, "ola", 2024)
    session.open_question("q02")
    with pytest.raises(UserError, match="no answer here"):
        session.apply_code("x")


def test_report_mark_and_memo(session, store):
    assert session.toggle_report() is True
    assert session.segment.for_report
    session.save_memo("  Husk å sjekke.\nLinje to.  ")
    assert session.memo() == "Husk å sjekke.\nLinje to."
    assert session.toggle_report() is False


def test_the_session_imports_without_textual_or_scikit_learn():
    check = (
        "import sys, workbench.coding.session, workbench.suggest.deferred; "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich', 'sklearn')]; "
        "print(','.join(bad)); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True)
    assert result.returncode == 0, f"imported {result.stdout.strip()} {result.stderr}"


def test_a_code_applied_here_joins_the_questions_codes(session, store):
    elsewhere = coding.create_code(store, "Der", "ola").id
    session.open_question("q02")
    session.apply_code(elsewhere)
    session.open_question("q01")
    new = coding.create_code(store, "Her", "ola").id
    session.apply_code(new)
    session.step(1)
    rows = (SuggestionRow(elsewhere, "Der"), SuggestionRow(new, "Her"))
    session.offer_suggestions(Suggestions(session.answer_id, rows))
    assert [row.code_id for row in session.suggestions.rows if row.in_question] == [new]


def test_splitting_at_several_sentences_is_one_undo_step(store):
    text = "Første setning her. Andre setning der. Tredje setning til slutt."
    answer = answer_id(store, "q01", 1)
    store.execute("UPDATE answers SET text = ? WHERE id = ?", (text, answer))
    store.execute("UPDATE segments SET end = ? WHERE answer_id = ?", (len(text), answer))
    session = CodingSession(store, "ola", 2024)
    session.open_question("q01", answer)
    session.apply_code(coding.create_code(store, "Samarbeid", "ola").id)
    session.cursor = len(text) - 2  # in the last sentence: its part keeps the code
    assert session.split_at(session.sentence_boundaries()) == 2
    assert [len(segment.codings) for segment in session.segments] == [0, 0, 1]
    session.undo()
    assert len(session.segments) == 1 and codes_on(store, answer) == ["Samarbeid"]

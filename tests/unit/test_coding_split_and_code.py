"""Split off the part of a long answer that points to a code of its own, and code it."""

from __future__ import annotations

import pytest

from tests.unit.coding_project import build_project
from workbench import coding
from workbench.coding.part_split import part_cut
from workbench.coding.session import CodingSession
from workbench.coding.session_values import Segment
from workbench.errors import UserError
from workbench.store import codings as coding_rows

TEXT = "Første setning her. Andre setning der. Tredje setning til slutt."
SECOND, THIRD = TEXT.index("Andre"), TEXT.index("Tredje")


@pytest.fixture
def session(tmp_path):
    store = build_project(tmp_path / "p.db", {"q01": [TEXT, "Som før."], "q02": ["Uendret."]})
    coding.ensure_coder(store, "ola")
    session = CodingSession(store, "ola", 2024)
    session.open_question("q01")
    yield session
    store.close()


def parts(session) -> list[tuple[str, list[tuple[str, str]]]]:
    return [
        (session.text[s["start"] : s["end"]], [(row["name"], row["how"]) for row in s["codings"]])
        for s in coding_rows.segments_with_codes(session.store, session.answer_id, session.coder)
    ]


def test_the_cuts_fall_only_inside_segments():
    whole = [Segment("s", 0, 60, False)]
    assert part_cut(whole, 20, 40) == part_cut(whole, 20, 40)
    assert part_cut(whole, 20, 40).cuts == (20, 40) and part_cut(whole, 20, 40).keep_at == 19
    assert part_cut(whole, 0, 40).cuts == (40,) and part_cut(whole, 0, 40).keep_at == 40
    assert part_cut(whole, 20, 60).cuts == (20,)
    assert part_cut(whole, 0, 60).cuts == ()
    with pytest.raises(ValueError):
        part_cut(whole, 40, 20)


def test_the_middle_sentence_is_split_off_and_coded_in_one_undo_step(session):
    old = coding.create_code(session.store, "Samarbeid", "ola").id
    new = coding.create_code(session.store, "Psykologer", "ola").id
    session.apply_code(old)
    session.split_and_apply(SECOND, THIRD, new)
    assert parts(session) == [
        ("Første setning her. ", [("Samarbeid", "typed")]),
        ("Andre setning der. ", [("Psykologer", "suggestion")]),
        ("Tredje setning til slutt.", []),
    ]
    assert session.undo() == "Undone: split segment."
    assert parts(session) == [(TEXT, [("Samarbeid", "typed")])]
    session.redo()
    assert [codes for _, codes in parts(session)][1] == [("Psykologer", "suggestion")]
    session.undo()
    assert session.undo() == "Undone: apply codes."  # the coding before it, not the split again


def test_the_last_part_of_an_uncoded_answer(session):
    code = coding.create_code(session.store, "Slutt", "ola").id
    session.split_and_apply(THIRD, len(TEXT), code)
    assert parts(session) == [(TEXT[:THIRD], []), (TEXT[THIRD:], [("Slutt", "suggestion")])]


def test_a_removed_code_changes_nothing(session):
    code = coding.create_code(session.store, "Borte", "ola").id
    coding.retire_code(session.store, code, "ola")
    with pytest.raises(UserError):
        session.split_and_apply(SECOND, THIRD, code)
    assert parts(session) == [(TEXT, [])]
    assert session.undo() == "Nothing of this session to undo."

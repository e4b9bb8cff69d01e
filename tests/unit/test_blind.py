"""Blind double-coding decided in one place: a blind coder sees only their own codings, only
their sample, no respondent identity, and no review or adjudication."""

import pytest
from teams_project import add_code, add_coding, build_project, segment_ids

from workbench.errors import UserError
from workbench.review.blind import Visibility
from workbench.store import teams
from workbench.store.answers import AnswerFilter


@pytest.fixture
def store(tmp_path):
    project = build_project(tmp_path / "p.db", respondents=6)
    code = add_code(project, "Uendret samarbeid")
    segments = segment_ids(project)
    for segment in segments:
        add_coding(project, segment, code, "kari")
    add_coding(project, segments[1], code, "ola")
    teams.add_assignments(project, segments[:3], "ola", blind=True)
    project.code = code
    yield project
    project.close()


def answers(store) -> list[int]:
    return [row["id"] for row in store.rows("SELECT id FROM answers ORDER BY id")]


def test_a_blind_coder_sees_only_her_codings_within_her_sample(store):
    view = Visibility.of(store, "ola")
    ids = answers(store)
    assert view.blind and view.sample == frozenset(ids[:3])
    coded = view.answer_ids(store, "q01", 2024, AnswerFilter(code_id=store.code))
    assert coded == [ids[1]]
    assert view.answers(ids) == ids[:3]
    usage = view.code_usage(store)
    assert [len(found) for found in usage[store.code]] == [1, 1]
    base, rows = view.respondents_per_code(store, "q01", 2024)
    assert (base, rows[0]["respondents"]) == (3, 1)
    rows = [{"coder": "kari"}, {"coder": "ola"}]
    assert view.codings(rows) == [{"coder": "ola"}]
    assert view.respondent_label("r0001", ids[1]) == f"answer {ids[1]}"


def test_a_blind_coder_cannot_filter_by_attributes_or_open_team_screens(store):
    view = Visibility.of(store, "ola")
    with pytest.raises(UserError, match="attributes are hidden"):
        view.answer_ids(store, "q01", 2024, AnswerFilter(county="Vestland"))
    with pytest.raises(UserError, match="Other coders' codings are hidden"):
        view.check_filter(AnswerFilter(coder="kari"))
    with pytest.raises(UserError, match="Adjudication is closed to ola"):
        view.refuse_team_screen("adjudication")


def test_the_lead_coder_sees_everything(store):
    view = Visibility.of(store, "kari")
    assert not view.blind and view.sample is None
    assert len(view.answer_ids(store, "q01", 2024, AnswerFilter(code_id=store.code))) == 6
    assert [len(found) for found in view.code_usage(store)[store.code]] == [6, 6]
    assert view.respondent_label("r0001", 2) == "r0001"
    view.refuse_team_screen("review")
    assert Visibility.of(store, "kari", chosen_blind=True).blind

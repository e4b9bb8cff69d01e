"""Double-coding samples: stratified by question, seeded, topped up rather than doubled."""

import pytest
from teams_project import build_project

from workbench.errors import UserError
from workbench.review.assign import assign_sample, blind_view, draw_sample
from workbench.store import teams


@pytest.fixture
def store(tmp_path):
    project = build_project(tmp_path / "p.db", respondents=20, questions=("q01", "q02"))
    yield project
    project.close()


def test_sample_is_stratified_by_question(store):
    result = assign_sample(store, "B", 0.25, seed=1)
    assert result.new_answers_by_question == {"q01": 5, "q02": 5}
    assert result.total_segments == 10


def test_same_seed_gives_same_sample(tmp_path):
    first = build_project(tmp_path / "a.db", respondents=30)
    second = build_project(tmp_path / "b.db", respondents=30)
    assign_sample(first, "B", 0.2, seed=7)
    assign_sample(second, "B", 0.2, seed=7)
    assert teams.assigned_answer_ids(first, "B") == teams.assigned_answer_ids(second, "B")


def test_assigning_again_tops_up_to_the_share(store):
    assign_sample(store, "B", 0.25, seed=1)
    again = assign_sample(store, "B", 0.25, seed=2)
    assert again.new_answers_by_question == {"q01": 0, "q02": 0}
    wider = assign_sample(store, "B", 0.5, question_id="q01", seed=3)
    assert wider.new_answers_by_question == {"q01": 5}
    assert wider.total_segments == 15


def test_tiny_share_still_samples_one_answer():
    chosen = draw_sample({"q": [1, 2, 3]}, set(), 0.01, seed=0)
    assert len(chosen["q"]) == 1


def test_blind_view(store):
    assert blind_view(store, "B").sample_answer_ids is None
    assert not blind_view(store, "B").hide_other_coders
    assign_sample(store, "B", 0.1, seed=1)
    view = blind_view(store, "B")
    assert view.hide_other_coders
    assert view.sample_answer_ids == frozenset(teams.assigned_answer_ids(store, "B"))
    assign_sample(store, "C", 0.1, seed=1, blind=False)
    assert not blind_view(store, "C").hide_other_coders
    assert blind_view(store, "A").sample_answer_ids is None


def test_user_mistakes(store):
    with pytest.raises(UserError):
        assign_sample(store, "B", 1.5)
    with pytest.raises(UserError):
        assign_sample(store, "B", 0.2, question_id="nope")


def test_assign_command(tmp_path, capsys):
    from workbench.cli import main

    build_project(tmp_path / "p.db", respondents=10).close()
    assert main(["assign", str(tmp_path / "p.db"), "--coder", "B", "--share", "0.3", "--seed", "4"]) == 0
    assert "B now has 3 segments to double-code (blind)." in capsys.readouterr().out
    assert main(["assign", str(tmp_path / "p.db"), "--coder", "B", "--share", "2"]) == 2


def test_only_questions_the_lead_coder_coded_are_sampled_unless_told_otherwise(store):
    from teams_project import add_code, add_coding, segment_ids

    code = add_code(store, "Anything")
    q02_segment = store.scalar(
        "SELECT s.id FROM segments s JOIN answers a ON a.id = s.answer_id WHERE a.question_id = 'q02' LIMIT 1"
    )
    add_coding(store, q02_segment, code, "kari")
    add_coding(store, segment_ids(store)[0], code, "consensus-like")
    store.execute("UPDATE coders SET is_consensus = 1 WHERE name = 'consensus-like'")
    result = assign_sample(store, "ola", 0.25, seed=1)
    assert result.new_answers_by_question == {"q02": 5} and result.questions_coded_only
    wider = assign_sample(store, "ola", 0.25, seed=1, all_questions=True)
    assert wider.new_answers_by_question == {"q01": 5, "q02": 0}
    events = teams.assignment_events(store)
    assert '"share": 0.25' in events[-1]["after"] and '"seed": 1' in events[-1]["after"]


def test_info_shows_each_sample_progress(tmp_path, capsys):
    from teams_project import add_code, add_coding

    from workbench.cli import main

    project = build_project(tmp_path / "p.db", respondents=10)
    assign_sample(project, "ola", 0.3, seed=4)
    code = add_code(project, "Anything")
    first = sorted(teams.assigned_answer_ids(project, "ola"))[0]
    segment = project.scalar("SELECT id FROM segments WHERE answer_id = ?", (first,))
    add_coding(project, segment, code, "ola")
    project.close()
    assert main(["info", str(tmp_path / "p.db")]) == 0
    assert "Double-coding sample of ola (blind): q01 1/3 coded (sample of 30 %)" in capsys.readouterr().out

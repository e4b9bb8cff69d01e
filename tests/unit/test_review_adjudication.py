"""Adjudication into a consensus layer, and review comments that travel with merge."""

import shutil

import pytest
from teams_project import add_code, add_coding, build_project, coding_triples, segment_ids

from workbench.errors import UserError
from workbench.review import adjudication, comments
from workbench.review.merge import merge_project


@pytest.fixture
def store(tmp_path):
    project = build_project(tmp_path / "p.db", respondents=4)
    waiting, staff, other = (add_code(project, name) for name in ("Waiting", "Staff", "Other"))
    segments = segment_ids(project)
    for segment in segments:
        add_coding(project, segment, waiting, "A")
    add_coding(project, segments[0], waiting, "B")
    add_coding(project, segments[1], staff, "B")
    add_coding(project, segments[2], other, "B")
    add_coding(project, segments[2], waiting, "B")
    project.codes = {"waiting": waiting, "staff": staff, "other": other}
    yield project
    project.close()


def test_disagreements_list_segments_coded_differently(store):
    items = adjudication.disagreements(store, "A", "B")
    assert len(items) == 2
    assert items[0].first_codes == (store.codes["waiting"],)
    assert items[0].second_codes == (store.codes["staff"],)
    assert items[0].text.startswith("Answer 1")
    assert adjudication.progress(items) == (0, 2)


def test_decisions_go_to_consensus_and_leave_coders_untouched(store):
    before = coding_triples(store)
    first, second = adjudication.disagreements(store, "A", "B")
    assert adjudication.decide(store, first, ("A", "B"), "second", "Lead") == {store.codes["staff"]}
    adjudication.decide(store, second, ("A", "B"), "both", "Lead")
    adjudication.decide(store, second, ("A", "B"), "edit", "Lead", edited=[store.codes["other"]])
    after = coding_triples(store)
    assert {triple for triple in after if triple[2] != "consensus"} == before
    consensus = {(segment, code) for segment, code, coder in after if coder == "consensus"}
    assert consensus == {(first.segment_id, store.codes["staff"]), (second.segment_id, store.codes["other"])}
    assert store.scalar("SELECT is_consensus FROM coders WHERE name = 'consensus'") == 1
    items = adjudication.disagreements(store, "A", "B")
    assert adjudication.progress(items) == (2, 2)
    assert [item.decision for item in items] == ["second", "edit"]
    with pytest.raises(UserError):
        adjudication.decide(store, first, ("A", "B"), "maybe", "Lead")


def test_definition_sharpened_on_the_spot(store):
    adjudication.sharpen_definition(store, store.codes["staff"], " Mentions staffing. ", "Lead")
    assert store.scalar("SELECT definition FROM codes WHERE id = ?", (store.codes["staff"],)) == (
        "Mentions staffing."
    )


def test_review_marks_show_up_for_the_coder_after_merge(store, tmp_path):
    reviewer_copy = tmp_path / "reviewer.db"
    store.close()
    shutil.copy(tmp_path / "p.db", reviewer_copy)
    from workbench.project import open_project

    with open_project(reviewer_copy) as reviewer:
        answers = comments.answers_to_review(reviewer, "A")
        assert len(answers) == 4
        segment = comments.review_answer(reviewer, answers[0], "A")[0]
        assert segment.code_paths == ("Waiting",)
        comments.mark_agree(reviewer, segment.segment_id, "A", "B")
        comments.leave_comment(reviewer, segment.segment_id, "A", "B", "Also about staff?")
        with pytest.raises(UserError):
            comments.leave_comment(reviewer, segment.segment_id, "A", "B", "  ")
    with open_project(tmp_path / "p.db") as coder_file:
        assert comments.marks_for(coder_file, "A") == []
        merge_project(coder_file, reviewer_copy)
        marks = comments.marks_for(coder_file, "A")
        assert [(mark.verdict, mark.text) for mark in marks] == [
            ("agree", ""),
            ("comment", "Also about staff?"),
        ]
        assert len(comments.review_answer(coder_file, answers[0], "A")[0].marks) == 2


def test_every_decision_is_recorded_neither_included_and_can_be_undone(store):
    from workbench.store import codings as coding_rows
    from workbench.store import teams

    first, second = adjudication.disagreements(store, "A", "B")
    adjudication.decide(store, first, ("A", "B"), "first", "Lead")
    adjudication.decide(store, first, ("A", "B"), "neither", "Lead")
    adjudication.decide(store, second, ("A", "B"), "both", "Lead")
    settled = teams.settled_segments(store)
    assert settled[first.segment_id]["decision"] == "neither"
    assert settled[first.segment_id]["codes"] == "[]"
    assert (
        store.scalar(
            "SELECT COUNT(*) FROM codings WHERE coder = 'consensus' AND segment_id = ?", (first.segment_id,)
        )
        == 0
    )
    assert adjudication.undo_decision(store, first, ("A", "B"), "Lead") == "first"
    assert coding_rows.codes_of_segment(store, first.segment_id, "consensus") == [store.codes["waiting"]]
    assert adjudication.undo_decision(store, first, ("A", "B"), "Lead") is None
    assert first.segment_id not in teams.settled_segments(store)
    assert coding_rows.codes_of_segment(store, first.segment_id, "consensus") == []
    with pytest.raises(UserError, match="no decision on this segment"):
        adjudication.undo_decision(store, first, ("A", "B"), "Lead")
    assert adjudication.progress(adjudication.disagreements(store, "A", "B")) == (1, 2)

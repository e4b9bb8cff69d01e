"""Undo and redo of every coding-core operation, read back from the event log."""

import pytest
from coding_project import answer_id, build_project, table_dump

from workbench import coding


@pytest.fixture
def store(tmp_path):
    store = build_project(tmp_path / "p.db", {"q01": ["Første svar her. Og mer.", "Andre svar", "Tredje"]})
    yield store
    store.close()


def segment_of(store, number):
    return coding.segments_of_answer(store, answer_id(store, "q01", number))[0].id


def every_operation(store):
    theme = coding.create_code(store, "Tema", "ann", is_theme=True).id
    a = coding.create_code(store, "A", "ann", parent_id=theme).id
    b = coding.code_for_path(store, "Annet tema > B", "ann")
    coding.apply_codes(store, segment_of(store, 0), [a, b], "ann")
    coding.apply_codes(store, segment_of(store, 1), [a], "ann")
    coding.rename_code(store, a, "A ny", "ann")
    coding.define_code(store, a, "ann", definition="Regel", example_segment_id=segment_of(store, 0))
    left, right = coding.split_segment(store, segment_of(store, 0), 5, "ann")
    coding.move_code(store, b, theme, "ann")
    coding.reorder_code(store, b, 0, "ann")
    coding.merge_segments(store, left, right, "ann")
    split_off = coding.split_code(
        store, a, "A del", [coding.apply_codes(store, segment_of(store, 2), [a], "ann")[0]], "ann"
    )
    coding.merge_codes(store, split_off, b, "ann")
    coding.remove_codes(store, segment_of(store, 1), [a], "ann")
    coding.retire_code(store, a, "ann")


def test_undoing_everything_restores_the_start_and_redo_replays(store):
    start = table_dump(store)
    every_operation(store)
    end = table_dump(store)
    undone = []
    while (description := coding.undo(store, "ann")) is not None:
        undone.append(description)
    assert len(undone) == 16
    assert {k: v for k, v in table_dump(store).items() if k != "coders"} == {
        k: v for k, v in start.items() if k != "coders"
    }
    while coding.redo(store, "ann") is not None:
        pass
    assert table_dump(store) == end


def test_undo_and_redo_append_events_and_never_delete(store):
    every_operation(store)
    count = store.scalar("SELECT COUNT(*) FROM events")
    coding.undo(store, "ann")
    coding.redo(store, "ann")
    kinds = [row["kind"] for row in store.rows("SELECT kind FROM events ORDER BY seq DESC LIMIT 2")]
    assert kinds == ["redo", "undo"]
    assert store.scalar("SELECT COUNT(*) FROM events") == count + 2


def test_noop_actions_leave_nothing_to_undo(store):
    code = coding.create_code(store, "A", "ann").id
    coding.apply_codes(store, segment_of(store, 0), [code], "ann")
    coding.apply_codes(store, segment_of(store, 0), [code], "ann")
    assert coding.undo(store, "ann") == "apply codes"
    assert coding.undo(store, "ann") == "create code"


def test_codes_applied_to_many_segments_are_one_undo_step(tmp_path):
    from workbench import coding
    from workbench.project import create_project
    from workbench.store import answers as answer_rows
    from workbench.store import segments as segment_rows
    from workbench.store import stable_id, survey

    store = create_project(tmp_path / "bulk.db")
    with store.atomic():
        survey.ensure_question(store, "q1")
        segment_ids = []
        for respondent in ("a", "b", "c"):
            survey.upsert_respondent(store, respondent, {})
            answer_id = answer_rows.insert_answer(store, respondent, "q1", 2024, "Som før.")
            segment_ids.append(stable_id("segment", respondent, "q1", 2024))
            segment_rows.insert_segment(
                store, {"id": segment_ids[-1], "answer_id": answer_id, "start": 0, "end": 8}
            )
    code_id = coding.create_code(store, "Ingen endring", "kari").id
    created = coding.apply_to_segments(store, segment_ids, [code_id], "kari", how="bulk")
    assert len(created) == 3
    assert coding.apply_to_segments(store, segment_ids, [code_id], "kari", how="bulk") == []
    coding.undo(store, "kari")
    assert store.scalar("SELECT COUNT(*) FROM codings") == 0
    coding.redo(store, "kari")
    assert store.scalar("SELECT COUNT(*) FROM codings WHERE how = 'bulk'") == 3

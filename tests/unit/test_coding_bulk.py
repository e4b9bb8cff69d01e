"""Bulk coding is one action: one transaction, one event, one undo step, all or nothing."""

from __future__ import annotations

import pytest

from tests.unit.coding_project import answer_id, build_project, table_dump
from workbench import coding
from workbench.errors import UserError

ANSWERS = ["Som før.", "Ingen endring.", "Uendret.", "Bedre samarbeid."]


@pytest.fixture
def store(tmp_path):
    store = build_project(tmp_path / "bulk.db", {"q01": ANSWERS})
    yield store
    store.close()


def answers(store, *numbers):
    return [answer_id(store, "q01", number) for number in numbers]


def apply_events(store) -> int:
    return store.scalar("SELECT COUNT(*) FROM events WHERE kind = 'coding.apply'")


def test_many_answers_are_one_event_and_one_undo(store):
    code = coding.create_code(store, "Ingen endring", "kari").id
    assert coding.apply_to_answers(store, answers(store, 0, 1, 2), [code], "kari") == 3
    assert apply_events(store) == 1
    assert store.scalar("SELECT COUNT(*) FROM codings WHERE how = 'bulk'") == 3
    assert coding.undo(store, "kari") is not None
    assert store.scalar("SELECT COUNT(*) FROM codings") == 0
    assert coding.Codebook.from_store(store).get(code) is not None


def test_existing_codings_are_skipped_and_nothing_new_logs_nothing(store):
    code = coding.create_code(store, "Ingen endring", "kari").id
    coding.apply_to_answers(store, answers(store, 0), [code], "kari")
    coding.apply_to_answers(store, answers(store, 0, 1), [code], "kari")
    assert store.scalar("SELECT COUNT(*) FROM codings") == 2
    events = apply_events(store)
    assert coding.apply_to_answers(store, answers(store, 0, 1), [code], "kari") == 2
    assert apply_events(store) == events


def test_progress_is_reported_per_segment(store):
    code = coding.create_code(store, "Ingen endring", "kari").id
    seen = []
    coding.apply_to_answers(
        store, answers(store, 0, 1), [code], "kari", on_progress=lambda d, t: seen.append((d, t))
    )
    assert seen == [(1, 2), (2, 2)]


def test_stopping_rolls_back_everything(store):
    code = coding.create_code(store, "Ingen endring", "kari").id
    before = table_dump(store)
    calls = []

    def stop_on_second() -> bool:
        calls.append(1)
        return len(calls) > 1

    with pytest.raises(coding.Stopped):
        coding.apply_to_answers(store, answers(store, 0, 1, 2), [code], "kari", stop=stop_on_second)
    assert table_dump(store) == before
    assert apply_events(store) == 0


def test_a_retired_code_or_a_theme_is_refused_with_nothing_written(store):
    theme = coding.create_code(store, "Tema", "kari", is_theme=True).id
    retired = coding.create_code(store, "Gammel", "kari").id
    coding.retire_code(store, retired, "kari")
    before = table_dump(store)
    with pytest.raises(UserError, match="is a theme"):
        coding.apply_to_answers(store, answers(store, 0, 1), [theme], "kari")
    with pytest.raises(UserError, match="merged or retired"):
        coding.apply_to_answers(store, answers(store, 0, 1), [retired], "kari")
    with pytest.raises(UserError, match="no segment"):
        coding.apply_to_segments(store, ["nope"], [coding.create_code(store, "Ny", "kari").id], "kari")
    assert store.scalar("SELECT COUNT(*) FROM codings") == 0
    assert table_dump(store)["codings"] == before["codings"]


def test_nothing_to_do_when_no_answers_or_codes(store):
    code = coding.create_code(store, "Ingen endring", "kari").id
    assert coding.apply_to_answers(store, [], [code], "kari") == 0
    assert coding.apply_to_answers(store, answers(store, 0), [], "kari") == 0
    assert apply_events(store) == 0


def test_an_unknown_how_is_a_programming_error(store):
    code = coding.create_code(store, "Ingen endring", "kari").id
    with pytest.raises(ValueError, match="how must be one of"):
        coding.apply_to_segments(store, [], [code], "kari", how="guessed")

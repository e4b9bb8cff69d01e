"""Editing a stored question mapping after import: status and source changes, answers moved
only while they carry no work, swaps refused, every save one event."""

import pytest
import yaml

from workbench import coding
from workbench.errors import UserError
from workbench.ingest import import_survey
from workbench.ingest.mapping_edit import (
    earlier_questions,
    load_mapping,
    mapped_waves,
    mapping_problem,
    with_sources,
    with_status,
)
from workbench.ingest.mapping_save import save_mapping
from workbench.project import create_project
from workbench.store import waves
from workbench.store.imports import default_segment_id

CODER = "kari"
TEXTS = {"q1": "Hvordan fungerer samarbeidet med fastlegene?", "q2": "Hva er utfordringene med bolig?"}


def _write(path, rows):
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def store(tmp_path):
    store = create_project(tmp_path / "p.db")
    questions = _write(
        tmp_path / "q.yaml", [f"- {{id: {key}, text: '{text}'}}" for key, text in TEXTS.items()]
    )
    answers = _write(tmp_path / "a.csv", ["respondent_id;q1;q2", "r1;Godt;Dyrt", "r2;Dårlig;Mangler"])
    import_survey(store, answers, wave=2023, questions_file=questions)
    questions_2024 = _write(
        tmp_path / "q24.yaml",
        [
            "- {id: f1, text: 'Hvordan fungerer samarbeidet med fastlegene i dag?'}",
            "- {id: f2, text: 'Hva er de største utfordringene med bolig?'}",
        ],
    )
    mapping = {
        "wave": 2024,
        "questions": [{"id": "f1", "status": "continued", "from": ["q1"]}, {"id": "f2", "status": "new"}],
    }
    (tmp_path / "map.yaml").write_text(yaml.safe_dump(mapping), encoding="utf-8")
    answers_2024 = _write(tmp_path / "b.csv", ["respondent_id;f1;f2", "r1;Bra;Dyrt nå", "r3;Greit;"])
    import_survey(
        store, answers_2024, wave=2024, questions_file=questions_2024, mapping_file=tmp_path / "map.yaml"
    )
    yield store
    store.close()


def _text_of(store):
    return {row["id"]: row["text"] for row in earlier_questions(store, 2024)}


def test_the_stored_mapping_reads_back_with_similarities(store):
    assert mapped_waves(store) == [2024]
    mapping = load_mapping(store, 2024)
    assert [(link.form_id, link.status, link.sources) for link in mapping.links] == [
        ("f1", "continued", ("q1",)),
        ("f2", "new", ()),
    ]
    assert mapping.links[0].score == 100 and mapping.links[1].score == 0
    assert mapping.dropped == ("q2",)
    with pytest.raises(UserError, match="wave 2022 has no question mapping"):
        load_mapping(store, 2022)


def test_new_to_continued_moves_the_answers_and_back_again(store):
    mapping = with_status(load_mapping(store, 2024), "f2", "continued")
    assert mapping_problem(store, mapping) == "f2 is continued: choose one earlier question (f)."
    mapping = with_sources(mapping, "f2", ("q2",), _text_of(store))
    assert mapping.links[1].score > 70 and mapping.dropped == ()
    result = save_mapping(store, mapping, CODER)
    assert result.moved_answers == 2 and "f2 → q2" in result.describe()
    assert result.dropped_questions == ("f2",)
    moved = store.rows(
        "SELECT a.respondent_id, s.id FROM answers a JOIN segments s ON s.answer_id = a.id "
        "WHERE a.wave = 2024 AND a.question_id = 'q2'"
    )
    assert [(row["respondent_id"], row["id"]) for row in moved] == [
        ("r1", default_segment_id("r1", "q2", 2024))
    ]
    assert store.scalar("SELECT COUNT(*) FROM questions WHERE id = 'f2'") == 0
    assert store.scalar("SELECT COUNT(*) FROM events WHERE kind = 'wave.mapping'") == 1

    back = with_status(load_mapping(store, 2024), "f2", "new")
    assert back.links[1].sources == ()
    save_mapping(store, back, CODER)
    assert (
        store.scalar("SELECT text FROM questions WHERE id = 'f2'")
        == "Hva er de største utfordringene med bolig?"
    )
    assert store.scalar("SELECT COUNT(*) FROM answers WHERE question_id = 'f2' AND wave = 2024") == 2
    assert store.scalar("SELECT COUNT(*) FROM answers WHERE question_id = 'q2' AND wave = 2024") == 0


def test_coded_answers_are_never_moved(store):
    answer = store.scalar(
        "SELECT id FROM answers WHERE wave = 2024 AND question_id = 'q1' AND respondent_id = 'r1'"
    )
    segment = coding.segments_of_answer(store, answer)[0].id
    code = coding.code_for_path(store, "Godt", CODER)
    coding.apply_codes(store, segment, [code], CODER)
    mapping = with_sources(
        with_status(load_mapping(store, 2024), "f1", "split"), "f1", ("q1",), _text_of(store)
    )
    before = waves.question_wave_rows(store, 2024)
    with pytest.raises(UserError, match=r"f1: 1 of its 2024 answers are coded or worked on already"):
        save_mapping(store, mapping, CODER)
    coding.remove_codes(store, segment, [code], CODER)  # undone work still has events on the segment
    with pytest.raises(UserError, match=r"f1: 1 of its 2024 answers"):
        save_mapping(store, mapping, CODER)
    assert waves.question_wave_rows(store, 2024) == before
    assert store.scalar("SELECT question_id FROM answers WHERE id = ?", (answer,)) == "q1"


def test_a_change_that_keeps_the_answers_in_place_is_saved_even_when_coded(store):
    answer = store.scalar(
        "SELECT id FROM answers WHERE wave = 2024 AND question_id = 'f2' AND respondent_id = 'r1'"
    )
    segment = coding.segments_of_answer(store, answer)[0].id
    coding.apply_codes(store, segment, [coding.code_for_path(store, "Dyrt", CODER)], CODER)
    mapping = with_sources(
        with_status(load_mapping(store, 2024), "f2", "split"), "f2", ("q2",), _text_of(store)
    )
    result = save_mapping(store, mapping, CODER)
    assert result.moves == () and "no answers moved" in result.describe()
    row = [row for row in waves.question_wave_rows(store, 2024) if row["form_id"] == "f2"][0]
    assert (row["question_id"], row["status"], row["sources"]) == ("f2", "split", ["q2"])


def test_bad_mappings_are_refused_with_one_sentence(store):
    mapping = load_mapping(store, 2024)
    merged = with_sources(with_status(mapping, "f2", "merged"), "f2", ("q2",), _text_of(store))
    assert mapping_problem(store, merged) == "f2 is merged: choose two or more earlier questions (f)."
    unknown = with_sources(with_status(mapping, "f2", "split"), "f2", ("f1",), _text_of(store))
    assert mapping_problem(store, unknown) == "f2 comes from f1, which no other wave asks."
    twice = with_sources(with_status(mapping, "f2", "continued"), "f2", ("q1",), _text_of(store))
    assert mapping_problem(store, twice) == "two questions continue q1; mark them both as split from it."
    with pytest.raises(UserError, match="not one of"):
        with_status(mapping, "f2", "gone")
    with pytest.raises(UserError, match="has no question f9"):
        with_status(mapping, "f9", "new")


def test_a_swap_of_earlier_questions_is_refused(store):
    both = with_sources(
        with_status(load_mapping(store, 2024), "f2", "continued"), "f2", ("q2",), _text_of(store)
    )
    save_mapping(store, both, CODER)
    swapped = with_sources(with_sources(load_mapping(store, 2024), "f1", ("q2",), {}), "f2", ("q1",), {})
    with pytest.raises(UserError, match="swap their earlier questions"):
        save_mapping(store, swapped, CODER)


def test_importing_the_wave_again_with_an_outdated_mapping_file_is_refused(store, tmp_path):
    mapping = with_sources(with_status(load_mapping(store, 2024), "f2", "continued"), "f2", ("q2",), {})
    save_mapping(store, mapping, CODER)
    with pytest.raises(UserError, match=r"map.yaml: wave 2024 stores f2 under q2, not f2; make the file"):
        import_survey(
            store,
            tmp_path / "b.csv",
            wave=2024,
            questions_file=tmp_path / "q24.yaml",
            mapping_file=tmp_path / "map.yaml",
        )
    assert store.scalar("SELECT COUNT(*) FROM answers WHERE wave = 2024") == 4

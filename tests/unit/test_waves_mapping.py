"""A new wave beside the old: the question mapping proposed, read from a file, applied, stored."""

from pathlib import Path

import pytest
import yaml

from workbench.cli import main
from workbench.errors import UserError
from workbench.ingest import QuestionSpec, import_survey
from workbench.ingest.mapping import propose_mapping
from workbench.ingest.mapping_file import read_mapping_file, write_mapping_file
from workbench.project import create_project, open_project
from workbench.store import waves

DEMO = Path(__file__).resolve().parents[2] / "workbench" / "demo"
EARLIER = [
    {"id": "q1", "text": "Hvordan fungerer samarbeidet med fastlegene?", "form_ids": ["q1"]},
    {
        "id": "q2",
        "text": "Hva er de største utfordringene knyttet til bolig for målgruppen?",
        "form_ids": ["q2"],
    },
    {"id": "q3", "text": "Hvordan fungerer samarbeidet med barnevernstjenesten?", "form_ids": ["q3", "bv"]},
    {"id": "q4", "text": "Har kommunen tilbud om dagaktivitet?", "form_ids": ["q4"]},
]


def _spec(question_id: str, text: str) -> QuestionSpec:
    return QuestionSpec(question_id, text)


def _links(mapping):
    return {link.form_id: (link.status, link.sources) for link in mapping.links}


def test_same_id_with_reworded_text_continues_by_id():
    mapping = propose_mapping([_spec("q1", "Hvordan er samarbeidet med legene nå?")], EARLIER, 2024)
    assert _links(mapping) == {"q1": ("continued", ("q1",))}
    assert not mapping.by_text and not mapping.needs_review


def test_an_id_an_earlier_form_used_continues_that_question():
    mapping = propose_mapping([_spec("bv", "")], EARLIER, 2024)
    assert _links(mapping) == {"bv": ("continued", ("q3",))}


def test_renamed_id_with_same_or_reworded_text_continues_by_text():
    questions = [
        _spec("fastlege", "Hvordan fungerer samarbeidet med fastlegene?"),
        _spec("bolig", "Hva er de største utfordringene med bolig for personer med rusproblemer?"),
    ]
    mapping = propose_mapping(questions, EARLIER, 2024)
    assert _links(mapping) == {"fastlege": ("continued", ("q1",)), "bolig": ("continued", ("q2",))}
    assert mapping.by_text == ("fastlege", "bolig") and mapping.needs_review


def test_new_and_dropped_questions():
    questions = [_spec("q1", ""), _spec("digital", "Hvilke digitale tjenester tilbyr kommunen?")]
    mapping = propose_mapping(questions, EARLIER, 2024)
    assert _links(mapping)["digital"] == ("new", ())
    assert mapping.dropped == ("q2", "q3", "q4")


def test_two_new_questions_from_one_old_are_a_split():
    questions = [
        _spec("bolig_a", "Hva er de største utfordringene knyttet til bolig for unge i målgruppen?"),
        _spec("bolig_b", "Hva er de største utfordringene knyttet til bolig for eldre i målgruppen?"),
    ]
    mapping = propose_mapping(questions, EARLIER, 2024)
    assert _links(mapping) == {"bolig_a": ("split", ("q2",)), "bolig_b": ("split", ("q2",))}


def test_one_new_question_from_two_old_is_a_merge():
    question = _spec("samarbeid", "Hvordan fungerer samarbeidet med fastlegene og med barnevernstjenesten?")
    mapping = propose_mapping([question], EARLIER, 2024)
    assert _links(mapping) == {"samarbeid": ("merged", ("q1", "q3"))}
    assert mapping.needs_review


@pytest.fixture
def demo_project(tmp_path):
    path = tmp_path / "p.db"
    with create_project(path) as store:
        import_survey(store, DEMO / "answers.csv", questions_file=DEMO / "questions.yaml", wave=2023)
    return path


def _import_2024(store, mapping_file=None):
    return import_survey(
        store,
        DEMO / "answers_2024.csv",
        questions_file=DEMO / "questions_2024.yaml",
        wave=2024,
        mapping_file=mapping_file,
    )


def test_demo_second_wave_needs_a_checked_mapping(demo_project):
    with open_project(demo_project) as store, pytest.raises(UserError, match="rus_utfordringer → q03"):
        _import_2024(store)
    with open_project(demo_project) as store:
        assert waves.question_wave_rows(store, 2024) == []
        assert store.scalar("SELECT COUNT(*) FROM answers WHERE wave = 2024") == 0


def test_demo_second_wave_stored_under_continued_questions(demo_project, tmp_path, capsys):
    mapping_file = tmp_path / "map.yaml"
    arguments = [
        "import",
        str(demo_project),
        str(DEMO / "answers_2024.csv"),
        "--questions",
        str(DEMO / "questions_2024.yaml"),
        "--wave",
        "2024",
        "--map",
        str(mapping_file),
    ]
    assert main(arguments) == 0
    assert "Nothing imported" in capsys.readouterr().out
    proposal = yaml.safe_load(mapping_file.read_text("utf-8"))
    assert proposal["dropped"] == ["q02"]
    assert main(arguments) == 0
    assert "266 respondents, wave 2024" in capsys.readouterr().out
    with open_project(demo_project) as store:
        rows = {row["form_id"]: row for row in waves.question_wave_rows(store, 2024)}
        bolig_answers = store.scalar("SELECT COUNT(*) FROM answers WHERE question_id = 'q05' AND wave = 2024")
        new_questions = store.scalar("SELECT COUNT(*) FROM questions WHERE id IN ('bolig', 'q11', 'q12')")
    assert rows["bolig"]["question_id"] == "q05" and rows["bolig"]["status"] == "continued"
    assert rows["q11"]["status"] == "new" and rows["q11"]["sources"] == []
    assert bolig_answers == 266 and new_questions == 2
    assert main(arguments) == 0
    assert "0 new" in capsys.readouterr().out
    assert main(arguments[:-2]) == 0  # again without --map: the stored mapping is the proposal
    assert "0 new" in capsys.readouterr().out


def test_edited_mapping_is_followed(demo_project, tmp_path):
    mapping_file = tmp_path / "map.yaml"
    with open_project(demo_project) as store:
        from workbench.ingest import read_survey
        from workbench.ingest.wave_import import proposed_mapping

        survey = read_survey(DEMO / "answers_2024.csv", questions_file=DEMO / "questions_2024.yaml")
        write_mapping_file(mapping_file, proposed_mapping(store, survey, 2024))
    document = yaml.safe_load(mapping_file.read_text("utf-8"))
    for entry in document["questions"]:
        if entry["id"] == "q07_annet":
            entry["status"], entry["from"] = "new", []
    mapping_file.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    with open_project(demo_project) as store:
        _import_2024(store, mapping_file)
        assert store.scalar("SELECT COUNT(*) FROM answers WHERE question_id = 'q07_annet'") == 266
        assert store.scalar("SELECT COUNT(*) FROM answers WHERE question_id = 'q07' AND wave = 2024") == 0


def _mapping_text(entries: list[dict]) -> str:
    return yaml.safe_dump({"wave": 2024, "questions": entries}, allow_unicode=True)


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        ([{"id": "a", "status": "kept", "from": ["q1"]}], "status 'kept' is not one of"),
        ([{"id": "a", "status": "continued", "from": ["q1", "q2"]}], "needs one question in 'from'"),
        ([{"id": "a", "status": "merged", "from": ["q1"]}], "needs two or more questions"),
        ([{"id": "a", "status": "continued", "from": ["q9"]}], "q9, which is not a question"),
        ([{"id": "q1", "status": "new"}], "q1 is already a question of this project"),
        ([{"id": "b", "status": "new"}], "does not map question a"),
        ([{"id": "a", "status": "new"}, {"id": "a", "status": "new"}], "maps a twice"),
    ],
)
def test_mapping_file_mistakes_are_named(tmp_path, entries, message):
    path = tmp_path / "map.yaml"
    path.write_text(_mapping_text(entries), encoding="utf-8")
    with pytest.raises(UserError, match=message):
        read_mapping_file(path, 2024, ["a"], {"q1", "q2"})


def test_two_questions_continuing_one_must_be_a_split(tmp_path):
    path = tmp_path / "map.yaml"
    entries = [
        {"id": "a", "status": "continued", "from": ["q1"]},
        {"id": "b", "status": "continued", "from": ["q1"]},
    ]
    path.write_text(_mapping_text(entries), encoding="utf-8")
    with pytest.raises(UserError, match="two questions continue q1"):
        read_mapping_file(path, 2024, ["a", "b"], {"q1"})


def test_mapping_for_another_wave_or_unreadable_is_refused(tmp_path):
    path = tmp_path / "map.yaml"
    path.write_text("wave: 2022\nquestions: []\n", encoding="utf-8")
    with pytest.raises(UserError, match="for wave 2022, not wave 2024"):
        read_mapping_file(path, 2024, [], set())
    path.write_text("questions: [unclosed\n", encoding="utf-8")
    with pytest.raises(UserError, match="cannot read the mapping file"):
        read_mapping_file(path, 2024, [], set())


def test_the_coding_session_shows_a_reworded_question_as_its_wave_asked_it(tmp_path):
    from workbench.coding.session import CodingSession
    from workbench.demo.builder import ensure_demo_project
    from workbench.project import open_project

    path, _ = ensure_demo_project(tmp_path / "demo.db")
    with open_project(path) as store:
        earlier, later = CodingSession(store, "kari", 2023), CodingSession(store, "kari", 2024)
        assert "koronapandemien" in earlier.questions["q01"]["text"]
        assert later.questions["q01"]["text"] == "Hvordan fungerer samarbeidet med fastlegene i dag?"
        assert earlier.questions["q09"]["text"] == later.questions["q09"]["text"]

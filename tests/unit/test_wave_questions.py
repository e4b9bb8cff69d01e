"""The coding screen offers only the questions the coded wave asked (q3 is new in 2024)."""

import pytest

from workbench.coding.session import CodingSession
from workbench.coding.wave_questions import questions_as_asked
from workbench.ingest import import_survey
from workbench.project import create_project, open_project

WAVES = {
    2023: ("q1;q2", ["Samarbeid er godt;Bolig mangler", "Lite kontakt;For få boliger"]),
    2024: ("q1;q3", ["Bedre samarbeid;Digitale møter", "Som før;Ingen digitale tjenester"]),
}
QUESTIONS = {
    "q1": "Hvordan fungerer samarbeidet med fastlegene?",
    "q2": "Hva er de største utfordringene med bolig?",
    "q3": "Hvilke digitale tjenester tilbyr kommunen? [bold]x[/bold]",
}


def _import(store, folder, wave):
    columns, rows = WAVES[wave]
    survey = folder / f"answers_{wave}.csv"
    body = [f"{index};{row}" for index, row in enumerate(rows, start=1)]
    survey.write_text("\n".join([f"respondent_id;{columns}", *body]) + "\n", encoding="utf-8")
    spec = folder / f"questions_{wave}.yaml"
    spec.write_text(
        "".join(f"- id: {q}\n  text: {QUESTIONS[q]!r}\n  kind: open\n" for q in columns.split(";")),
        encoding="utf-8",
    )
    import_survey(store, survey, layout="wide", wave=wave, questions_file=spec)


@pytest.fixture
def two_waves(tmp_path):
    path = tmp_path / "p.db"
    with create_project(path) as store:
        _import(store, tmp_path, 2023)
        _import(store, tmp_path, 2024)
    return path


def test_each_wave_lists_only_the_questions_it_asked(two_waves):
    with open_project(two_waves) as store:
        assert list(questions_as_asked(store, 2023)) == ["q1", "q2"]
        assert list(questions_as_asked(store, 2024)) == ["q1", "q3"]
        assert list(questions_as_asked(store, None)) == ["q1", "q2", "q3"]
        assert questions_as_asked(store, 2024)["q3"]["text"] == QUESTIONS["q3"]


def test_a_wave_without_a_mapping_lists_every_question(two_waves):
    with open_project(two_waves) as store:
        assert list(questions_as_asked(store, 2031)) == ["q1", "q2", "q3"]


def test_the_session_does_not_open_a_question_of_another_wave(two_waves):
    with open_project(two_waves) as store:
        session = CodingSession(store, "ana", 2023)
        assert session.known_question("q3") == "q1"
        with pytest.raises(Exception, match="no question 'q3'"):
            session.open_question("q3")

"""Wide and long layouts: questions, respondents with filled attributes, answers, segments, waves."""

import json

from workbench.ingest import import_survey, read_questions_file
from workbench.project import create_project
from workbench.store import stable_id

QUESTIONS_YAML = """\
- id: q_gp
  text: Hvordan fungerte samarbeidet med fastlegene?
  kind: open
  chapter: "3"
  single_code: true
- id: q_other
  text: Annet, hva?
  kind: other
  chapter: 4
"""


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def attributes(store, respondent):
    return json.loads(store.scalar("SELECT attributes FROM respondents WHERE id = ?", (respondent,)))


def test_wide_with_questions_yaml_keeps_file_order_and_metadata(tmp_path):
    questions = write(tmp_path, "questions.yaml", QUESTIONS_YAML)
    answers = write(tmp_path, "a.csv", "kommune;q_other;innbyggere;q_gp\n1804;Mer tid;52 803;Godt\n")
    with create_project(tmp_path / "p.db") as store:
        import_survey(store, answers, questions_file=questions, wave=2023)
        rows = store.rows(
            "SELECT id, text, kind, chapter, position, single_code FROM questions ORDER BY position"
        )
        assert [(r["id"], r["kind"], r["chapter"], r["single_code"]) for r in rows] == [
            ("q_gp", "open", "3", 1),
            ("q_other", "other", "4", 0),
        ]
        assert rows[0]["text"] == "Hvordan fungerte samarbeidet med fastlegene?"
        assert attributes(store, "1804") == {
            "innbyggere": "52 803",
            "name": "Bodø",
            "county": "Nordland",
            "population": 52803,
            "size_group": "50 000 og over",
        }


def test_questions_file_as_csv(tmp_path):
    path = write(tmp_path, "q.csv", "id;text;kind;chapter;single_code\nq1;Første;comment;2;ja\n")
    [spec] = read_questions_file(path)
    assert (spec.id, spec.text, spec.kind, spec.chapter, spec.single_code) == (
        "q1",
        "Første",
        "comment",
        "2",
        True,
    )


def test_wide_id_column_option_and_attribute_columns(tmp_path):
    answers = write(tmp_path, "a.csv", "navn,nr,fylke,q1\nMitt navn,301,Egen,Svar\n")
    with create_project(tmp_path / "p.db") as store:
        import_survey(store, answers, id_column="nr", question_columns=["q1"], wave=2023)
        assert store.scalar("SELECT respondent_id FROM answers") == "0301"
        assert attributes(store, "0301") == {
            "navn": "Mitt navn",
            "fylke": "Egen",
            "name": "Oslo",
            "county": "Oslo",
        }


def test_file_attributes_win_and_districts_are_filled(tmp_path):
    answers = write(
        tmp_path,
        "a.csv",
        "id;name;size_group;folketall;q1\n3024;Eget navn;;12000;x\n030102;;;;y\nX-9;;;;z\n",
    )
    with create_project(tmp_path / "p.db") as store:
        import_survey(store, answers, question_columns=["q1"], wave=2023)
        bærum = attributes(store, "3024")
        assert (bærum["name"], bærum["county"], bærum["size_group"]) == (
            "Eget navn",
            "Viken",
            "10 000–19 999",
        )
        assert attributes(store, "030102") == {
            "name": "Bydel Grünerløkka",
            "county": "Oslo",
            "size_group": "Bydel i Oslo",
        }
        assert attributes(store, "X-9") == {}


def test_nonresponses_are_kept_raw_without_segments(tmp_path):
    answers = write(tmp_path, "a.csv", "id;q1;q2;q3\n1804; \t ;;Svar\n")
    with create_project(tmp_path / "p.db") as store:
        result = import_survey(store, answers, question_columns=["q1", "q2", "q3"], wave=2023)
        rows = store.rows("SELECT question_id, text, is_nonresponse FROM answers ORDER BY id")
        segments = store.rows("SELECT * FROM segments")
    assert [(r["text"], r["is_nonresponse"]) for r in rows] == [(" \t ", 1), ("", 1), ("Svar", 0)]
    assert (result.new_answers, result.new_nonresponses) == (3, 2)
    assert len(segments) == 1
    assert segments[0]["id"] == stable_id("segment", "1804", "q3", 2023)
    assert (segments[0]["start"], segments[0]["end"]) == (0, 4)


def test_long_layout_with_attributes(tmp_path):
    answers = write(
        tmp_path,
        "long.csv",
        "respondent,question,text,population\n1804,q2,Andre svar,\n1804,q1,Første svar,1500\n4601,q1,,\n",
    )
    with create_project(tmp_path / "p.db") as store:
        result = import_survey(store, answers, layout="long", wave=2022)
        assert [r["id"] for r in store.rows("SELECT id FROM questions ORDER BY position")] == ["q2", "q1"]
        assert attributes(store, "1804")["size_group"] == "Under 2 000"
        assert store.scalar("SELECT COUNT(*) FROM segments") == 2
    assert result.summary() == (
        "Imported 3 new answers (1 non-responses) for 2 questions from 2 respondents, wave 2022."
    )


def test_reimport_adds_nothing_and_a_new_wave_goes_beside(tmp_path):
    answers = write(tmp_path, "a.csv", "id;q1;q2\n1804;Svar;\n4601;Annet;Mer\n")
    with create_project(tmp_path / "p.db") as store:
        first = import_survey(store, answers, question_columns=["q1", "q2"], wave=2022)
        again = import_survey(store, answers, question_columns=["q1", "q2"], wave=2022)
        later = import_survey(store, answers, question_columns=["q1", "q2"], wave=2023)
        waves = store.rows("SELECT wave, COUNT(*) AS n FROM answers GROUP BY wave")
        assert store.scalar("SELECT COUNT(*) FROM segments") == 6
        assert store.scalar("SELECT COUNT(*) FROM imports") == 2
        assert store.scalar("SELECT COUNT(*) FROM questions") == 2
    assert (first.new_answers, again.new_answers, later.new_answers) == (4, 0, 4)
    assert "0 new" in again.summary()
    assert [(w["wave"], w["n"]) for w in waves] == [(2022, 4), (2023, 4)]


def test_progress_is_reported_up_to_the_total(tmp_path):
    answers = write(tmp_path, "a.csv", "id;q1\n1804;Svar\n")
    calls = []
    with create_project(tmp_path / "p.db") as store:
        import_survey(
            store,
            answers,
            question_columns=["q1"],
            wave=2023,
            on_progress=lambda done, total: calls.append((done, total)),
        )
    assert calls and calls[-1][0] == calls[-1][1]
    assert all(done <= total for done, total in calls)

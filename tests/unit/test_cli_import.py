"""``workbench import``: summaries, "0 new" on re-import, exit code 2 with one sentence on errors."""

import subprocess
import sys

import pytest

from workbench.cli import main
from workbench.project import create_project, open_project


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "p.db"
    create_project(path).close()
    return path


@pytest.fixture
def wide_file(tmp_path):
    path = tmp_path / "answers.csv"
    path.write_text("kommune;q1;q2\n1804;Godt samarbeid;\n4601;Som før;Mer tid\n", encoding="utf-8")
    return path


def test_import_prints_summary_then_zero_new(project, wide_file, capsys):
    arguments = ["import", str(project), str(wide_file), "--question-columns", "q1,q2", "--wave", "2022"]
    assert main(arguments) == 0
    assert capsys.readouterr().out.strip() == (
        "Imported 4 new answers (1 non-responses) for 2 questions from 2 respondents, wave 2022."
    )
    assert main(arguments) == 0
    assert "0 new" in capsys.readouterr().out


def test_long_layout_with_questions_file(project, tmp_path, capsys):
    questions = tmp_path / "questions.csv"
    questions.write_text("id,text,kind,chapter\nq1,Samarbeid?,open,2\n", encoding="utf-8")
    answers = tmp_path / "long.csv"
    answers.write_text("respondent,question,text\n1804,q1,Bra\n", encoding="utf-8")
    code = main(
        [
            "import",
            str(project),
            str(answers),
            "--layout",
            "long",
            "--questions",
            str(questions),
            "--wave",
            "2021",
        ]
    )
    assert code == 0
    with open_project(project, read_only=True) as store:
        assert store.scalar("SELECT text FROM questions WHERE id = 'q1'") == "Samarbeid?"


def test_missing_question_columns_is_exit_2_with_one_sentence(project, wide_file, capsys):
    assert main(["import", str(project), str(wide_file)]) == 2
    error = capsys.readouterr().err
    assert error.startswith("workbench: ") and error.count("\n") == 1
    assert "--question-columns" in error and "answers.csv" in error


def test_missing_file_and_missing_project_are_exit_2(project, tmp_path, wide_file, capsys):
    assert main(["import", str(project), str(tmp_path / "nope.csv"), "--question-columns", "q1"]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["import", str(tmp_path / "none.db"), str(wide_file), "--question-columns", "q1"]) == 2
    assert "no such project file" in capsys.readouterr().err


def test_empty_question_columns_option(project, wide_file, capsys):
    assert main(["import", str(project), str(wide_file), "--question-columns", " , "]) == 2
    assert "names no columns" in capsys.readouterr().err


def test_coded_layout_imports_a_coded_spreadsheet(project, tmp_path, capsys):
    coded = tmp_path / "coded.csv"
    coded.write_text(
        "respondent;question;text;code\n"
        "1804;q1;Godt samarbeid.;Samarbeid > Godt\n"
        "1804;q1;Godt samarbeid.;Annet\n",
        encoding="utf-8",
    )
    code = main(
        ["import", str(project), str(coded), "--layout", "coded", "--coder", "kari", "--wave", "2023"]
    )
    assert code == 0
    assert "Imported 2 new codings" in capsys.readouterr().out


def test_console_script_exit_code_in_a_subprocess(project, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"id;q1\n1804;a\x81b\n")
    result = subprocess.run(
        [sys.executable, "-m", "workbench", "import", str(project), str(bad), "--question-columns", "q1"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "bad.csv: row 2, column 'q1': byte 0x81" in result.stderr


def test_coder_without_coded_layout_is_refused(project, wide_file, capsys):
    assert main(["import", str(project), str(wide_file), "--question-columns", "q1", "--coder", "kari"]) == 2
    assert "--coder applies only to --layout coded" in capsys.readouterr().err

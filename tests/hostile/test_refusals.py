"""Items 10-12: every bad file is one sentence with exit 2 and an untouched database, bombs
are stopped before they are read, and silent mangling is now an error or a clear warning."""

from __future__ import annotations

import os
import random
import time
import zipfile
from pathlib import Path

import pytest
from hostile_files import (
    ALIAS_BOMB,
    CODE_A,
    DEEP_YAML,
    RECURSIVE_ALIAS,
    broken_sheet_xlsx,
    deep_codes,
    qdpx,
    xlsx,
)
from hostile_inputs import snapshot

from workbench.cli import main

WIDE = ["--question-columns", "q01"]


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "p.db"
    survey = tmp_path / "base.csv"
    survey.write_text("id;q01\n1001;Første svar\n1002;Andre svar\n1003;Tredje svar\n", encoding="utf-8")
    assert main(["init", str(path)]) == 0
    assert main(["import", str(path), str(survey), "--wave", "2023", *WIDE]) == 0
    return path


def refused(project: Path, arguments: list[str], capsys, phrase: str = "") -> str:
    """Run a command that must be refused: exit 2, one sentence, database byte for byte the same."""
    before = snapshot(project)
    started = time.monotonic()
    assert main(arguments) == 2
    assert time.monotonic() - started < 20
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("\n") == 1 and err.startswith("workbench: "), err
    assert phrase in err
    assert snapshot(project) == before
    return err


def import_file(project: Path, file: Path, *extra: str) -> list[str]:
    """An import command; survey files name their answer column (wide layout)."""
    wide = [] if file.suffix == ".qdpx" or "--questions" in extra else WIDE
    return ["import", str(project), str(file), *extra, *wide]


def test_random_bytes_without_nul_are_one_sentence(project, tmp_path, capsys):
    generator = random.Random(7)
    for attempt in range(20):
        data = bytes(generator.choice(range(1, 256)) for _ in range(2000))
        file = tmp_path / f"random{attempt}.csv"
        file.write_bytes(b"id;q01\n" + data)
        before = snapshot(project)
        code = main(import_file(project, file, "--wave", "2030"))
        err = capsys.readouterr().err
        assert code in (0, 2) and "Traceback" not in err
        if code == 2:
            assert snapshot(project) == before


def test_a_malformed_xlsx_sheet_is_one_sentence(project, tmp_path, capsys):
    good = xlsx(tmp_path / "good.xlsx", [["id", "q01"], ["1", "svar"]])
    refused(project, import_file(project, broken_sheet_xlsx(tmp_path / "bad.xlsx", good)), capsys, "bad.xlsx")


def test_a_formula_without_a_saved_result_is_refused(project, tmp_path, capsys):
    file = xlsx(tmp_path / "f.xlsx", [["id", "q01"], ["1", None]], formula_without_cache=True)
    refused(project, import_file(project, file, "--wave", "2030"), capsys, "row 2, column B")


def test_extra_sheets_are_warned_about(project, tmp_path, capsys):
    file = xlsx(tmp_path / "s.xlsx", [["id", "q01"], ["1", "svar"]], sheets=3)
    assert main(import_file(project, file, "--wave", "2030")) == 0
    assert "2 other sheet(s) were ignored" in capsys.readouterr().err


def test_an_unterminated_quote_is_refused_not_swallowing_rows(project, tmp_path, capsys):
    rows = ["id;q01"] + [f"{2000 + number};svar {number}" for number in range(1001)]
    rows.insert(1002, '3001;"åpnet sitat uten slutt')
    file = tmp_path / "quote.csv"
    file.write_text("\n".join(rows + ["3002;etter", "3003;mer"]) + "\n", encoding="utf-8")
    refused(project, import_file(project, file, "--wave", "2030"), capsys, "row 1003")


def test_a_quote_left_open_at_the_end_is_refused(project, tmp_path, capsys):
    file = tmp_path / "end.csv"
    file.write_text('id;q01\n1;ok\n2;"åpen\n3;siste\n', encoding="utf-8")
    refused(project, import_file(project, file, "--wave", "2030"), capsys, "never closed")


def test_a_nul_byte_after_the_first_8_kb_is_refused(project, tmp_path, capsys):
    file = tmp_path / "nul.csv"
    filler = "".join(f"{4000 + number};svar nummer {number}\n" for number in range(600))
    file.write_text("id;q01\n" + filler + "9999;skjult\x00tegn\n", encoding="utf-8")
    assert file.stat().st_size > 8192
    refused(project, import_file(project, file, "--wave", "2030"), capsys, "NUL")


def test_a_corrected_file_is_reported_and_replaced_only_on_purpose(project, tmp_path, capsys):
    corrected = tmp_path / "base.csv"
    corrected.write_text(
        "id;q01\n1001;Første svar, rettet\n1002;Andre svar\n1003;Tredje svar\n", encoding="utf-8"
    )
    before = snapshot(project)
    assert main(import_file(project, corrected, "--wave", "2023")) == 0
    captured = capsys.readouterr()
    assert "already in wave" not in captured.out
    assert "1 answer(s)" in captured.err and "--replace" in captured.err
    assert snapshot(project) == before
    assert main(import_file(project, corrected, "--wave", "2023", "--replace")) == 0
    assert "Replaced the text of 1 answers" in capsys.readouterr().out
    assert main(["suggest", str(project), "--answer", "1", "--json"]) == 0
    assert main(import_file(project, corrected, "--wave", "2023")) == 0
    assert "already in wave 2023" in capsys.readouterr().out


def test_replace_refuses_a_split_answer(project, tmp_path, capsys):
    from workbench import coding
    from workbench.project import open_project

    with open_project(project) as store:
        segment = coding.segments_of_answer(store, 1)[0]
        coding.split_segment(store, segment.id, 3, "kari")
    corrected = tmp_path / "c.csv"
    corrected.write_text("id;q01\n1001;Helt ny tekst\n", encoding="utf-8")
    refused(project, import_file(project, corrected, "--wave", "2023", "--replace"), capsys, "split")


QDPX_CASES = {
    "bad start": ({"start": "abc"}, "cannot read"),
    "case without name or guid": ({"case": ""}, "a Case has neither a name nor a guid"),
    "source without name or guid": ({"case": None, "source": ""}, "a TextSource has neither"),
    "30-digit wave": ({"wave": "1" * 30}, "not a survey year"),
    "5000-digit wave": ({"wave": "9" * 5000}, "not a survey year"),
    "3000-deep codes": ({"codes": deep_codes(3000)}, "levels deep"),
    "latin-1 source": ({"text": "Samarbeid med Åsane og Bærum.".encode("latin-1")}, "not UTF-8"),
    "zip bomb": ({"extra_members": {"sources/bomb.txt": bytes(64 * 1024 * 1024)}}, "zip bomb"),
    "duplicate code guid": (
        {"codes": f'<Code guid="{CODE_A}" name="A" isCodable="true"/><Code guid="{CODE_A}" name="B"/>'},
        "more than one code",
    ),
}


@pytest.mark.parametrize("case", sorted(QDPX_CASES))
def test_hostile_qdpx_archives_are_one_sentence(project, tmp_path, capsys, case):
    fields, phrase = QDPX_CASES[case]
    archive = qdpx(tmp_path / "x.qdpx", **fields)
    err = refused(project, import_file(project, archive), capsys, phrase)
    assert "x.qdpx" in err


def test_a_valid_qdpx_still_imports(project, tmp_path, capsys):
    assert main(import_file(project, qdpx(tmp_path / "ok.qdpx"))) == 0
    assert "2 new codes" in capsys.readouterr().out


def test_a_source_larger_than_the_limit_is_refused_before_reading(project, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("workbench.ingest.limits.MAX_UNPACKED_BYTES", 1024 * 1024)
    archive = qdpx(tmp_path / "big.qdpx", text=os.urandom(2 * 1024 * 1024))
    refused(project, import_file(project, archive), capsys, "more than the")


def test_a_directory_that_lies_about_sizes_is_still_bounded(tmp_path, monkeypatch):
    from workbench.errors import UserError
    from workbench.ingest.limits import read_member

    path = tmp_path / "lie.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.txt", b"x" * 5000)
    with zipfile.ZipFile(path) as archive, pytest.raises(UserError):
        read_member(archive, "a.txt", limit=100)


@pytest.mark.parametrize(
    "text,phrase",
    [(RECURSIVE_ALIAS, "refers to itself"), (DEEP_YAML, "levels deep"), (ALIAS_BOMB, "alias bomb")],
)
def test_hostile_yaml_code_lists_are_one_sentence(project, tmp_path, capsys, text, phrase):
    codes = tmp_path / "codes.yaml"
    codes.write_text(text, encoding="utf-8")
    refused(project, ["codebook", "import", str(project), str(codes)], capsys, phrase)


def test_a_hostile_yaml_questions_file_is_one_sentence(project, tmp_path, capsys):
    questions = tmp_path / "questions.yaml"
    questions.write_text(ALIAS_BOMB.replace("codes:", "questions:"), encoding="utf-8")
    survey = tmp_path / "s.csv"
    survey.write_text("id;q01\n1;svar\n", encoding="utf-8")
    refused(project, import_file(project, survey, "--questions", str(questions)), capsys, "alias bomb")


def test_a_dozen_corrupt_xlsx_bytes_never_trace(project, tmp_path, capsys):
    good = xlsx(tmp_path / "good.xlsx", [["id", "q01"], ["1", "svar"], ["2", "mer"]]).read_bytes()
    generator = random.Random(3)
    for attempt in range(12):
        data = bytearray(good)
        for _ in range(20):
            data[generator.randrange(len(data))] = generator.randrange(256)
        file = tmp_path / f"c{attempt}.xlsx"
        file.write_bytes(bytes(data))
        code = main(import_file(project, file, "--wave", "2031"))
        assert code in (0, 2) and "Traceback" not in capsys.readouterr().err


def test_a_survey_file_over_the_size_limit_is_refused_before_reading(project, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("workbench.ingest.tables.MAX_FILE_BYTES", 1000)
    file = tmp_path / "big.csv"
    file.write_text("id;q01\n" + "1;svar\n" * 500, encoding="utf-8")
    refused(project, import_file(project, file, "--wave", "2030"), capsys, "more than the 1,000")

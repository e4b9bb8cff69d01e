"""Items 5-7: no live formula, no broken file from control characters, no staging left behind."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from hostile_inputs import FORMULA

from workbench.cells import csv_cell, xlsx_append, xml_safe
from workbench.cli import main
from workbench.export.runs import remove_abandoned_staging

NASTY = [FORMULA, "+47 sier noe", "-1 poeng", "@SUM(A1)", "\tTAB", "ESC \033 NUL \x00 BEL \x07 end"]


@pytest.fixture
def project(tmp_path, monkeypatch):
    """Answers and code names that start like formulas and hold control characters."""
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "p.db"
    survey = tmp_path / "s.csv"
    with survey.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["respondent", "question", "text"])
        writer.writerows((1000 + i, "q01", text.replace("\x00", "")) for i, text in enumerate(NASTY))
    assert main(["init", str(path)]) == 0
    assert main(["import", str(path), str(survey), "--layout", "long", "--wave", "2024"]) == 0
    for answer in range(1, len(NASTY) + 1):
        code = f"=Tema\033 > {NASTY[answer - 1].replace('>', '')}"
        assert main(["code", str(path), "--answer", str(answer), "--code", code]) == 0
    return path


def test_csv_cells_never_start_a_formula():
    for text in NASTY:
        cell = csv_cell(text)
        assert not cell.startswith(("=", "+", "-", "@", "\t")), cell
        assert "\x00" not in cell and "\033" not in cell
    assert csv_cell(12) == 12 and csv_cell("ordinary") == "ordinary"


@pytest.mark.parametrize("write_only", [True, False])
def test_xlsx_cells_are_text_after_reopening(tmp_path, write_only):
    workbook = openpyxl.Workbook(write_only=write_only)
    sheet = workbook.create_sheet("x") if write_only else workbook.active
    xlsx_append(sheet, [*NASTY, 3])
    workbook.save(tmp_path / "t.xlsx")
    cells = list(openpyxl.load_workbook(tmp_path / "t.xlsx").worksheets[-1].iter_rows())[0]
    assert all(cell.data_type in ("s", "n") for cell in cells)
    assert cells[0].value == FORMULA and cells[-1].value == 3
    assert cells[5].value == "ESC ␛ NUL ␀ BEL ␇ end"


def test_counts_and_report_files_open_with_escapes_in_code_names(project, tmp_path):
    assert main(["export", str(project), "counts", "--draft", "--out", str(tmp_path / "c")]) == 0
    text = (tmp_path / "c" / "counts.csv").read_text(encoding="utf-8-sig")
    for row in csv.reader(io.StringIO(text), delimiter=";"):
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row), row
    document = Document(str(tmp_path / "c" / "counts.docx"))
    assert "␛" in "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )


def test_quote_csv_and_method_xlsx_reopen_as_text(project, tmp_path):
    assert (
        main(["export", str(project), "quotes", "--all-segments", "--draft", "--out", str(tmp_path / "q")])
        == 0
    )
    text = (tmp_path / "q" / "quotes.csv").read_text(encoding="utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text), delimiter=";") for cell in row]
    assert cells and not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
    assert main(["export", str(project), "xlsx", "--raw", "--draft", "--out", str(tmp_path / "x")]) == 0
    workbook = openpyxl.load_workbook(tmp_path / "x" / "coding.xlsx")
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            assert not any(cell.data_type == "f" for cell in row)


def test_refi_with_control_characters_is_valid_xml_and_imports_again(project, tmp_path):
    assert main(["export", str(project), "refi", "--out", str(tmp_path / "r")]) == 0
    archive = tmp_path / "r" / "project.qdpx"
    with zipfile.ZipFile(archive) as opened:
        from xml.etree import ElementTree

        ElementTree.fromstring(opened.read("project.qde"))
    assert main(["init", str(tmp_path / "copy.db")]) == 0
    assert main(["import", str(tmp_path / "copy.db"), str(archive), "--wave", "2024"]) == 0


def test_xml_safe_keeps_ordinary_text():
    assert xml_safe("Tab\tand\nnewline æøå") == "Tab\tand\nnewline æøå"
    assert xml_safe("a\x00b\x1bc\ufffe") == "a␀b␛c\ufffd"


def test_a_killed_exports_staging_folder_is_cleaned_by_the_next_run(project, tmp_path):
    exports = tmp_path / "exports"
    exports.mkdir()
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    abandoned = exports / f".p-quotes-x.staging-{dead.stdout.strip()}.abcd"
    abandoned.mkdir()
    (abandoned / "quotes.csv").write_text("full quotes", encoding="utf-8")
    alive = exports / f".p-quotes-y.staging-{os.getpid()}.efgh"
    alive.mkdir()
    assert main(["export", str(project), "counts", "--draft"]) == 0
    assert not abandoned.exists() and alive.exists()
    assert remove_abandoned_staging(exports) == []


def test_killing_a_real_export_leaves_staging_that_the_next_run_removes(project, tmp_path):
    environment = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    command = [sys.executable, "-m", "workbench", "export", str(project), "report", "--draft"]
    process = subprocess.Popen(command, cwd=tmp_path, env=environment, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not list((tmp_path / "exports").glob(".*staging*")):
        time.sleep(0.05)
    process.kill()
    process.wait()
    assert list((tmp_path / "exports").glob(".*staging*")), "the export was not caught mid-run"
    process.wait()
    assert main(["export", str(project), "counts", "--draft"]) == 0
    assert not list((tmp_path / "exports").glob(".*staging*"))


def test_a_code_list_csv_is_neutralised_and_round_trips(tmp_path):
    source, copy = tmp_path / "a.db", tmp_path / "b.db"
    codes = tmp_path / "codes.yaml"
    codes.write_text('codes:\n  - name: "=cmd|x"\n    definition: "@SUM(1)"\n', encoding="utf-8")
    assert main(["init", str(source)]) == 0 and main(["init", str(copy)]) == 0
    assert main(["codebook", "import", str(source), str(codes)]) == 0
    assert main(["codebook", "export", str(source), str(tmp_path / "out.csv")]) == 0
    rows = list(csv.reader(io.StringIO((tmp_path / "out.csv").read_text(encoding="utf-8"))))
    assert rows[1][:2] == ["'=cmd|x", "'@SUM(1)"]
    assert main(["codebook", "import", str(copy), str(tmp_path / "out.csv")]) == 0
    assert main(["codebook", "export", str(copy), str(tmp_path / "again.yaml")]) == 0
    assert "=cmd|x" in (tmp_path / "again.yaml").read_text(encoding="utf-8")

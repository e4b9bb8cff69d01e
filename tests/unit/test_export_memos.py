"""``export memos`` and the sheet Memoer: every memo with its place, hostile text made harmless."""

import csv

import openpyxl
import pytest
from interchange_fixtures import build_coded_project

from workbench.cells import csv_value, xml_safe
from workbench.cli import main
from workbench.coding.memos import MemoTarget, memo_text, save_memo
from workbench.errors import UserError
from workbench.export.memos import markdown_text
from workbench.method_xlsx import import_method_xlsx, write_method_xlsx
from workbench.project import create_project

HOSTILE = '=HYPERLINK("http://x")\n- [lenke](http://x) <b>fet</b> *kursiv* # \x1b]0;tittel\x07 \x00slutt'


@pytest.fixture
def project(tmp_path):
    store = build_coded_project(tmp_path / "p.db")
    answer = store.scalar("SELECT id FROM answers WHERE respondent_id = '1103' AND question_id = 'q1'")
    code = store.scalar("SELECT id FROM codes WHERE name = 'Bolig'")
    save_memo(store, MemoTarget("answer", answer), "ola", HOSTILE)
    save_memo(store, MemoTarget("code", code), "kari", "Kodenotat")
    save_memo(store, MemoTarget.project(), "ola", "Prosjektnotat")
    yield store
    store.close()


def _sheet(path, title: str) -> list[dict]:
    workbook = openpyxl.load_workbook(path)
    rows = list(workbook[title].iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_the_memo_sheet_lists_every_memo_with_its_place_in_norwegian(project, tmp_path):
    path = write_method_xlsx(project, tmp_path / "koding.xlsx")
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Memoer"]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:L")
    assert sheet.column_dimensions["L"].width == 60 and sheet["L2"].alignment.wrap_text
    rows = _sheet(path, "Memoer")
    about = {row["Gjelder"]: row for row in rows}
    assert set(about) == {"prosjektet", "kode", "svar", "sitat"}  # the fixture has one segment memo
    answer = about["svar"]
    assert (answer["Spørsmål-ID"], answer["Respondent-ID"], answer["Skrevet av"]) == ("q1", "1103", "ola")
    assert answer["Memo"].startswith('=HYPERLINK("http://x")') and "␛]0;tittel␇" in answer["Memo"]
    assert sheet.cell(row=[r["Gjelder"] for r in rows].index("svar") + 2, column=12).data_type == "s"
    assert about["kode"]["Kode"] == "Bolig" and about["kode"]["Kode-ID"]
    english = _sheet(write_method_xlsx(project, tmp_path / "en.xlsx", lang="en"), "Memoer")
    assert {row["About"] for row in english} == {"project", "code", "answer", "quote"}


def _memo_rows(store) -> list[tuple]:
    rows = store.rows(
        "SELECT m.target, a.respondent_id, m.code_id, m.coder, m.text FROM memos m "
        "LEFT JOIN answers a ON a.id = m.answer_id ORDER BY m.target, m.coder"
    )
    return [tuple(row.values()) for row in rows]


def test_the_memo_sheet_reads_back_into_another_project(project, tmp_path):
    path = write_method_xlsx(project, tmp_path / "koding.xlsx")
    with create_project(tmp_path / "other.db") as other:
        report = import_method_xlsx(other, path, coder="lead", wave=2023)
        assert report.memos_new == 4  # one segment memo from Data, three from Memoer
        # control characters cannot sit in a spreadsheet: they come back as their symbols
        assert _memo_rows(other) == [(*row[:4], xml_safe(row[4])) for row in _memo_rows(project)]
        assert memo_text(other, MemoTarget.project(), "ola") == "Prosjektnotat"
        again = import_method_xlsx(other, path, coder="lead", wave=2023)
        assert again.memos_new == 0


def test_a_memo_row_about_something_unknown_is_refused_with_its_row(project, tmp_path):
    path = write_method_xlsx(project, tmp_path / "koding.xlsx")
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Memoer"]
    sheet["B2"] = "respondent"
    workbook.save(path)
    with create_project(tmp_path / "other.db") as other:
        with pytest.raises(UserError, match="sheet 'Memoer' row 2: 'respondent' is not what a memo"):
            import_method_xlsx(other, path, coder="lead", wave=2023)
        assert other.scalar("SELECT COUNT(*) FROM memos") == 0


def test_export_memos_writes_csv_and_markdown_that_stay_inert(project, tmp_path, capsys):
    out = tmp_path / "memos"
    path = str(project.path)
    project.close()
    assert main(["export", path, "memos", "--out", str(out)]) == 0
    assert "not anonymised" in capsys.readouterr().err
    with open(out / "memos.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    assert [row["about"] for row in rows][:3] == ["project", "code", "answer"]
    answer = rows[2]
    assert answer["text"].startswith("'=HYPERLINK") and csv_value(answer["text"]).startswith("=HYPERLINK")
    assert "\x1b" not in answer["text"] and "\x00" not in answer["text"] and "␛]0;tittel␇" in answer["text"]
    assert (answer["question_id"], answer["respondent_id"], answer["coder"]) == ("q1", "1103", "ola")
    markdown = (out / "memos.md").read_text(encoding="utf-8")
    assert markdown.startswith("# Memoer\n") and "## Prosjektet" in markdown and "## Koder" in markdown
    assert "> \\- \\[lenke\\]\\(http://x\\) \\<b\\>fet\\</b\\> \\*kursiv\\* \\#" in markdown
    assert "\x1b" not in markdown and "<b>" not in markdown


def test_export_memos_for_one_coder_and_one_question(project, tmp_path):
    out = tmp_path / "kari"
    path = str(project.path)
    project.close()
    assert main(["export", path, "memos", "--coder", "kari", "--out", str(out)]) == 0
    text = (out / "memos.csv").read_text(encoding="utf-8-sig")
    assert "Kodenotat" in text and "Prosjektnotat" not in text and "HYPERLINK" not in text
    assert main(["export", path, "memos", "--question", "q2", "--out", str(tmp_path / "q2")]) == 0
    text = (tmp_path / "q2" / "memos.csv").read_text(encoding="utf-8-sig")
    assert "Prosjektnotat" in text and "HYPERLINK" not in text
    assert main(["export", path, "memos", "--coder", "nobody", "--out", str(tmp_path / "x")]) == 2
    assert not (tmp_path / "x").exists()


def test_markdown_text_escapes_what_markdown_would_interpret():
    assert markdown_text("1. punkt\n+ pluss\n  - strek") == "1\\. punkt\n\\+ pluss\n  \\- strek"
    assert markdown_text("<script>") == "\\<script\\>"

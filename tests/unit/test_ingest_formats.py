"""Survey files in every accepted format read back exactly: separators, encodings, XLSX."""

import pytest
from openpyxl import Workbook

from workbench.ingest import import_survey
from workbench.project import create_project

ROWS = [
    ["respondent_id", "name", "q1", "q2"],
    ["1804", "Bodø", "Fastlegene æøå ÆØÅ, «godt»", "Ja; stort sett"],
    ["4601", "Bergen", 'Sa "nei" til møter', ""],
]


def csv_text(delimiter: str) -> str:
    def quote(cell: str) -> str:
        if delimiter in cell or '"' in cell:
            return '"' + cell.replace('"', '""') + '"'
        return cell

    return "".join(delimiter.join(quote(cell) for cell in row) + "\r\n" for row in ROWS)


def imported_answers(tmp_path, file):
    with create_project(tmp_path / "p.db") as store:
        import_survey(store, file, question_columns=["q1", "q2"], wave=2023)
        rows = store.rows("SELECT respondent_id, question_id, text FROM answers ORDER BY id")
        names = [
            r["name"]
            for r in store.rows(
                "SELECT json_extract(attributes, '$.name') AS name FROM respondents ORDER BY id"
            )
        ]
    return [(r["respondent_id"], r["question_id"], r["text"]) for r in rows], names


EXPECTED = [
    ("1804", "q1", "Fastlegene æøå ÆØÅ, «godt»"),
    ("1804", "q2", "Ja; stort sett"),
    ("4601", "q1", 'Sa "nei" til møter'),
    ("4601", "q2", ""),
]


@pytest.mark.parametrize(
    ("delimiter", "encoding"),
    [
        (",", "utf-8"),
        (";", "utf-8"),
        (";", "utf-8-sig"),
        (",", "utf-8-sig"),
        (";", "cp1252"),
        ("\t", "utf-8"),
    ],
)
def test_csv_round_trip(tmp_path, delimiter, encoding):
    file = tmp_path / "answers.csv"
    file.write_bytes(csv_text(delimiter).encode(encoding))
    answers, names = imported_answers(tmp_path, file)
    assert answers == EXPECTED
    assert names == ["Bodø", "Bergen"]


def test_xlsx_round_trip_with_numeric_ids(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    for row in ROWS:
        sheet.append([int(cell) if cell.isdigit() else (cell or None) for cell in row])
    file = tmp_path / "answers.xlsx"
    workbook.save(file)
    answers, names = imported_answers(tmp_path, file)
    assert answers == EXPECTED
    assert names == ["Bodø", "Bergen"]


def test_quoted_line_breaks_and_spaces_are_kept_raw(tmp_path):
    file = tmp_path / "answers.csv"
    file.write_text('id;q1\n1804;"  Første linje\r\nandre linje  "\n', encoding="utf-8")
    with create_project(tmp_path / "p.db") as store:
        import_survey(store, file, question_columns=["q1"], wave=2023)
        text = store.scalar("SELECT text FROM answers")
        end = store.scalar("SELECT end FROM segments")
    assert text == "  Første linje\r\nandre linje  "
    assert end == len(text)


def test_segment_end_counts_code_points_not_bytes(tmp_path):
    file = tmp_path / "answers.csv"
    file.write_text("id;q1\n1804;Blåbær 🫐 og æøå\n", encoding="utf-8")
    with create_project(tmp_path / "p.db") as store:
        import_survey(store, file, question_columns=["q1"], wave=2023)
        assert store.scalar("SELECT end FROM segments") == len("Blåbær 🫐 og æøå")


def test_excel_unicode_text_export_utf16_tab_separated(tmp_path):
    file = tmp_path / "answers.txt"
    file.write_bytes(csv_text("\t").encode("utf-16"))
    answers, names = imported_answers(tmp_path, file)
    assert answers == EXPECTED
    assert names == ["Bodø", "Bergen"]


def test_ingest_imports_without_textual():
    import subprocess
    import sys

    check = (
        "import sys, workbench.ingest, workbench.demo.builder, workbench.cli.importing, "
        "workbench.cli.demo; sys.exit(any(m.split('.')[0] in ('textual', 'rich') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", check]).returncode == 0


def test_excel_sep_line_and_leading_blank_lines(tmp_path):
    file = tmp_path / "answers.csv"
    file.write_text("sep=;\r\n\r\n" + csv_text(";"), encoding="utf-8")
    answers, names = imported_answers(tmp_path, file)
    assert answers == EXPECTED

"""Year against year: the comparison table's numbers against a hand count, in every format."""

import csv
import io
import json

import pytest
from docx import Document
from openpyxl import load_workbook

from workbench import coding
from workbench.cli import main
from workbench.coding import waves as carry
from workbench.coding.codebook_tree import Codebook
from workbench.errors import UserError
from workbench.export.compare import change_text, compare_question
from workbench.export.compare_files import compare_csv, compare_words
from workbench.export.labels import labels
from workbench.ingest import import_survey
from workbench.project import create_project

CODER = "kari"
WAVE_2023 = {"r1": "Kort svar. Og mer.", "r2": "Svar to", "r3": "Svar tre", "r4": "Svar fire", "r5": ""}
WAVE_2024 = {"r1": "Nytt en", "r2": "Nytt to", "r3": "Nytt tre", "r6": "Nytt seks"}
# Hand count. 2023, base 4 (r5 did not answer): A r1 r2 = 50 %, B r2 r3 = 50 %, theme T
# r1 r2 r3 = 75 %, C r4 = 25 %, D did not exist. 2024, base 4: A r1 = 25 %, B used before
# but by nobody = 0 %, T r1 = 25 %, C marked not used = –, D r2 r3 = 50 %, r6 uncoded = 25 %.
CODINGS = {
    2023: {"r1": ["T > A"], "r2": ["T > A", "T > B"], "r3": ["T > B"], "r4": ["C"]},
    2024: {"r1": ["T > A"], "r2": ["D"], "r3": ["D"]},
}


def _survey(path, answers):
    path.write_text(
        "respondent_id;q1\n" + "".join(f"{r};{t}\n" for r, t in answers.items()), encoding="utf-8"
    )
    return path


@pytest.fixture
def store(tmp_path):
    store = create_project(tmp_path / "p.db")
    import_survey(store, _survey(tmp_path / "a.csv", WAVE_2023), wave=2023, question_columns=["q1"])
    import_survey(store, _survey(tmp_path / "b.csv", WAVE_2024), wave=2024, question_columns=["q1"])
    for wave, by_unit in CODINGS.items():
        for unit, paths in by_unit.items():
            answer = store.scalar("SELECT id FROM answers WHERE respondent_id = ? AND wave = ?", (unit, wave))
            segment = coding.segments_of_answer(store, answer)[0].id
            codes = [coding.code_for_path(store, path, CODER) for path in paths]
            coding.apply_codes(store, segment, codes, CODER)
            if (unit, wave) == ("r1", 2023):
                coding.split_segment(store, segment, 10, CODER)  # both halves keep A: r1 counts once
    carry.mark_not_used(store, coding.code_for_path(store, "C", CODER, create=False), 2024, CODER)
    yield store
    store.close()


def _table(store):
    question = store.rows("SELECT * FROM questions WHERE id = 'q1'")[0]
    comparison = compare_question(store, question, (2023, 2024), Codebook.from_store(store))
    return comparison, {row.name or "uncoded": row for row in comparison.rows}


def test_numbers_match_the_hand_count(store):
    comparison, rows = _table(store)
    assert comparison.answered == (4, 4)

    def cell(name, index):
        found = rows[name].cells[index]
        return None if found is None else (found.count, round(found.percent))

    assert [cell("A", 0), cell("A", 1)] == [(2, 50), (1, 25)]
    assert [cell("B", 0), cell("B", 1)] == [(2, 50), (0, 0)]
    assert [cell("T", 0), cell("T", 1)] == [(3, 75), (1, 25)]
    assert [cell("C", 0), cell("C", 1)] == [(1, 25), None]
    assert [cell("D", 0), cell("D", 1)] == [None, (2, 50)]
    assert [cell("uncoded", 0), cell("uncoded", 1)] == [None, (1, 25)]
    assert [round(comparison.change(rows[name], 0)) for name in ("A", "B", "T")] == [-25, -50, -50]
    assert comparison.change(rows["C"], 0) is None and comparison.change(rows["D"], 0) is None


def test_csv_prints_dashes_changes_and_bases(store):
    comparison, _ = _table(store)
    text = compare_csv([comparison], compare_words(labels("nb"), "nb"))
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == [
        "Spørsmål",
        "Kategori",
        "2023 Antall",
        "2023 %",
        "2024 Antall",
        "2024 %",
        "Endring fra 2023 (pp)",
    ]
    by_name = {row[1]: row[2:] for row in rows[1:]}
    assert by_name["A"] == ["2", "50", "1", "25", "−25"]
    assert by_name["C"] == ["1", "25", "–", "–", "–"]
    assert by_name["D"] == ["–", "–", "2", "50", "–"]
    assert by_name["Svarte (n)"] == ["4", "100", "4", "100", ""]


def test_change_text_signs():
    assert [change_text(value) for value in (12.5, -3.4, 0.2, None)] == ["+13", "−3", "0", "–"]


def test_export_command_writes_every_format(store, tmp_path, capsys):
    out = tmp_path / "run"
    assert main(["export", str(store.path), "counts", "--compare", "2023", "--out", str(out)]) == 0
    names = {path.name for path in out.iterdir()}
    assert {"compare.docx", "compare.xlsx", "compare.csv", "compare.json"} <= names
    document = Document(out / "compare.docx")
    cells = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
    assert ["C", "1", "25", "–", "–", "–"] in [[text.strip() for text in row] for row in cells]
    assert any("4 av 5 i 2023; 4 av 4 i 2024" in paragraph.text for paragraph in document.paragraphs)
    assert len(document.inline_shapes) == 1
    sheet = load_workbook(out / "compare.xlsx").active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert ["    A", 2, 50, 1, 25, -25] in values
    data = json.loads((out / "compare.json").read_text("utf-8"))
    d_row = next(row for row in data[0]["categories"] if row["name"] == "D")
    assert d_row["waves"]["2023"] is None and d_row["waves"]["2024"]["count"] == 2


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["counts", "--compare", "2019"], "no answers in wave 2019"),
        (["counts", "--compare", "siste"], "years separated by commas"),
        (["counts", "--compare", "2024"], "a wave other than 2024"),
        (["quotes", "--compare", "2023"], "applies to 'export counts'"),
    ],
)
def test_compare_mistakes_exit_2_with_one_sentence(store, arguments, message, capsys):
    assert main(["export", str(store.path), *arguments]) == 2
    assert message in capsys.readouterr().err


def test_several_waves_get_one_change_column_each(store, tmp_path, capsys):
    import_survey(
        store, _survey(tmp_path / "c.csv", {"r1": "Gammelt svar"}), wave=2022, question_columns=["q1"]
    )
    answer = store.scalar("SELECT id FROM answers WHERE wave = 2022")
    coding.apply_codes(store, coding.segments_of_answer(store, answer)[0].id, [_code(store, "T > A")], CODER)
    assert main(["export", str(store.path), "counts", "--compare", "2022,2023", "--json"]) == 0
    (question,) = json.loads(capsys.readouterr().out)
    assert question["waves"] == [2022, 2023, 2024]
    a_row = next(row for row in question["categories"] if row["name"] == "A")
    assert a_row["waves"]["2022"] == {"count": 1, "percent": 100.0}
    assert a_row["change_pp"] == {"2022": -75.0, "2023": -25.0}
    b_row = next(row for row in question["categories"] if row["name"] == "B")
    assert b_row["waves"]["2022"] is None and b_row["change_pp"]["2022"] is None


def _code(store, path):
    return coding.code_for_path(store, path, CODER, create=False)


def test_each_wave_counts_one_coders_layer_never_the_sum(store, capsys):
    answer = store.scalar("SELECT id FROM answers WHERE respondent_id = 'r6' AND wave = 2024")
    segment = coding.segments_of_answer(store, answer)[0].id
    coding.apply_codes(store, segment, [_code(store, "T > A")], "ola")
    question = store.rows("SELECT * FROM questions WHERE id = 'q1'")[0]
    with pytest.raises(UserError, match="several coders"):
        compare_question(store, question, (2023, 2024), Codebook.from_store(store))
    for coder, a_2024 in ((CODER, (1, 25)), ("ola", (1, 25))):
        comparison = compare_question(store, question, (2023, 2024), Codebook.from_store(store), coder)
        rows = {row.name: row for row in comparison.rows}
        assert (rows["A"].cells[1].count, rows["A"].cells[1].rounded) == a_2024
    by_ola = compare_question(store, question, (2023, 2024), Codebook.from_store(store), "ola")
    assert by_ola.rows[-1].level == "uncoded" and by_ola.rows[-1].cells[1].count == 3  # r1 r2 r3


def test_word_table_is_captioned_with_a_repeated_header_and_cells_are_neutralised(store, tmp_path, capsys):
    code = _code(store, "C")
    store.db.execute("UPDATE codes SET name = '=HYPERLINK(1)' WHERE id = ?", (code,))
    out = tmp_path / "run"
    assert main(["export", str(store.path), "counts", "--compare", "2023", "--out", str(out)]) == 0
    document = Document(out / "compare.docx")
    assert any(p.text.startswith("Tabell 1 q1 (2023–2024)") for p in document.paragraphs)
    assert any(p.text.startswith("Figur 1 q1 (2023–2024)") for p in document.paragraphs)
    assert 'w:tblHeader w:val="true"' in document.tables[0].rows[0]._tr.xml
    assert round(document.sections[0].page_width.cm, 1) == 21.0  # A4
    assert 'w:val="nb-NO"' in document.styles["Normal"].element.xml
    rows = list(csv.reader(io.StringIO((out / "compare.csv").read_text("utf-8"))))
    assert "'=HYPERLINK(1)" in [row[1] for row in rows]
    sheet = load_workbook(out / "compare.xlsx").active
    assert "=HYPERLINK(1)" in [cell.value for cell in sheet["A"]]
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)

"""Closed answer options from open answers: shares, merging thin codes, examples, the check."""

import json

import pytest
from docx import Document
from openpyxl import load_workbook

from workbench import coding
from workbench.cli import main
from workbench.export.options import check_list, closed_question_base, propose_options, with_examples
from workbench.ingest import import_survey
from workbench.project import create_project

CODER = "kari"
LEAKY = "Høyere lønn, ring Kari Hansen på 91234567."  # the shortest: it would be chosen first
# 20 units answered in 2023 (base 20). Lønn 8 = 40 %; Bolig 1 and Flytting 1 are thin (5 %)
# but together 10 % under their theme; Kurs 6 = 30 %; Sjeldent 1 = 5 %, without a theme,
# stays thin: that unit would tick "Annet". Three answers are not coded.
PLAN_2023 = (
    [("Økonomi > Lønn", f"Vi har gitt høyere lønn til nyansatte, svar {i}.") for i in range(7)]
    + [("Økonomi > Lønn", LEAKY)]
    + [("Økonomi > Bolig", "Vi tilbyr bolig til nyansatte i kommunen.")]
    + [("Økonomi > Flytting", "Vi dekker flyttekostnader for nye ansatte.")]
    + [("Kompetanse > Kurs", f"Vi betaler videreutdanning for ansatte, svar {i}.") for i in range(4)]
    + [("Kompetanse > Kurs", "Vi betaler videreutdanning for alle ansatte.")] * 2  # the shortest, twice
    + [("Sjeldent", "Vi har prøvd noe helt annet i år.")]
    + [(None, f"Ukodet svar {i}.") for i in range(3)]
)
# 2024: a closed question (column q1_lukket, ticked by 8 of 10 units) and the "Annet"
# write-in under the same question id; 3 units wrote in: 2 new category, 1 listed.
TICKED_WITH_ANNET = '"Lønn; Annet"'
PLAN_2024 = [
    ("Utland", "Vi rekrutterer fra Sverige."),
    ("Utland", "Sykepleiere fra utlandet."),
    ("Økonomi > Lønn", "Mer lønn."),
]


@pytest.fixture
def store(tmp_path):
    store = create_project(tmp_path / "p.db")
    first = tmp_path / "a.csv"
    first.write_text(
        "respondent_id;q1\n" + "".join(f"r{i:02d};{text}\n" for i, (_, text) in enumerate(PLAN_2023)),
        encoding="utf-8",
    )
    import_survey(store, first, wave=2023, question_columns=["q1"])
    lines = ["respondent_id;q1_lukket;q1"]
    for i in range(10):
        written = PLAN_2024[i][1] if i < len(PLAN_2024) else ""
        ticked = TICKED_WITH_ANNET if i < 3 else "Kurs" if i < 8 else ""
        lines.append(f"r{i:02d};{ticked};{written}")
    second = tmp_path / "b.csv"
    second.write_text("\n".join(lines) + "\n", encoding="utf-8")
    import_survey(store, second, wave=2024, question_columns=["q1"])
    for wave, plan in ((2023, PLAN_2023), (2024, PLAN_2024)):
        for i, (path, _) in enumerate(plan):
            if path:
                answer = store.scalar(
                    "SELECT id FROM answers WHERE respondent_id = ? AND wave = ?", (f"r{i:02d}", wave)
                )
                code = coding.code_for_path(store, path, CODER)
                coding.apply_codes(store, coding.segments_of_answer(store, answer)[0].id, [code], CODER)
    yield store
    store.close()


def _question(store):
    return store.rows("SELECT * FROM questions WHERE id = 'q1'")[0]


def test_shares_and_thin_codes_merged_into_their_theme(store):
    options = propose_options(store, _question(store), 2023, min_share=10)
    assert options.answered == 20
    listed = [(option.label, option.count, round(option.share), option.merged) for option in options.options]
    assert listed == [("Lønn", 8, 40, False), ("Økonomi", 2, 10, True), ("Kurs", 6, 30, False)]
    assert options.other_count == 1 and options.other_share == 5.0


def test_default_share_of_5_percent_keeps_every_code(store):
    options = propose_options(store, _question(store), 2023)
    assert [option.label for option in options.options] == ["Lønn", "Bolig", "Flytting", "Kurs", "Sjeldent"]
    assert options.other_count == 0


def test_examples_are_anonymised_and_never_leak(store):
    options = with_examples(store, propose_options(store, _question(store), 2023, min_share=10))
    examples = {option.label: option.examples for option in options.options}
    assert len(examples["Lønn"]) == 2 and len(examples["Kurs"]) == 2
    assert examples["Kurs"][0] == "Vi betaler videreutdanning for alle ansatte." != examples["Kurs"][1]
    assert all("Kari" not in text and "91234567" not in text for texts in examples.values() for text in texts)
    drafted = with_examples(store, propose_options(store, _question(store), 2023, min_share=10), draft=True)
    assert any("91234567" not in text and "[" in text for text in drafted.options[0].examples)
    assert set(examples["Økonomi"]) == {
        "Vi tilbyr bolig til nyansatte i kommunen.",
        "Vi dekker flyttekostnader for nye ansatte.",
    }


def test_later_wave_check_counts_annet_and_new_categories(store):
    options = propose_options(store, _question(store), 2023, min_share=10)
    check = check_list(store, options, 2024, base=closed_question_base(store, 2024, "q1_lukket"))
    assert (check.base, check.needed_other, round(check.other_share, 1)) == (8, 3, 37.5)
    assert [(c.name, c.count, c.in_list) for c in check.categories] == [
        ("Utland", 2, False),
        ("Lønn", 1, True),
    ]
    assert check_list(store, options, 2024).base == 10


def test_export_options_writes_word_and_xlsx(store, tmp_path):
    out = tmp_path / "run"
    arguments = ["export", str(store.path), "options", "--question", "q1", "--min-share", "10"]
    assert main([*arguments, "--check", "2024", "--closed-column", "q1_lukket", "--out", str(out)]) == 0
    rows = [[cell.text for cell in row.cells] for row in Document(out / "options.docx").tables[0].rows]
    assert [row[:2] for row in rows] == [
        ["Svaralternativ", "Andel (%)"],
        ["Lønn", "40"],
        ["Økonomi *", "10"],
        ["Kurs", "30"],
        ["Annet, hva?", "5"],
    ]
    sheets = load_workbook(out / "options.xlsx").worksheets
    assert [sheets[0].cell(row, 2).value for row in range(3, 7)] == [40, 10, 30, 5]
    assert sheets[1].cell(1, 1).value == "3 av 8 enheter (38 %) trengte «Annet» i 2024."
    data = json.loads((out / "options.json").read_text("utf-8"))
    assert data["check"]["needed_other"] == 3


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ([], "needs --question"),
        (["--question", "q1", "--min-share", "0"], "between 0 and 100"),
        (["--question", "q1", "--wave", "2024", "--check", "2023"], "must be a later wave"),
        (
            ["--question", "q1", "--check", "2024", "--closed-column", "nei"],
            "no respondent of wave 2024 has a column 'nei'",
        ),
    ],
)
def test_options_mistakes_exit_2(store, extra, message, capsys):
    assert main(["export", str(store.path), "options", *extra]) == 2
    assert message in capsys.readouterr().err


def test_options_word_is_captioned_and_cells_are_neutralised(store, tmp_path):
    code = coding.code_for_path(store, "Økonomi > Lønn", CODER, create=False)
    store.db.execute("UPDATE codes SET name = '=HYPERLINK(1)' WHERE id = ?", (code,))
    out = tmp_path / "run"
    arguments = ["export", str(store.path), "options", "--question", "q1", "--min-share", "10"]
    assert main([*arguments, "--check", "2024", "--out", str(out)]) == 0
    document = Document(out / "options.docx")
    captions = [p.text for p in document.paragraphs if p.text.startswith("Tabell ")]
    assert captions == ["Tabell 1 q1 (2023)", "Tabell 2 Kategori i «Annet»-svarene (2024)"]
    assert all('w:tblHeader w:val="true"' in table.rows[0]._tr.xml for table in document.tables)
    assert any("Koding: kari (eneste koder)." in p.text for p in document.paragraphs)
    sheets = load_workbook(out / "options.xlsx").worksheets
    assert sheets[0].cell(3, 1).value == "=HYPERLINK(1)" and sheets[0].cell(3, 1).data_type == "s"
    assert sheets[1].cell(4, 1).value == "=HYPERLINK(1)" and sheets[1].cell(4, 1).data_type == "s"

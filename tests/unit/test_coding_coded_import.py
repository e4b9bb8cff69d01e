"""Importing a team's existing coding (``--layout coded``)."""

import pytest
from coding_project import answer_id, build_project
from openpyxl import Workbook

from workbench import coding
from workbench.cli import main
from workbench.errors import UserError
from workbench.ingest.coded import import_coded_file
from workbench.project import open_project

ANSWER = "Godt samarbeid. Men lang ventetid."


@pytest.fixture
def store(tmp_path):
    store = build_project(tmp_path / "p.db", {"q01": [ANSWER, "Som før"]})
    yield store
    store.close()


def write_csv(path, rows, header="respondent;question;text;code;coder"):
    path.write_text("\n".join([header, *[";".join(row) for row in rows]]) + "\n", encoding="utf-8")
    return path


def test_rows_of_one_text_are_one_segment_and_paths_are_created(store, tmp_path):
    source = write_csv(
        tmp_path / "coded.csv",
        [
            ("r000", "q01", "Godt samarbeid.", "Samarbeid > Ok, bra/godt", "ann"),
            ("r000", "q01", "Godt samarbeid.", "Annet", "ann"),
            ("r000", "q01", "Men lang ventetid.", "Kapasitet > Ventetid", ""),
            ("r001", "q01", "Som før", "Ingen endring", "bob"),
        ],
    )
    result = import_coded_file(store, source, coder="eva", wave=2024)
    assert (result.rows, result.segments, result.new_codings, result.new_answers) == (4, 3, 4, 0)
    segments = coding.segments_of_answer(store, answer_id(store, "q01", 0))
    assert [s.text for s in segments] == ["Godt samarbeid.", "Men lang ventetid."]
    codebook = coding.Codebook.from_store(store)
    paths = {codebook.path(row["code_id"]): row["coder"] for row in store.rows("SELECT * FROM codings")}
    assert paths == {
        "Samarbeid > Ok, bra/godt": "ann",
        "Annet": "ann",
        "Kapasitet > Ventetid": "eva",
        "Ingen endring": "bob",
    }
    assert {row["how"] for row in store.rows("SELECT how FROM codings")} == {"imported"}
    again = import_coded_file(store, source, coder="eva", wave=2024)
    assert again.new_codings == 0


def test_new_answers_are_built_from_the_segment_texts(store, tmp_path):
    source = write_csv(
        tmp_path / "coded.csv",
        [
            ("r009", "q02", "Første del", "A", "ann"),
            ("r009", "q02", "Andre del", "B", "ann"),
        ],
    )
    result = import_coded_file(store, source, coder=None, wave=2025)
    assert result.new_answers == 1
    answer = store.scalar("SELECT id FROM answers WHERE respondent_id = 'r009' AND wave = 2025")
    assert [s.text for s in coding.segments_of_answer(store, answer)] == ["Første del", "Andre del"]


def test_xlsx_and_cli(tmp_path, capsys):
    path = tmp_path / "p.db"
    build_project(path, {"q01": [ANSWER]}).close()
    book = Workbook()
    sheet = book.active
    sheet.append(["Respondent", "Question", "Text", "Code"])
    sheet.append(["r000", "q01", ANSWER, "Samarbeid"])
    book.save(tmp_path / "coded.xlsx")
    assert (
        main(
            [
                "import",
                str(path),
                str(tmp_path / "coded.xlsx"),
                "--layout",
                "coded",
                "--coder",
                "ann",
                "--wave",
                "2024",
            ]
        )
        == 0
    )
    assert "1 new codings" in capsys.readouterr().out
    store = open_project(path)
    assert store.scalar("SELECT coder FROM codings") == "ann"
    store.close()


@pytest.mark.parametrize(
    ("rows", "coder", "message"),
    [
        ([("r000", "q01", "Ikke i svaret", "A", "ann")], None, "not part of"),
        ([("r000", "q01", "Godt", "A", "")], None, "names no coder"),
        ([("r000", "", "Godt", "A", "ann")], None, "row 2, column 'question' is empty"),
        ([("r000", "q01", "Godt", "A > B > C > D", "ann")], None, "deeper"),
    ],
)
def test_mistakes_name_the_row_and_write_nothing(store, tmp_path, rows, coder, message):
    source = write_csv(tmp_path / "coded.csv", rows)
    with pytest.raises(UserError, match=message):
        import_coded_file(store, source, coder=coder, wave=2024)
    assert store.scalar("SELECT COUNT(*) FROM codes") == 0
    assert store.scalar("SELECT COUNT(*) FROM segments") == 2


def test_missing_code_column_is_named(store, tmp_path):
    source = write_csv(tmp_path / "coded.csv", [("r000", "q01", "Godt")], header="respondent;question;text")
    with pytest.raises(UserError, match="column named 'code'"):
        import_coded_file(store, source, coder="ann", wave=2024)

"""The method's spreadsheet (Data, Kodeliste): written, reopened and read back losslessly."""

import openpyxl
import pytest
from interchange_fixtures import build_coded_project, project_snapshot

from workbench.coding import Codebook
from workbench.errors import UserError
from workbench.method_xlsx import import_method_xlsx, is_method_workbook, write_method_xlsx
from workbench.project import create_project, open_project
from workbench.store import answers as answer_rows
from workbench.store import segments as segment_rows


def test_data_sheet_has_one_row_per_segment_and_code(tmp_path):
    store = build_coded_project(tmp_path / "p.db")
    path = write_method_xlsx(store, tmp_path / "koding.xlsx")
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["Data", "Kodeliste", "Spørsmål"]
    rows = list(workbook["Data"].iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert header[:8] == (
        "Sitat-ID",
        "Respondent-ID",
        "Bølge",
        "Spørsmål-ID",
        "Start",
        "Slutt",
        "Sitat",
        "Kode",
    )
    column = {name: index for index, name in enumerate(header)}
    # 4 codings on 4 coded segments (one segment coded by two coders) + 1 uncoded segment.
    assert len(body) == 5
    bolig = [row for row in body if row[column["Kode"]] == "Bolig"]
    assert {row[column["Koder"]] for row in bolig} == {"kari", "ola"}
    assert all(row[column["Sitat"]] == "Boligmangel er verst." for row in bolig)
    assert {row[column["Til rapport"]] for row in bolig} == {"Ja"}
    fastlege = next(row for row in body if row[column["Kode"]] == "Fastlege godt")
    assert fastlege[column["Hovedtema"]] == "Samarbeid" and fastlege[column["county"]] == "Oslo"
    codes = list(workbook["Kodeliste"].iter_rows(values_only=True))
    assert codes[0][:5] == ("Kode-ID", "Kode", "Definisjon", "Hovedtema", "Undertema")
    assert len(codes) == 5


def test_english_headers_on_request(tmp_path):
    store = build_coded_project(tmp_path / "p.db")
    path = write_method_xlsx(store, tmp_path / "coding.xlsx", lang="en")
    header = next(openpyxl.load_workbook(path)["Data"].iter_rows(values_only=True))
    assert header[:3] == ("Quote ID", "Respondent ID", "Wave")


def test_round_trip_into_an_empty_project_is_lossless(tmp_path):
    original = build_coded_project(tmp_path / "p.db")
    path = write_method_xlsx(original, tmp_path / "koding.xlsx")
    assert is_method_workbook(path)
    copy = create_project(tmp_path / "copy.db")
    report = import_method_xlsx(copy, path, coder="importer", wave=2023)
    assert (report.answers_new, report.codings_new, report.memos_new) == (3, 4, 1)
    assert project_snapshot(copy) == project_snapshot(original)
    again = write_method_xlsx(copy, tmp_path / "again.xlsx")
    first = [list(row) for row in openpyxl.load_workbook(path)["Data"].iter_rows(values_only=True)]
    second = [list(row) for row in openpyxl.load_workbook(again)["Data"].iter_rows(values_only=True)]
    assert first == second


def test_importing_the_same_file_twice_adds_nothing(tmp_path):
    store = build_coded_project(tmp_path / "p.db")
    path = write_method_xlsx(store, tmp_path / "koding.xlsx")
    before = project_snapshot(store)
    report = import_method_xlsx(store, path, coder="kari", wave=2023)
    assert (report.codes_new, report.answers_new, report.codings_new) == (0, 0, 0)
    assert project_snapshot(store) == before


def _team_sheet(path, data_rows, code_rows):
    workbook = openpyxl.Workbook()
    data = workbook.active
    data.title = "Data"
    data.append(["Respondent-ID", "Spørsmål-ID", "Sitat", "Kode", "Hovedtema", "Koder"])
    for row in data_rows:
        data.append(row)
    codes = workbook.create_sheet("Kodeliste")
    codes.append(["Kode", "Definisjon", "Hovedtema"])
    for row in code_rows:
        codes.append(row)
    workbook.save(path)
    return path


def test_a_teams_own_sheet_finds_quotes_in_existing_answers(tmp_path):
    store = build_coded_project(tmp_path / "p.db")
    path = _team_sheet(
        tmp_path / "team.xlsx",
        [
            ["1103", "q2", "flere oppgaver", "Nye oppgaver", "Pakkeforløp", "per"],
            ["1103", "q2", "flere oppgaver", "Mer arbeid", "Pakkeforløp", "per"],
        ],
        [["Nye oppgaver", "Oppgaver som kom med pakkeforløpene.", "Pakkeforløp"]],
    )
    report = import_method_xlsx(store, path, coder="kari", wave=2023)
    assert report.codings_new == 2 and report.answers_new == 0
    answer_id = answer_rows.answer_id_for(store, "1103", "q2", 2023)
    spans = [(row["start"], row["end"]) for row in segment_rows.segments_of_answer(store, answer_id)]
    text = answer_rows.answer_text(store, answer_id)
    assert (text.index("flere oppgaver"), text.index("flere oppgaver") + 14) in spans
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    codes = Codebook.from_store(store).parents_first(merged=False)
    definitions = {code.name: code.definition for code in codes}
    assert definitions["Nye oppgaver"] == "Oppgaver som kom med pakkeforløpene."


def test_a_quote_missing_from_its_answer_is_refused_and_nothing_changes(tmp_path):
    store = build_coded_project(tmp_path / "p.db")
    before = project_snapshot(store)
    path = _team_sheet(tmp_path / "team.xlsx", [["1103", "q2", "står ikke der", "X", "", "per"]], [])
    with pytest.raises(UserError, match="row 2: the quote is not part of the project's answer"):
        import_method_xlsx(store, path, coder="kari", wave=2023)
    assert project_snapshot(store) == before


def test_a_workbook_without_kodeliste_is_refused(tmp_path):
    workbook = openpyxl.Workbook()
    workbook.active.title = "Data"
    workbook.save(tmp_path / "x.xlsx")
    assert not is_method_workbook(tmp_path / "x.xlsx")
    store = create_project(tmp_path / "p.db")
    with pytest.raises(UserError, match="no sheet 'Kodeliste'"):
        import_method_xlsx(store, tmp_path / "x.xlsx", coder="kari", wave=2023)


def test_workbench_import_coded_reads_the_method_layout(tmp_path):
    from workbench.cli import main

    store = build_coded_project(tmp_path / "p.db")
    write_method_xlsx(store, tmp_path / "koding.xlsx")
    store.close()
    create_project(tmp_path / "copy.db").close()
    status = main(
        [
            "import",
            str(tmp_path / "copy.db"),
            str(tmp_path / "koding.xlsx"),
            "--layout",
            "coded",
            "--wave",
            "2023",
        ]
    )
    assert status == 0
    with open_project(tmp_path / "copy.db") as copy, open_project(tmp_path / "p.db") as original:
        assert project_snapshot(copy) == project_snapshot(original)

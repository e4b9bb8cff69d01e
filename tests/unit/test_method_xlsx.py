"""The method's spreadsheet (Data, Kodeliste): written, reopened and read back losslessly."""

import openpyxl
import pytest
from interchange_fixtures import ANSWERS, OLA_SPLIT_AT, build_coded_project, project_snapshot

from workbench.coding import Codebook
from workbench.coding.segments import split_segment
from workbench.errors import UserError
from workbench.method_xlsx import import_method_xlsx, is_method_workbook, write_method_xlsx
from workbench.project import create_project, open_project
from workbench.store import answers as answer_rows
from workbench.store import codings as coding_rows
from workbench.store import segments as segment_rows


def test_data_sheet_has_one_row_per_segment_and_code(tmp_path):
    store = build_coded_project(tmp_path / "p.db")
    path = write_method_xlsx(store, tmp_path / "koding.xlsx")
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["Data", "Kodeliste", "Spørsmål", "Memoer"]
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
    assert {row[column["Kodet av"]] for row in bolig} == {"kari", "ola"}
    assert all(row[column["Sitat"]] == "Boligmangel er verst." for row in bolig)
    assert {row[column["Til rapport"]] for row in bolig} == {"Ja"}
    fastlege = next(row for row in body if row[column["Kode"]] == "Fastlege godt")
    assert fastlege[column["Hovedtema"]] == "Samarbeid" and fastlege[column["Fylke"]] == "Oslo"
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


def test_a_coders_own_segmentation_travels_beside_the_shared_one(tmp_path):
    original = build_coded_project(tmp_path / "p.db")
    left, right = split_segment(original, "22222222-2222-4222-8222-222222222222", OLA_SPLIT_AT, "ola")
    path = write_method_xlsx(original, tmp_path / "koding.xlsx")
    rows = list(openpyxl.load_workbook(path)["Data"].iter_rows(values_only=True))
    owner = rows[0].index("Egen inndeling for")
    assert {row[0] for row in rows[1:] if row[owner] == "ola"} == {left, right}
    copy = create_project(tmp_path / "copy.db")
    import_method_xlsx(copy, path, coder="importer", wave=2023)
    assert project_snapshot(copy) == project_snapshot(original)
    again = write_method_xlsx(copy, tmp_path / "again.xlsx")
    assert list(openpyxl.load_workbook(again)["Data"].iter_rows(values_only=True)) == rows


def test_a_quote_overlapping_the_same_coders_own_quote_is_refused(tmp_path):
    original = build_coded_project(tmp_path / "p.db")
    split_segment(original, "22222222-2222-4222-8222-222222222222", OLA_SPLIT_AT, "ola")
    path = write_method_xlsx(original, tmp_path / "koding.xlsx")
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Data"]
    header = [cell.value for cell in sheet[1]]
    owned = [row for row in sheet.iter_rows(min_row=2) if row[header.index("Egen inndeling for")].value]
    owned[0][header.index("Slutt")].value += 3  # now reaches into ola's other part
    start, end = owned[0][header.index("Start")].value, owned[0][header.index("Slutt")].value
    owned[0][header.index("Sitat")].value = ANSWERS[0][2][start:end]
    owned[0][header.index("Sitat-ID")].value = None
    workbook.save(path)
    copy = create_project(tmp_path / "copy.db")
    with pytest.raises(UserError, match="overlaps another quote of ola's own segmentation"):
        import_method_xlsx(copy, path, coder="importer", wave=2023)


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


def _add_second_code(store):
    """kari also codes Oslo's housing quote "Ingen endring": two codes on one quote."""
    with store.atomic():
        coding_rows.insert_coding_if_new(
            store,
            {
                "id": "cccccccc-0000-4000-8000-000000000009",
                "segment_id": "22222222-2222-4222-8222-222222222222",
                "code_id": "aaaaaaaa-0000-4000-8000-000000000004",
                "coder": "kari",
                "how": "suggestion",
                "created_at": "2026-02-09T10:00:00+00:00",
            },
        )


def _data(path):
    rows = list(openpyxl.load_workbook(path)["Data"].iter_rows(values_only=True))
    return {name: index for index, name in enumerate(rows[0])}, rows[1:]


def test_a_quote_with_two_codes_is_one_row_with_norwegian_values(tmp_path):
    store = build_coded_project(tmp_path / "p.db")
    _add_second_code(store)
    column, body = _data(write_method_xlsx(store, tmp_path / "koding.xlsx"))
    karis = [
        r for r in body if r[column["Kodet av"]] == "kari" and r[column["Sitat"]] == "Boligmangel er verst."
    ]
    assert len(karis) == 1
    assert karis[0][column["Kode"]] == "Bolig\nIngen endring"
    assert karis[0][column["Kodet hvordan"]] == "skrevet\nforslag"
    assert "Navn" in column and "name" not in column
    questions = list(openpyxl.load_workbook(tmp_path / "koding.xlsx")["Spørsmål"].iter_rows(values_only=True))
    assert {row[2] for row in questions[1:]} == {"åpent"}


def test_sheets_have_widths_wrap_filter_and_a_frozen_header(tmp_path):
    store = build_coded_project(tmp_path / "p.db")
    sheet = openpyxl.load_workbook(write_method_xlsx(store, tmp_path / "koding.xlsx"))["Data"]
    header = [cell.value for cell in sheet[1]]
    quote = openpyxl.utils.get_column_letter(header.index("Sitat") + 1)
    assert sheet.column_dimensions[quote].width == 60
    assert sheet[f"{quote}2"].alignment.wrap_text
    assert sheet.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(len(header))}{sheet.max_row}"
    assert sheet.freeze_panes == "A2"


def test_an_edited_kode_cell_is_applied_and_reported_on_import(tmp_path):
    store = build_coded_project(tmp_path / "p.db")
    _add_second_code(store)
    path = write_method_xlsx(store, tmp_path / "koding.xlsx")
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Data"]
    header = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        values = {name: cell for name, cell in zip(header, row, strict=False)}
        if values["Kode"].value == "Bolig\nIngen endring":
            values["Kode"].value = "Bolig\nTrangt"  # a new code name replaces "Ingen endring"
        elif values["Kode"].value == "Fastlege godt":
            values["Kode"].value = ""  # the coding is removed
    workbook.save(path)
    report = import_method_xlsx(store, path, coder="kari", wave=2023)
    assert len(report.edits) == 2 and "'Ingen endring' was changed to 'Trangt'" in report.summary()
    kari = {
        (row["segment_id"], row["code_id"])
        for row in coding_rows.all_codings(store)
        if row["coder"] == "kari"
    }
    names = {code.id: code.name for code in Codebook.from_store(store).all() if code.merged_into is None}
    assert sorted(names[code] for _, code in kari) == ["Bolig", "Trangt"]


def test_lead_ins_travel_in_the_kodeliste(tmp_path):
    store = build_coded_project(tmp_path / "p.db")
    with store.atomic():
        store.execute("UPDATE codes SET lead_in = 'Flere nevner bolig:' WHERE name = 'Bolig'")
    path = write_method_xlsx(store, tmp_path / "koding.xlsx")
    copy = create_project(tmp_path / "copy.db")
    import_method_xlsx(copy, path, coder="importer", wave=2023)
    assert copy.rows("SELECT lead_in FROM codes WHERE name = 'Bolig'") == [{"lead_in": "Flere nevner bolig:"}]

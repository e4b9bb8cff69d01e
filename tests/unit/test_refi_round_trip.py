""".qdpx round trip of a hostile two-wave project: the same reports, the same tables, the same bytes."""

import json
import warnings
import xml.etree.ElementTree as ET
import zipfile

import pytest
from interchange_fixtures import (
    BOLIG,
    FASTLEGE,
    GAMMEL,
    HOSTILE,
    INGEN,
    SAMARBEID,
    TIDSNOD,
    build_hostile_project,
    validate_project_xml,
)

from workbench.coding.codebook_tree import Codebook
from workbench.errors import UserError
from workbench.project import create_project
from workbench.refi.carried_export import left_out_notice
from workbench.refi.project import PROJECT_NAMESPACE, export_qdpx
from workbench.refi.project_import import import_qdpx
from workbench.store import codings as coding_rows
from workbench.store import report_layer, stable_id, survey


@pytest.fixture
def trip(tmp_path):
    """(original, copy, first archive, archive re-exported from the copy)."""
    original = build_hostile_project(tmp_path / "p.db")
    first = export_qdpx(original, tmp_path / "a" / "project.qdpx")
    copy = create_project(tmp_path / "copy.db")
    report = import_qdpx(copy, first, coder="importer")
    assert not report.discarded and not report.notices
    second = export_qdpx(copy, tmp_path / "b" / "project.qdpx")
    yield original, copy, first, second
    original.close()
    copy.close()


def _reports(store, folder, monkeypatch) -> dict:
    from conftest_export import install_fake_anonymiser

    from workbench.export import ExportOptions, run_export

    install_fake_anonymiser(monkeypatch)
    found = {}
    for wave in (2023, 2024):
        for kind, files in (
            ("report", ("report.md", "counts.csv", "quotes.csv")),
            ("counts", ("counts.md",)),
        ):
            options = ExportOptions(out=str(folder / f"{kind}{wave}"), wave=wave, all_segments=True)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # matplotlib has no glyph for the escape symbol
                result = run_export(store, kind, options)
            for name in files:
                found[(wave, name)] = (result.folder / name).read_text(encoding="utf-8-sig")
            manifest = json.loads((result.folder / "manifest.json").read_text(encoding="utf-8"))
            kept = ("layer", "uncoded_questions", "warnings", "files")
            found[(wave, kind, "manifest")] = {key: manifest.get(key) for key in kept}
            found[(wave, kind, "counts")] = manifest["project"]["counts"]
    return found


def test_both_waves_report_the_same_after_the_round_trip(trip, tmp_path, monkeypatch):
    original, copy, first, second = trip
    before = _reports(original, tmp_path / "x", monkeypatch)
    assert before == _reports(copy, tmp_path / "y", monkeypatch)
    assert any(line.startswith("q9;") for line in before[(2024, "counts.csv")].splitlines())
    assert before[(2023, "report", "manifest")]["layer"]["coder"] == "kari"  # the primary coder travelled
    assert "[b]x[/b]" in before[(2023, "report.md")]  # the hostile code name is in what is compared


def test_the_copy_exports_the_very_same_archive(trip):
    _, _, first, second = trip
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        document = archive.read("project.qde")
    validate_project_xml(document)
    assert "\x1b" not in document.decode("utf-8")


def _rows(store, sql: str) -> list[tuple]:
    return [tuple(row.values()) for row in store.rows(sql)]


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT id, text, kind, chapter, position, single_code FROM questions ORDER BY id",
        "SELECT question_id, wave, form_id, text, status, sources FROM question_waves ORDER BY 2, 1",
        "SELECT code_id, wave, marked_by FROM codes_not_used",
        "SELECT id, segment_id, coders, decision, codes, decided_by, decided_at FROM adjudications",
        "SELECT name, is_consensus FROM coders WHERE name != 'importer' ORDER BY name",
        "SELECT id, segment_id, coder, text, created_at, updated_at FROM memos",
        "SELECT key, value FROM settings ORDER BY key",
        "SELECT segment_id, coder, blind, created_at FROM assignments",
        "SELECT id, segment_id, coder, reviewer, verdict, text, created_at FROM review_comments",
        "SELECT respondent_id, question_id, wave, text, is_nonresponse FROM answers ORDER BY 1, 2, 3",
        "SELECT id, segment_id, code_id, coder, how, created_at FROM codings ORDER BY id",
        "SELECT * FROM codes ORDER BY id",
        "SELECT s.id, a.respondent_id, a.question_id, a.wave, s.start, s.end, s.coder, s.for_report, "
        "s.created_at "
        "FROM segments s JOIN answers a ON a.id = s.answer_id ORDER BY s.id",
    ],
)
def test_the_copy_holds_the_same_rows(trip, sql):
    original, copy, _, _ = trip
    assert _rows(copy, sql) == _rows(original, sql)


def test_questions_attributes_and_the_report_layer_travel(trip):
    original, copy, _, _ = trip
    assert survey.attributes_by_respondent(copy) == survey.attributes_by_respondent(original)
    assert _rows(copy, "SELECT text, kind, single_code FROM questions WHERE id = 'q9'") == [
        (f"Ubesvart {HOSTILE}", "comment", 1)
    ]
    assert report_layer.primary_coder(copy) == "kari"
    assert report_layer.consensus_coders(copy) == ["consensus"]


def test_codebook_keeps_lead_ins_and_definitions_exactly(trip):
    original, copy, _, _ = trip

    def fields(store):
        return {(c.id, c.name, c.definition, c.lead_in, c.codable) for c in Codebook.from_store(store).live()}

    assert fields(copy) == fields(original)
    codes = {code.id: code for code in Codebook.from_store(copy).live()}
    assert codes[SAMARBEID].lead_in == f"Mange nevner samarbeid. {HOSTILE}"
    assert codes[FASTLEGE].definition == "Positivt om fastleger.\n\nLead-in: ikke en innledning"
    assert codes[FASTLEGE].lead_in == "" and codes[BOLIG].definition == f"{HOSTILE}\r\nLinje to"


def _codings_in_archive(archive_path) -> dict[str, str]:
    """Coding guid → the code guid it names, as other tools read the archive."""
    with zipfile.ZipFile(archive_path) as archive:
        root = ET.fromstring(archive.read("project.qde"))
    tag = f"{{{PROJECT_NAMESPACE}}}"
    return {
        coding.get("guid"): coding.find(f"{tag}CodeRef").get("targetGUID")
        for coding in root.iter(f"{tag}Coding")
    }


def test_other_tools_see_live_codes_and_codings_counted_as_the_report_counts(trip):
    original, _, first, _ = trip
    with zipfile.ZipFile(first) as archive:
        root = ET.fromstring(archive.read("project.qde"))
    codebook = {code.get("guid") for code in root.iter(f"{{{PROJECT_NAMESPACE}}}Code")}
    assert codebook == {SAMARBEID, FASTLEGE, BOLIG, INGEN, "aaaaaaaa-0000-4000-8000-000000000007"}
    named = _codings_in_archive(first)
    resolve = Codebook.from_store(original).resolve
    counted = {
        (row["segment_id"], resolve(row["code_id"]), row["coder"])
        for row in coding_rows.all_codings(original)
        if resolve(row["code_id"])
    }
    by_id = {row["id"]: row for row in coding_rows.all_codings(original)}
    written = [(by_id[guid]["segment_id"], code, by_id[guid]["coder"]) for guid, code in named.items()]
    assert sorted(written) == sorted(counted)  # once each: the merge's duplicate collapsed
    assert ("22222222-2222-4222-8222-222222222222", BOLIG, "kari") in counted


def test_workbench_gets_deleted_and_merged_codes_and_every_coding_back(trip):
    original, copy, _, _ = trip
    codes = {code.id: code for code in Codebook.from_store(copy).all()}
    assert codes[GAMMEL].retired and codes[TIDSNOD].merged_into == BOLIG
    assert Codebook.from_store(copy).resolve(TIDSNOD) == BOLIG


def test_the_export_names_what_it_leaves_out(trip, tmp_path):
    original = trip[0]
    assert (
        left_out_notice(original)
        == "project.qdpx leaves out what REFI-QDA cannot hold: the change history (4 events)."
    )
    assert left_out_notice(create_project(tmp_path / "empty.db")) is None


def test_refi_export_warns_in_the_manifest(trip, tmp_path):
    from workbench.export import ExportOptions, run_export

    original = trip[0]
    result = run_export(original, "refi", ExportOptions(out=str(tmp_path / "r")))
    manifest = json.loads((result.folder / "manifest.json").read_text(encoding="utf-8"))
    assert any("leaves out" in warning for warning in manifest["warnings"])


def _archive(tmp_path, sets: str, codes: str = "") -> object:
    path = tmp_path / "foreign.qdpx"
    document = (
        f'<?xml version="1.0" encoding="utf-8"?><Project xmlns="{PROJECT_NAMESPACE}" name="x">'
        f"{codes}{f'<Sets>{sets}</Sets>' if sets else ''}</Project>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", document)
    return path


def test_foreign_and_garbled_sets_are_discarded_or_read_safely(tmp_path):
    garbled = json.dumps(
        {
            "workbench_question": {
                "id": "q7",
                "text": HOSTILE,
                "kind": "evil",
                "single_code": "yes",
                "waves": [{"wave": "x"}, "nonsense", {"wave": 2024, "status": "??", "sources": "q1"}],
            }
        }
    )
    sets = _set("NVivo-sett", "fra NVivo") + _set("q7", _xml(garbled))
    store = create_project(tmp_path / "p.db")
    report = import_qdpx(store, _archive(tmp_path, sets), coder="kari", wave=2024)
    assert report.discarded == {"Set": 1}
    assert _rows(store, "SELECT text, kind, single_code FROM questions") == [(HOSTILE, "open", 0)]
    assert _rows(store, "SELECT wave, form_id, status, sources FROM question_waves") == [
        (2024, "q7", "new", "[]")
    ]


def test_a_set_with_a_wave_that_is_no_year_is_refused_and_changes_nothing(tmp_path):
    question = json.dumps({"workbench_question": {"id": "q7", "waves": [{"wave": 99999}]}})
    sets = _set("q7", question)
    store = create_project(tmp_path / "p.db")
    with pytest.raises(UserError, match="not a survey year"):
        import_qdpx(store, _archive(tmp_path, sets), coder="kari")
    assert store.scalar("SELECT COUNT(*) FROM questions") == 0


def test_a_qdpx_code_name_holding_the_separator_becomes_a_path_with_a_notice(tmp_path):
    codes = (
        '<CodeBook><Codes><Code guid="0a000000-0000-4000-8000-000000000009" name="Kapasitet>Ventetid" '
        'isCodable="true"/></Codes></CodeBook>'
    )
    sets = '<Set guid="0e000000-0000-4000-8000-000000000001" name="tom"/>'
    store = create_project(tmp_path / "p.db")
    report = import_qdpx(store, _archive(tmp_path, sets, codes), coder="kari")
    codebook = Codebook.from_store(store)
    assert [codebook.path(code.id) for code in codebook.live()] == ["Kapasitet", "Kapasitet > Ventetid"]
    [notice] = report.notices
    assert notice == (
        "foreign.qdpx: the code name 'Kapasitet>Ventetid' holds '>'; read as the path 'Kapasitet > Ventetid'."
    )
    assert "read as the path" in report.summary()


def _set(name: str, description: str) -> str:
    guid = stable_id("test-set", name)
    return f'<Set guid="{guid}" name="{name}"><Description>{description}</Description></Set>'


def _xml(text: str) -> str:
    element = ET.Element("x")
    element.text = text
    return ET.tostring(element, encoding="unicode")[3:-4]


@pytest.mark.filterwarnings("ignore:Glyph")  # matplotlib has no glyph for the escape symbol
def test_the_command_line_round_trip_gives_the_same_counts(tmp_path, capsys, monkeypatch):
    from conftest_export import install_fake_anonymiser

    from workbench.cli import main

    install_fake_anonymiser(monkeypatch)
    build_hostile_project(tmp_path / "p.db").close()
    assert main(["export", str(tmp_path / "p.db"), "refi", "--out", str(tmp_path / "r")]) == 0
    assert "project.qdpx leaves out what REFI-QDA cannot hold: the change history" in capsys.readouterr().err
    assert main(["init", str(tmp_path / "c.db")]) == 0
    assert main(["import", str(tmp_path / "c.db"), str(tmp_path / "r" / "project.qdpx")]) == 0
    assert "Discarded" not in capsys.readouterr().out
    counts = []
    for name in ("p", "c"):
        for wave in ("2023", "2024"):
            out = tmp_path / f"{name}{wave}"
            arguments = ["export", str(tmp_path / f"{name}.db"), "counts", "--wave", wave, "--out", str(out)]
            assert main(arguments) == 0
            counts.append((out / "counts.md").read_text(encoding="utf-8"))
    assert counts[:2] == counts[2:]


def test_team_marks_sharing_ids_on_two_segments_arrive_without_clashing(tmp_path):
    decision = {"id": "same", "coders": "a|b", "decision": "neither", "decided_by": "a", "decided_at": "2026"}
    comment = {
        "id": "r1",
        "coder": "a",
        "reviewer": "b",
        "verdict": "agree",
        "text": HOSTILE,
        "created_at": "t",
    }
    team = {
        "adjudications": [decision, {"id": 7, "coders": []}],
        "assignments": [{"coder": "ola", "blind": 1, "created_at": "t"}, {"coder": 5}, "x"],
        "review_comments": [comment, {**comment, "id": "r2", "verdict": "hack"}],
    }
    marks = _xml(json.dumps({"for_report": True, **team}))
    selections = "".join(
        f'<PlainTextSelection guid="{stable_id("sel", str(start))}" startPosition="{start}" '
        f'endPosition="{end}"><Description>{marks}</Description></PlainTextSelection>'
        for start, end in ((0, 3), (3, 9))
    )
    source = (
        f'<Sources><TextSource guid="{stable_id("src")}" name="r1"><PlainTextContent>Hei og hå'
        f"</PlainTextContent>{selections}</TextSource></Sources>"
    )
    store = create_project(tmp_path / "p.db")
    import_qdpx(store, _archive(tmp_path, "", source), coder="kari", wave=2024)
    rows = _rows(store, "SELECT id = 'same', coders, decision, codes FROM adjudications ORDER BY 1")
    assert rows == [(0, "a|b", "neither", "[]"), (1, "a|b", "neither", "[]")]
    assert _rows(store, "SELECT coder, blind FROM assignments") == [("ola", 1), ("ola", 1)]
    assert _rows(store, "SELECT id, verdict, text FROM review_comments") == [("r1", "agree", HOSTILE)]


def test_importing_the_archive_into_its_own_project_changes_no_code_or_coding(trip):
    original, _, first, _ = trip
    tables = "SELECT * FROM codes ORDER BY id", "SELECT * FROM codings ORDER BY id"
    before = [_rows(original, sql) for sql in tables]
    report = import_qdpx(original, first, coder="kari")
    assert (report.codes_new, report.codings_new) == (0, 0)
    assert [_rows(original, sql) for sql in tables] == before


def test_garbled_codebook_details_never_bring_a_hidden_code_to_life(tmp_path):
    details = {
        "workbench_codebook": {
            "codes": [
                {"id": "x1", "name": "Slått sammen", "merged_into": "missing"},
                {"id": "x2", "name": "Seg selv", "merged_into": "x2"},
                {"id": "x3", "name": HOSTILE, "retired": 1, "parent_id": "x3", "position": "2"},
                "nonsense",
                {"name": "uten id", "retired": 1},
            ],
            "codings": {"nope": {"how": "hacked", "code_id": "x1"}, "also": []},
            "hidden_codings": [
                {
                    "id": "c1",
                    "segment_id": "no-such",
                    "code_id": "x1",
                    "coder": "a",
                    "how": "typed",
                    "created_at": "t",
                },
                {"id": "c2", "how": "typed"},
                7,
            ],
        }
    }
    store = create_project(tmp_path / "p.db")
    report = import_qdpx(store, _archive(tmp_path, _set("d", _xml(json.dumps(details)))), coder="kari")
    assert not report.discarded
    codebook = Codebook.from_store(store)
    assert codebook.live() == ()
    assert sorted((code.id, code.retired, code.merged_into) for code in codebook.all()) == [
        ("x1", True, None),
        ("x2", True, None),
        ("x3", True, None),
    ]
    assert store.scalar("SELECT COUNT(*) FROM codings") == 0


def test_a_qdc_holds_the_live_codes_with_their_lead_ins(trip, tmp_path):
    from workbench.coding import codelists

    original = trip[0]
    path = codelists.export_code_list(original, tmp_path / "codes.qdc")
    fresh = create_project(tmp_path / "fresh.db")
    codelists.import_code_list(fresh, path, "kari")
    lead_ins = {code.name: code.lead_in for code in Codebook.from_store(fresh).all()}
    assert set(lead_ins) == {
        "Samarbeid",
        "Fastlege godt",
        "Ingen endring",
        '=Bolig "sitert" [b]x[/b] ␛[2J',
        "Tomt tema",
    }
    empty_theme = next(code for code in Codebook.from_store(fresh).all() if code.name == "Tomt tema")
    assert empty_theme.is_theme and not empty_theme.codable
    shown = f"Mange nevner samarbeid. {HOSTILE}".replace("\x1b", "␛").replace("\x07", "␇")
    assert lead_ins["Samarbeid"] == shown  # a .qdc is plain XML: control characters become symbols


def test_the_notice_names_every_log_the_archive_leaves_out(tmp_path):
    store = create_project(tmp_path / "p.db")
    with store.atomic():
        for name in ("a.csv", "b.csv"):
            store.execute(
                "INSERT INTO imports (file_name, file_sha256, layout, wave, imported_at, new_answers) "
                "VALUES (?, 'x', 'long', 2024, 't', 1)",
                (name,),
            )
        store.execute("INSERT INTO anonymisation_log (at, segment_id, action) VALUES ('t', 's', 'approve')")
    assert left_out_notice(store) == (
        "project.qdpx leaves out what REFI-QDA cannot hold: the import log (2 files), "
        "the anonymisation log (1 entry)."
    )


def test_the_import_command_prints_a_hostile_split_name_inertly(tmp_path, capsys):
    from workbench.cli import main

    codes = (
        '<CodeBook><Codes><Code guid="0a000000-0000-4000-8000-000000000009" name="Kø&gt;&#x9b;2J[b]x[/b]" '
        'isCodable="true"/></Codes></CodeBook>'
    )
    create_project(tmp_path / "p.db").close()
    assert main(["import", str(tmp_path / "p.db"), str(_archive(tmp_path, "", codes))]) == 0
    printed = capsys.readouterr().out
    assert "holds '>'; read as the path 'Kø > " in printed and "2J[b]x[/b]'" in printed
    assert "\x9b" not in printed  # the C1 control sequence introducer is shown as a symbol


def _edited_by_another_tool(first, edited):
    """The archive after another tool renamed Bolig and recoded kari's first coding to Ingen."""
    ET.register_namespace("", PROJECT_NAMESPACE)
    tag = f"{{{PROJECT_NAMESPACE}}}"
    with zipfile.ZipFile(first) as source, zipfile.ZipFile(edited, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "project.qde":
                root = ET.fromstring(data)
                next(c for c in root.iter(f"{tag}Code") if c.get("guid") == BOLIG).set(
                    "name", "Bolig (NVivo)"
                )
                coding = next(c for c in root.iter(f"{tag}Coding") if c.get("guid").endswith("000000000000"))
                coding.find(f"{tag}CodeRef").set("targetGUID", INGEN)
                data = ET.tostring(root, encoding="utf-8", xml_declaration=True)
            target.writestr(name, data)
    return edited


def test_what_another_tool_changed_is_not_overwritten_by_what_workbench_kept(trip, tmp_path):
    edited = _edited_by_another_tool(trip[2], tmp_path / "edited.qdpx")
    copy = create_project(tmp_path / "edited.db")
    import_qdpx(copy, edited, coder="importer")
    codes = {code.id: code for code in Codebook.from_store(copy).live()}
    assert codes[BOLIG].name == "Bolig (NVivo)"
    assert codes[BOLIG].definition == f"{HOSTILE}\r\nLinje to"  # untouched there: still exact
    [recoded] = coding_rows.codings_by_id(copy, ["cccccccc-0000-4000-8000-000000000000"])
    assert (recoded["code_id"], recoded["how"]) == (INGEN, "imported")
    [kept] = coding_rows.codings_by_id(copy, ["cccccccc-0000-4000-8000-000000000001"])
    assert kept["how"] == "typed"

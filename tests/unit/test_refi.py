"""REFI-QDA: .qdc codebooks and .qdpx projects, validated, deterministic and round-tripped."""

import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from interchange_fixtures import ANSWERS, build_coded_project, project_snapshot
from interchange_fixtures import validate_project_xml as _validate

from workbench.errors import UserError
from workbench.project import create_project
from workbench.refi.codebook import CODEBOOK_NAMESPACE, read_qdc, write_qdc
from workbench.refi.project import PROJECT_NAMESPACE, export_qdpx
from workbench.refi.project_import import import_qdpx
from workbench.store import segments as segment_rows


def test_qdpx_export_is_schema_valid_and_holds_every_source(tmp_path):
    store = build_coded_project(tmp_path / "p.db")
    archive_path = export_qdpx(store, tmp_path / "out" / "project.qdpx")
    with zipfile.ZipFile(archive_path) as archive:
        document = archive.read("project.qde")
        source_files = [name for name in archive.namelist() if name.startswith("sources/")]
        texts = {archive.read(name).decode("utf-8") for name in source_files}
    _validate(document)
    assert len(source_files) == 4  # the blank answer travels as a non-response: the base survives
    assert texts == {text for _, _, text in ANSWERS}
    root = ET.fromstring(document)
    children = [child.tag.split("}")[1] for child in root]
    assert children == ["Users", "CodeBook", "Variables", "Cases", "Sources", "Notes", "Sets"]
    selections = root.findall(f".//{{{PROJECT_NAMESPACE}}}PlainTextSelection")
    assert {(s.get("startPosition"), s.get("endPosition")) for s in selections} >= {("0", "37")}
    assert len(root.findall(f".//{{{PROJECT_NAMESPACE}}}Coding")) == 4


def test_qdpx_export_is_deterministic(tmp_path):
    store = build_coded_project(tmp_path / "p.db")
    first = export_qdpx(store, tmp_path / "a" / "project.qdpx").read_bytes()
    second = export_qdpx(store, tmp_path / "b" / "project.qdpx").read_bytes()
    assert first == second


def test_qdpx_round_trip_keeps_every_identity(tmp_path):
    original = build_coded_project(tmp_path / "p.db")
    exported = export_qdpx(original, tmp_path / "a" / "project.qdpx")
    copy = create_project(tmp_path / "copy.db")
    report = import_qdpx(copy, exported, coder="importer")
    assert (report.codes_new, report.answers_new, report.codings_new, report.memos_new) == (4, 4, 4, 1)
    assert not report.discarded
    assert project_snapshot(copy) == project_snapshot(original)
    again = export_qdpx(copy, tmp_path / "b" / "project.qdpx")
    assert again.read_bytes() == exported.read_bytes()


def test_qdpx_import_twice_adds_nothing(tmp_path):
    original = build_coded_project(tmp_path / "p.db")
    exported = export_qdpx(original, tmp_path / "project.qdpx")
    report = import_qdpx(original, exported, coder="kari")
    assert (report.codes_new, report.answers_new, report.segments_new, report.codings_new) == (0, 0, 0, 0)


def _foreign_archive(path: Path) -> Path:
    ns = PROJECT_NAMESPACE
    document = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="{ns}" name="fra NVivo">
  <CodeBook><Codes>
    <Code guid="0a000000-0000-4000-8000-000000000001" name="Tema" isCodable="false">
      <Code guid="0a000000-0000-4000-8000-000000000002" name="Kode" isCodable="true"/>
    </Code>
  </Codes></CodeBook>
  <Sources>
    <TextSource guid="0b000000-0000-4000-8000-000000000001" name="Intervju 1" plainTextPath="internal://one.txt">
      <PlainTextSelection guid="0c000000-0000-4000-8000-000000000001" startPosition="0" endPosition="5">
        <Coding guid="0d000000-0000-4000-8000-000000000001">
          <CodeRef targetGUID="0a000000-0000-4000-8000-000000000002"/>
        </Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="0c000000-0000-4000-8000-000000000002" startPosition="3" endPosition="9">
        <Coding guid="0d000000-0000-4000-8000-000000000002">
          <CodeRef targetGUID="0a000000-0000-4000-8000-000000000002"/>
        </Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="0c000000-0000-4000-8000-000000000003" startPosition="10" endPosition="14">
        <Coding guid="0d000000-0000-4000-8000-000000000003">
          <CodeRef targetGUID="0a000000-0000-4000-8000-00000000dead"/>
        </Coding>
      </PlainTextSelection>
    </TextSource>
    <PictureSource guid="0b000000-0000-4000-8000-000000000002" path="internal://bilde.png"/>
  </Sources>
</Project>"""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", document)
        archive.writestr("Sources/one.txt", "Hei og hå, dette er tekst.")
    return path


def test_qdpx_import_reports_what_it_discards(tmp_path):
    store = create_project(tmp_path / "p.db")
    report = import_qdpx(store, _foreign_archive(tmp_path / "foreign.qdpx"), coder="kari", wave=2024)
    assert report.discarded == {
        "PictureSource": 1,
        "overlapping selection": 1,
        "Coding of an unknown code": 1,
    }
    assert report.answers_new == 1 and report.codings_new == 1
    segments = [(row["start"], row["end"]) for row in segment_rows.all_segments(store)]
    assert segments == [(0, 5), (5, 10), (10, 14), (14, 26)]  # selections plus the gaps


@pytest.mark.parametrize(
    "content, message",
    [(b"not a zip at all", "not a REFI-QDA .qdpx archive"), (None, "exactly one .qde file")],
)
def test_qdpx_import_refuses_bad_archives_and_changes_nothing(tmp_path, content, message):
    path = tmp_path / "bad.qdpx"
    if content is None:
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("a.qde", "<x/>")
            archive.writestr("b.qde", "<x/>")
    else:
        path.write_bytes(content)
    store = create_project(tmp_path / "p.db")
    with pytest.raises(UserError, match=message):
        import_qdpx(store, path, coder="kari")
    assert store.scalar("SELECT COUNT(*) FROM answers") == 0


def test_qdc_codebook_round_trip_and_schema(tmp_path):
    store = build_coded_project(tmp_path / "p.db")
    path = write_qdc(store, tmp_path / "codes.qdc")
    document = path.read_bytes()
    assert ET.fromstring(document).tag == f"{{{CODEBOOK_NAMESPACE}}}CodeBook"
    # The codebook's Codes element has the project schema's CodeBookType: validate it there.
    as_project = document.decode("utf-8").replace(
        f'<CodeBook xmlns="{CODEBOOK_NAMESPACE}">',
        f'<Project xmlns="{PROJECT_NAMESPACE}" name="x"><CodeBook>',
    )
    _validate((as_project + "</Project>").encode("utf-8"))
    specs = read_qdc(path)
    assert [spec.path for spec in specs] == [
        ("Samarbeid",),
        ("Samarbeid", "Fastlege godt"),
        ("Bolig",),
        ("Ingen endring",),
    ]
    assert specs[0].is_theme and not specs[0].codable
    assert specs[1].definition == "Positivt om fastleger." and specs[1].colour == "#4e79a7"


def test_qdc_reading_refuses_a_foreign_file(tmp_path):
    path = tmp_path / "codes.qdc"
    path.write_text("<Something/>")
    with pytest.raises(UserError, match="not a REFI-QDA CodeBook"):
        read_qdc(path)


def test_workbench_import_reads_a_qdpx_and_says_what_it_discarded(tmp_path, capsys):
    from workbench.cli import main

    create_project(tmp_path / "p.db").close()
    archive = _foreign_archive(tmp_path / "foreign.qdpx")
    assert main(["import", str(tmp_path / "p.db"), str(archive), "--wave", "2024"]) == 0
    printed = capsys.readouterr().out
    assert "Imported 1 new answers" in printed
    assert "Discarded 1 × PictureSource." in printed


def test_a_report_after_a_qdpx_round_trip_is_the_same_report(tmp_path, monkeypatch):
    from conftest_export import build_export_project, install_fake_anonymiser

    from workbench.export import ExportOptions, run_export
    from workbench.refi.project_import import import_qdpx

    install_fake_anonymiser(monkeypatch)
    original = build_export_project(tmp_path / "p.db").store
    with original.atomic():
        original.execute(
            "INSERT INTO anonymisation_texts "
            "(segment_id, segment_hash, final_text, approved_by, approved_at) "
            "SELECT id, 'h', 'Anonymt.', 'ann', '2024-05-01' FROM segments LIMIT 1"
        )
    exported = export_qdpx(original, tmp_path / "p.qdpx")
    copy = create_project(tmp_path / "copy.db")
    report = import_qdpx(copy, exported, coder="importer")
    assert not report.discarded
    reports = []
    for store, name in ((original, "a"), (copy, "b")):
        result = run_export(store, "report", ExportOptions(out=str(tmp_path / name), all_segments=True))
        counts = (result.folder / "counts.csv").read_text(encoding="utf-8-sig").splitlines()
        reports.append([(result.folder / "report.md").read_text(encoding="utf-8"), counts])
    assert reports[0] == reports[1]
    assert reports[1][1][-1].startswith("q03;")  # a question without answers travels too
    assert "Uten kapittel" not in reports[1][0] and "### Spørsmål q01? (q01)" in reports[1][0]
    approvals = "SELECT segment_id, segment_hash, final_text, approved_by FROM anonymisation_texts"
    assert copy.rows(approvals) == original.rows(approvals)

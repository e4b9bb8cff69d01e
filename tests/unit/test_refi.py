"""REFI-QDA: .qdc codebooks and .qdpx projects, validated, deterministic and round-tripped."""

import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from workbench.errors import UserError
from workbench.project import create_project
from workbench.refi.codebook import CODEBOOK_NAMESPACE, read_qdc, write_qdc
from workbench.refi.project import PROJECT_NAMESPACE, export_qdpx
from workbench.refi.project_import import import_qdpx
from workbench.store import interchange, stable_id

SCHEMA = Path(__file__).resolve().parents[2].parent / "shared" / "refi" / "Project.xsd"

ANSWERS = [
    ("0301", "q1", "Samarbeidet med fastlegene var godt. Boligmangel er verst."),
    ("1103", "q1", "Som før."),
    ("1103", "q2", "Vi har fått flere oppgaver etter pakkeforløp."),
    ("4601", "q1", "   "),
]


def _code(store, code_id, name, parent_id=None, *, theme=False, position=0, definition=""):
    interchange.insert_code(store, {
        "id": code_id, "parent_id": parent_id, "name": name, "definition": definition,
        "colour": "#4e79a7" if not theme else None, "is_theme": int(theme),
        "codable": int(not theme), "position": position, "retired": 0, "merged_into": None,
        "created_at": "2026-01-01T00:00:00+00:00", "created_by": "kari",
    })


def build_coded_project(path: Path):
    """A small project: two questions, a split answer, a theme tree, two coders, a memo."""
    store = create_project(path)
    with store.atomic():
        interchange.upsert_respondent(store, "0301", {"name": "Oslo", "county": "Oslo"})
        interchange.upsert_respondent(store, "1103", {"name": "Stavanger", "county": "Rogaland"})
        interchange.upsert_respondent(store, "4601", {"name": "Bergen"})
        interchange.ensure_question(store, "q1", "Samarbeid?")
        interchange.ensure_question(store, "q2", "Nye oppgaver?")
        segments = {}
        for respondent, question, text in ANSWERS:
            answer_id = interchange.insert_answer(store, respondent, question, 2023, text)
            if text.strip():
                segment_id = stable_id("segment", respondent, question, 2023)
                interchange.insert_segment(store, {"id": segment_id, "answer_id": answer_id,
                                                   "start": 0, "end": len(text)})
                segments[(respondent, question)] = (answer_id, segment_id)
        # Split Oslo's answer into two segments at the second sentence.
        answer_id, whole = segments[("0301", "q1")]
        split_at = ANSWERS[0][2].index("Boligmangel")
        interchange.replace_segments(store, answer_id, [
            {"id": "11111111-1111-4111-8111-111111111111", "start": 0, "end": split_at},
            {"id": "22222222-2222-4222-8222-222222222222", "start": split_at, "end": len(ANSWERS[0][2])},
        ])
        _code(store, "aaaaaaaa-0000-4000-8000-000000000001", "Samarbeid", theme=True)
        _code(store, "aaaaaaaa-0000-4000-8000-000000000002", "Fastlege godt",
              "aaaaaaaa-0000-4000-8000-000000000001", definition="Positivt om fastleger.")
        _code(store, "aaaaaaaa-0000-4000-8000-000000000003", "Bolig", position=1)
        _code(store, "aaaaaaaa-0000-4000-8000-000000000004", "Ingen endring", position=2)
        for coder in ("kari", "ola"):
            interchange.ensure_coder(store, coder)
        codings = [
            ("11111111-1111-4111-8111-111111111111", "aaaaaaaa-0000-4000-8000-000000000002", "kari"),
            ("22222222-2222-4222-8222-222222222222", "aaaaaaaa-0000-4000-8000-000000000003", "kari"),
            ("22222222-2222-4222-8222-222222222222", "aaaaaaaa-0000-4000-8000-000000000003", "ola"),
            (segments[("1103", "q1")][1], "aaaaaaaa-0000-4000-8000-000000000004", "ola"),
        ]
        for number, (segment_id, code_id, coder) in enumerate(codings):
            interchange.insert_coding(store, {
                "id": f"cccccccc-0000-4000-8000-00000000000{number}", "segment_id": segment_id,
                "code_id": code_id, "coder": coder, "how": "typed",
                "created_at": f"2026-02-0{number + 1}T10:00:00+00:00",
            })
        interchange.insert_memo(store, {
            "id": "dddddddd-0000-4000-8000-000000000001",
            "segment_id": "22222222-2222-4222-8222-222222222222", "coder": "kari",
            "text": "Gjelder særlig unge voksne.", "created_at": "2026-02-05T10:00:00+00:00",
        })
        interchange.set_for_report(store, "22222222-2222-4222-8222-222222222222", True)
    return store


def _validate(document: bytes) -> None:
    if not SCHEMA.exists():
        pytest.skip("shared/refi/Project.xsd is not present")
    import xmlschema

    xmlschema.XMLSchema(str(SCHEMA)).validate(document.decode("utf-8"))


def _snapshot(store) -> dict:
    return {
        "codings": sorted(
            (row["id"], row["segment_id"], row["code_id"], row["coder"]) for row in interchange.coding_rows(store)
        ),
        "segments": sorted(
            (row["id"], row["start"], row["end"], row["for_report"]) for row in interchange.segment_rows(store)
        ),
        "memos": sorted((row["id"], row["segment_id"], row["text"]) for row in interchange.memo_rows(store)),
        "codes": sorted((row["id"], row["parent_id"], row["name"]) for row in interchange.unmerged_codes(store)),
    }


def test_qdpx_export_is_schema_valid_and_holds_every_source(tmp_path):
    store = build_coded_project(tmp_path / "p.db")
    archive_path = export_qdpx(store, tmp_path / "out" / "project.qdpx")
    with zipfile.ZipFile(archive_path) as archive:
        document = archive.read("project.qde")
        source_files = [name for name in archive.namelist() if name.startswith("sources/")]
        texts = {archive.read(name).decode("utf-8") for name in source_files}
    _validate(document)
    assert len(source_files) == 3  # the blank answer is a non-response, not a source
    assert texts == {text for _, _, text in ANSWERS if text.strip()}
    root = ET.fromstring(document)
    children = [child.tag.split("}")[1] for child in root]
    assert children == ["Users", "CodeBook", "Variables", "Cases", "Sources", "Notes"]
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
    assert (report.codes_new, report.answers_new, report.codings_new, report.memos_new) == (4, 3, 4, 1)
    assert not report.discarded
    assert _snapshot(copy) == _snapshot(original)
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
        <Coding guid="0d000000-0000-4000-8000-000000000001"><CodeRef targetGUID="0a000000-0000-4000-8000-000000000002"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="0c000000-0000-4000-8000-000000000002" startPosition="3" endPosition="9">
        <Coding guid="0d000000-0000-4000-8000-000000000002"><CodeRef targetGUID="0a000000-0000-4000-8000-000000000002"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="0c000000-0000-4000-8000-000000000003" startPosition="10" endPosition="14">
        <Coding guid="0d000000-0000-4000-8000-000000000003"><CodeRef targetGUID="0a000000-0000-4000-8000-00000000dead"/></Coding>
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
        "PictureSource": 1, "overlapping selection": 1, "Coding of an unknown code": 1,
    }
    assert report.answers_new == 1 and report.codings_new == 1
    segments = [(row["start"], row["end"]) for row in interchange.segment_rows(store)]
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
        ("Samarbeid",), ("Samarbeid", "Fastlege godt"), ("Bolig",), ("Ingen endring",)
    ]
    assert specs[0].is_theme and not specs[0].codable
    assert specs[1].definition == "Positivt om fastleger." and specs[1].colour == "#4e79a7"


def test_qdc_reading_refuses_a_foreign_file(tmp_path):
    path = tmp_path / "codes.qdc"
    path.write_text("<Something/>")
    with pytest.raises(UserError, match="not a REFI-QDA CodeBook"):
        read_qdc(path)

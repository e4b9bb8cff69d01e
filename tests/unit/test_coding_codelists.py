"""Code lists: YAML and CSV export/import, matched by path, reporting new/changed/unchanged."""

import csv

import pytest
import yaml
from coding_project import build_project

from workbench import coding
from workbench.coding import codelists
from workbench.errors import UserError

YAML_LIST = """\
title: Samarbeid med fastleger under pandemien
question: q01
codes:
  - name: Samarbeid fungerte godt
    definition: Svar som beskriver godt samarbeid.
    children:
      - name: Faste møtepunkter
        definition: Jevnlige møter.
        colour: "#4e79a7"
      - name: Ok, bra/godt/utmerket
  - name: Annet
    definition: Restkategori.
"""


@pytest.fixture
def store(tmp_path):
    store = build_project(tmp_path / "p.db", {"q01": ["Et svar"]})
    yield store
    store.close()


def test_yaml_import_builds_the_tree(store, tmp_path):
    source = tmp_path / "list.yaml"
    source.write_text(YAML_LIST, encoding="utf-8")
    report = codelists.import_code_list(store, source, "ann")
    assert report.new == (
        "Samarbeid fungerte godt",
        "Samarbeid fungerte godt > Faste møtepunkter",
        "Samarbeid fungerte godt > Ok, bra/godt/utmerket",
        "Annet",
    )
    codebook = coding.Codebook.from_store(store)
    tree = codebook.children()
    assert [node.name for node in tree] == ["Samarbeid fungerte godt", "Annet"]
    assert tree[0].is_theme and not tree[0].codable
    assert codebook.children(tree[0].id)[0].colour == "#4e79a7"
    assert coding.undo(store, "ann") == "import code list"
    assert list(coding.Codebook.from_store(store).live()) == []


def test_yaml_export_round_trips(store, tmp_path):
    source = tmp_path / "list.yaml"
    source.write_text(YAML_LIST, encoding="utf-8")
    codelists.import_code_list(store, source, "ann")
    exported = tmp_path / "out.yaml"
    codelists.export_code_list(store, exported, title="T", question="q01")
    document = yaml.safe_load(exported.read_text(encoding="utf-8"))
    original = yaml.safe_load(YAML_LIST)
    assert document["codes"] == original["codes"]
    assert (document["title"], document["question"]) == ("T", "q01")


def test_reimport_reports_changed_and_unchanged(store, tmp_path):
    source = tmp_path / "list.yaml"
    source.write_text(YAML_LIST, encoding="utf-8")
    codelists.import_code_list(store, source, "ann")
    source.write_text(
        YAML_LIST.replace("Restkategori.", "Alt annet.") + "  - name: Ny kode\n", encoding="utf-8"
    )
    report = codelists.import_code_list(store, source, "ann")
    assert report.new == ("Ny kode",)
    assert report.changed == ("Annet",)
    assert len(report.unchanged) == 3


def test_csv_round_trip_keeps_paths_with_slashes(store, tmp_path):
    coding.code_for_path(store, "Kapasitet > Ventetid/kø", "ann")
    exported = tmp_path / "list.csv"
    codelists.export_code_list(store, exported)
    lines = exported.read_text(encoding="utf-8").splitlines()
    assert lines == ["path,description,colour,lead_in", "Kapasitet,,,", "Kapasitet > Ventetid/kø,,,"]
    other = build_project(tmp_path / "o.db", {"q01": ["x"]})
    report = codelists.import_code_list(other, exported, "ann")
    assert report.new == ("Kapasitet", "Kapasitet > Ventetid/kø")
    assert coding.Codebook.from_store(other).children()[0].is_theme
    other.close()


def test_csv_with_only_leaf_paths_creates_the_themes(store, tmp_path):
    source = tmp_path / "list.csv"
    source.write_text("path;definition\nA > B > C;Regel\n", encoding="utf-8")
    report = codelists.import_code_list(store, source, "ann")
    assert report.new == ("A", "A > B", "A > B > C")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.yaml", "codes: [", "not valid YAML"),
        ("bad.yaml", "title: x\n", "'codes:' list"),
        ("bad.yaml", "codes:\n  - definition: x\n", "needs a name"),
        ("bad.csv", "label\nx\n", "'path' column"),
        ("bad.csv", "path\nA > > B\n", "not a code path"),
        ("bad.txt", "x", "unknown code-list format"),
    ],
)
def test_bad_files_are_user_errors(store, tmp_path, name, content, message):
    source = tmp_path / name
    source.write_text(content, encoding="utf-8")
    with pytest.raises(UserError, match=message):
        codelists.import_code_list(store, source, "ann")


def test_qdc_goes_through_the_refi_module(store, tmp_path):
    source = tmp_path / "list.yaml"
    source.write_text(YAML_LIST, encoding="utf-8")
    codelists.import_code_list(store, source, "ann")
    exported = tmp_path / "list.qdc"
    codelists.export_code_list(store, exported)
    other = build_project(tmp_path / "o.db", {"q01": ["x"]})
    report = codelists.import_code_list(other, exported, "ann")
    assert len(report.new) == 4
    assert [node.name for node in coding.Codebook.from_store(other).children()] == [
        "Samarbeid fungerte godt",
        "Annet",
    ]
    other.close()


def test_taguette_csv_with_tag_parent_and_description_is_read(store, tmp_path):
    source = tmp_path / "taguette.csv"
    source.write_text(
        "tag,description,parent,number of highlights\nVentetid,Lang kø,Kapasitet,3\nKapasitet,,,0\n",
        encoding="utf-8",
    )
    report = codelists.import_code_list(store, source, "ann")
    assert set(report.new) == {"Kapasitet", "Kapasitet > Ventetid"}
    codebook = coding.Codebook.from_store(store)
    [theme] = codebook.children()
    assert codebook.children(theme.id)[0].definition == "Lang kø"


def test_written_csv_is_what_taguette_reads_and_lead_ins_travel(store, tmp_path):
    source = tmp_path / "list.yaml"
    source.write_text(
        "codes:\n  - name: Samarbeid\n    lead_in: 'Mange trekker fram samarbeid:'\n"
        "    children:\n      - name: Møter\n        description: Faste møter.\n",
        encoding="utf-8",
    )
    codelists.import_code_list(store, source, "ann")
    exported = tmp_path / "list.csv"
    codelists.export_code_list(store, exported)
    rows = list(csv.DictReader(exported.open(encoding="utf-8")))
    assert [row["path"] for row in rows] == ["Samarbeid", "Samarbeid > Møter"]
    assert rows[1]["description"] == "Faste møter." and rows[0]["lead_in"] == "Mange trekker fram samarbeid:"
    other = build_project(tmp_path / "o.db", {"q01": ["x"]})
    codelists.import_code_list(other, exported, "ann")
    yaml_out = tmp_path / "back.yaml"
    codelists.export_code_list(other, yaml_out)
    assert "lead_in: 'Mange trekker fram samarbeid:'" in yaml_out.read_text(encoding="utf-8")
    other.close()


def test_a_qdc_name_holding_the_separator_is_read_as_a_path_with_a_notice(store, tmp_path):
    source = tmp_path / "taguette.qdc"
    source.write_text(
        '<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>'
        '<Code guid="6f1c2a4e-8b0d-4c1e-9a55-2f7e3d9b4c11" name="Kapasitet>Ventetid" isCodable="true"/>'
        "</Codes></CodeBook>",
        encoding="utf-8",
    )
    report = codelists.import_code_list(store, source, "ann")
    assert report.new == ("Kapasitet", "Kapasitet > Ventetid")
    [notice] = report.notices
    assert notice.startswith("taguette.qdc: the code name 'Kapasitet>Ventetid' holds '>'")


LEAD_IN_LIST = """\
codes:
  - name: Samarbeid
    lead_in: 'Mange trekker fram samarbeid: [b]=SUM(A1)[/b]'
    children:
      - name: Møter
        definition: "Faste møter.\\n\\nLead-in: dette er en del av definisjonen"
      - name: Annet
        definition: Restkategori.
"""


def _description_of(path, name: str) -> str | None:
    import xml.etree.ElementTree as ET

    namespace = "{urn:QDA-XML:codebook:1.0}"
    for element in ET.parse(path).getroot().iter(f"{namespace}Code"):
        if element.get("name") == name:
            description = element.find(f"{namespace}Description")
            return None if description is None else description.text
    raise AssertionError(name)


def test_lead_ins_travel_in_a_qdc_description_and_definitions_read_back_unchanged(store, tmp_path):
    source = tmp_path / "list.yaml"
    source.write_text(LEAD_IN_LIST, encoding="utf-8")
    codelists.import_code_list(store, source, "ann")
    exported = tmp_path / "list.qdc"
    codelists.export_code_list(store, exported)
    # Other tools see the definition first and the lead-in as the description's last paragraph.
    assert _description_of(exported, "Samarbeid") == "Lead-in: Mange trekker fram samarbeid: [b]=SUM(A1)[/b]"
    assert _description_of(exported, "Annet") == "Restkategori."
    assert _description_of(exported, "Møter") == (
        "Faste møter.\n\nLead-in: dette er en del av definisjonen\n\nLead-in:"
    )
    other = build_project(tmp_path / "o.db", {"q01": ["x"]})
    codelists.import_code_list(other, exported, "ann")
    fields = {code.name: (code.definition, code.lead_in) for code in coding.Codebook.from_store(other).live()}
    assert fields == {
        "Samarbeid": ("", "Mange trekker fram samarbeid: [b]=SUM(A1)[/b]"),
        "Møter": ("Faste møter.\n\nLead-in: dette er en del av definisjonen", ""),
        "Annet": ("Restkategori.", ""),
    }
    other.close()


def test_a_foreign_qdc_description_with_a_lead_in_paragraph_fills_both(store, tmp_path):
    source = tmp_path / "nvivo.qdc"
    source.write_text(
        '<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>'
        '<Code guid="6f1c2a4e-8b0d-4c1e-9a55-2f7e3d9b4c11" name="Ventetid" isCodable="true">'
        "<Description>Lang kø.\r\n\r\nLead-in:   Mange venter lenge.  </Description></Code>"
        '<Code guid="6f1c2a4e-8b0d-4c1e-9a55-2f7e3d9b4c12" name="Kø" isCodable="true">'
        "<Description>Lead-in om kø er ikke markert her.</Description></Code>"
        "</Codes></CodeBook>",
        encoding="utf-8",
    )
    codelists.import_code_list(store, source, "ann")
    fields = {code.name: (code.definition, code.lead_in) for code in coding.Codebook.from_store(store).live()}
    assert fields == {
        "Ventetid": ("Lang kø.", "Mange venter lenge."),
        "Kø": ("Lead-in om kø er ikke markert her.", ""),
    }

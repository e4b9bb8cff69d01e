"""Export runs: reopen every produced file and compare it with the database."""

import csv
import json

import pytest
from conftest_export import build_export_project, install_fake_anonymiser
from docx import Document

from workbench.cli import main
from workbench.export import ExportOptions, run_export
from workbench.export.counts import count_questions
from workbench.store import overview, survey


@pytest.fixture
def project(tmp_path):
    built = build_export_project(tmp_path / "p.db")
    yield built
    built.store.close()


@pytest.fixture
def anonymiser(monkeypatch):
    return install_fake_anonymiser(monkeypatch)


def _export(project, kind, tmp_path, **options):
    return run_export(project.store, kind, ExportOptions(out=str(tmp_path / "out"), **options))


def _read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream, delimiter=";"))


def _headings(document):
    return [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]


def test_report_docx_tables_match_the_counts_in_the_database(project, anonymiser, tmp_path):
    result = _export(project, "report", tmp_path)
    document = Document(str(result.folder / "report.docx"))
    counted = count_questions(project.store, survey.question_rows(project.store))
    expected = [counts for counts in counted if counts.coded]  # q03 has no coded answer
    for table, counts in zip(document.tables, expected, strict=True):
        rows = [[cell.text for cell in row.cells] for row in table.rows]
        assert rows[0] == ["Kategori", "Antall", "Prosent"]
        body = [(name.strip(), int(n), int(p)) for name, n, p in rows[1:-1]]
        assert body == [
            ("Ikke kodet" if row.level == "uncoded" else row.name, row.count, row.percent_rounded)
            for row in counts.table.itertuples(index=False)
        ]
        assert rows[-1] == ["Totalt", str(counts.answered), "100" if counts.answered else "0"]


def test_report_uses_heading_styles_and_quote_style(project, anonymiser, tmp_path):
    document = Document(str(_export(project, "report", tmp_path).folder / "report.docx"))
    headings = _headings(document)
    assert ("Heading 1", "Kapittel 1") in headings
    assert ("Heading 1", "Kapittel 2") not in headings  # its only question is not coded yet
    assert ("Heading 2", "Spørsmål q01? (q01)") in headings
    assert ("Heading 3", "Samarbeid") in headings
    assert ("Heading 4", "Møter") in headings
    assert ("Heading 5", "Faste møter") in headings
    # Digit groups are joined by no-break spaces in print.
    quotes = [p.text.replace("\u00a0", " ") for p in document.paragraphs if p.style.name == "Quote"]
    assert "«Det mangler tid i [kommunen].» (20 000–49 999; q01-005)" in quotes
    assert not any("Hamar" in text for text in quotes)
    assert len(document.inline_shapes) == 2  # a chart per question with counted categories


def test_single_question_is_the_methods_sorted_document(project, anonymiser, tmp_path):
    result = _export(project, "quotes", tmp_path, question="q01")
    headings = _headings(Document(str(result.folder / "quotes.docx")))
    assert headings[:3] == [("Heading 1", "Samarbeid"), ("Heading 2", "Møter"), ("Heading 3", "Faste møter")]
    assert {style for style, _ in headings} == {"Heading 1", "Heading 2", "Heading 3"}


def test_a_multi_coded_quote_appears_under_each_of_its_codes(project, anonymiser, tmp_path):
    result = _export(project, "quotes", tmp_path, question="q01")
    rows = _read_csv(result.folder / "quotes.csv")
    both = [row["heading"] for row in rows if row["text"] == "Faste møter og felles rutiner."]
    assert both == ["Faste møter", "Felles rutiner"]
    assert "respondent_id" not in rows[0]


def test_only_segments_marked_for_the_report_unless_all_segments(project, anonymiser, tmp_path):
    store = project.store
    with store.atomic():
        store.execute(
            "UPDATE segments SET for_report = 0 WHERE id = ?", (project.segments[("3403", "q01")][0],)
        )
    marked = _read_csv(_export(project, "quotes", tmp_path, question="q01").folder / "quotes.csv")
    assert "q01-006" not in {row["quote_id"] for row in marked}
    every = _export(project, "quotes", tmp_path / "all", question="q01", all_segments=True)
    assert len({row["quote_id"] for row in _read_csv(every.folder / "quotes.csv")}) == 6


def test_private_key_is_written_outside_the_shareable_folder(project, anonymiser, tmp_path):
    result = _export(project, "quotes", tmp_path)
    [key_path] = result.private_files
    assert key_path.parent != result.folder and key_path.exists()
    keys = {row["quote_id"]: row["respondent_id"] for row in _read_csv(key_path)}
    quotes = _read_csv(result.folder / "quotes.csv")
    hamar = next(row for row in quotes if "mangler tid" in row["text"])
    assert keys[hamar["quote_id"]] == "3403"
    assert not any(path.name.endswith("key.csv") for path in result.folder.iterdir())


def test_tags_are_configurable(project, anonymiser, tmp_path):
    result = _export(project, "quotes", tmp_path, tag_attributes=("county", "size_group"))
    tags = {row["tag"] for row in _read_csv(result.folder / "quotes.csv")}
    assert "Innlandet, 20 000–49 999" in tags
    untagged = _export(project, "quotes", tmp_path / "none", tag_attributes=())
    assert {row["tag"] for row in _read_csv(untagged.folder / "quotes.csv")} == {""}


def test_english_labels_and_multi_code_note(project, anonymiser, tmp_path):
    result = _export(project, "report", tmp_path, lang="en")
    document = Document(str(result.folder / "report.docx"))
    assert [cell.text for cell in document.tables[0].rows[0].cells] == ["Category", "Count", "Percent"]
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert any("Several answers possible" in text for text in captions)
    assert any("the percentages sum to 100" in text for text in captions)


def test_norwegian_notes_name_the_base(project, anonymiser, tmp_path):
    document = Document(str(_export(project, "counts", tmp_path).folder / "counts.docx"))
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert captions[0].startswith("n = 6 av 7 rapporteringsenheter (86 % svarte)")
    assert "Flere svar mulig" in captions[0]


def test_counts_csv_keeps_unrounded_percentages(project, anonymiser, tmp_path):
    rows = _read_csv(_export(project, "counts", tmp_path).folder / "counts.csv")
    faste = next(r for r in rows if r["question_id"] == "q01" and r["category"] == "Faste møter")
    assert float(faste["percent"]) == pytest.approx(200 / 6)
    assert faste["percent_rounded"] == "33"
    totals = [r for r in rows if r["level"] == "total" and r["question_id"] == "q01"]
    assert totals[0]["count"] == "6"


def test_cross_tables_are_written_when_asked(project, anonymiser, tmp_path):
    result = _export(project, "counts", tmp_path, cross_by=("county", "size_group"))
    rows = _read_csv(result.folder / "crosstables.csv")
    assert {row["by"] for row in rows} == {"county", "size_group"}
    document = Document(str(result.folder / "counts.docx"))
    assert document.tables[1].rows[0].cells[0].text == "Fylke"


def test_manifest_records_project_state_and_options(project, anonymiser, tmp_path):
    result = _export(project, "report", tmp_path, chapter="1")
    manifest = json.loads((result.folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["kind"] == "report"
    assert manifest["options"]["chapter"] == "1"
    assert manifest["project"]["schema_version"] == project.store.schema_version()
    assert (
        manifest["project"]["counts"]["codings"] == overview.project_state(project.store)["counts"]["codings"]
    )
    assert set(manifest["files"]) == {"report.docx", "report.md", "counts.csv", "quotes.csv"}


def test_default_folder_is_a_new_one_under_exports(project, anonymiser, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    first = run_export(project.store, "counts", ExportOptions())
    second = run_export(project.store, "counts", ExportOptions())
    assert first.folder.parent.name == "exports" and first.folder != second.folder


def test_an_error_mid_export_leaves_no_file(project, anonymiser, tmp_path, monkeypatch):
    from workbench.export import markdown

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(markdown, "write_markdown", broken)
    with pytest.raises(RuntimeError):
        _export(project, "report", tmp_path)
    assert not [path for path in tmp_path.iterdir() if not path.name.startswith("p.db")]


def test_a_leak_stops_the_export_with_exit_3_and_writes_nothing(project, monkeypatch, tmp_path, capsys):
    install_fake_anonymiser(monkeypatch, leak=True)
    out = tmp_path / "out"
    code = main(["export", str(project.store.path), "quotes", "--out", str(out)])
    assert code == 3
    assert "unapproved" in capsys.readouterr().err
    assert not out.exists()
    assert not [path for path in tmp_path.iterdir() if not path.name.startswith("p.db")]


def test_draft_quotes_are_marked_not_anonymised(project, monkeypatch, tmp_path):
    calls = install_fake_anonymiser(monkeypatch, leak=True)
    result = _export(project, "quotes", tmp_path, draft=True)
    assert calls[-1][1] is True
    document = Document(str(result.folder / "quotes.docx"))
    quotes = [p.text for p in document.paragraphs if p.style.name == "Quote"]
    assert quotes and all(text.startswith("[IKKE ANONYMISERT]") for text in quotes)
    assert "IKKE ANONYMISERT" in (result.folder / "quotes.md").read_text(encoding="utf-8")


def test_report_command_prints_where_the_files_are(project, anonymiser, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["export", str(project.store.path), "report", "--out", str(out), "--by", "county"]) == 0
    printed = capsys.readouterr().out
    assert str(out) in printed and "Private key" in printed
    assert (out / "report.docx").exists() and (out / "crosstables.csv").exists()


def test_a_chapter_is_chosen_by_its_number_or_its_full_name(project, anonymiser, tmp_path):
    with project.store.atomic():
        project.store.execute("UPDATE questions SET chapter = '4 Samarbeid' WHERE id = 'q03'")
    by_number = _export(project, "counts", tmp_path / "a", chapter="4")
    by_name = _export(project, "counts", tmp_path / "b", chapter="4 Samarbeid")
    for result in (by_number, by_name):
        assert {row["question_id"] for row in _read_csv(result.folder / "counts.csv")} == {"q03"}

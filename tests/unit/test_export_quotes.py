"""Quote lists: Markdown headings, awkward characters, the real leak check, no Textual."""

import subprocess
import sys

import pytest
from conftest_export import (
    build_export_project,
    insert_answer,
    insert_coding,
    install_fake_anonymiser,
)
from docx import Document

from workbench.cli import main
from workbench.export import ExportOptions, run_export


@pytest.fixture
def project(tmp_path):
    built = build_export_project(tmp_path / "p.db")
    yield built
    built.store.close()


def test_markdown_has_chapter_question_and_theme_headings(project, monkeypatch, tmp_path):
    install_fake_anonymiser(monkeypatch)
    result = run_export(project.store, "quotes", ExportOptions(out=str(tmp_path / "out")))
    text = (result.folder / "quotes.md").read_text(encoding="utf-8")
    for line in (
        "## Kapittel 1",
        "### Spørsmål q01? (q01)",
        "#### Samarbeid",
        "##### Møter",
        "###### Faste møter",
        "> «Det mangler tid i [kommunen].» (20 000–49 999; q01-005)",
    ):
        assert line in text.splitlines()


def test_control_characters_in_answers_do_not_break_the_word_file(project, monkeypatch, tmp_path):
    install_fake_anonymiser(monkeypatch)
    store = project.store
    with store.atomic():
        [segment] = insert_answer(store, "1811", "q03", "Linje én\x0bmed <tegn> & \x01slutt")
        insert_coding(store, segment, project.codes["Annet"])
    result = run_export(store, "quotes", ExportOptions(out=str(tmp_path / "out"), question="q03"))
    quotes = [
        p.text.replace("\u00a0", " ")  # digit groups are joined by no-break spaces in print
        for p in Document(str(result.folder / "quotes.docx")).paragraphs
        if p.style.name == "Quote"
    ]
    assert quotes == [
        "«Linje én␋med <tegn> & ␁slutt» (Under 2 000; q03-001)"
    ]  # controls shown, never dropped


def test_the_real_leak_check_blocks_a_quote_naming_a_municipality(project, tmp_path, capsys):
    pytest.importorskip("workbench.anonymise.leak")
    out = tmp_path / "out"
    assert main(["export", str(project.store.path), "quotes", "--question", "q01", "--out", str(out)]) == 3
    assert "Hamar" in capsys.readouterr().err
    assert not out.exists()
    assert (
        main(["export", str(project.store.path), "quotes", "--question", "q01", "--out", str(out), "--draft"])
        == 0
    )
    markdown = (out / "quotes.md").read_text(encoding="utf-8")
    assert "Hamar" not in markdown and "IKKE ANONYMISERT" in markdown


def test_export_modules_do_not_import_textual():
    check = (
        "import sys, workbench.export, workbench.cli.export; "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')]; "
        "sys.exit(1 if bad else 0)"
    )
    assert subprocess.run([sys.executable, "-c", check]).returncode == 0


def test_quotes_tagged_with_rare_attribute_combinations_warn(project, monkeypatch, tmp_path):
    import json

    install_fake_anonymiser(monkeypatch)
    options = ExportOptions(out=str(tmp_path / "out"), tag_attributes=("county", "size_group"))
    result = run_export(project.store, "quotes", options)
    assert result.warnings and all("may identify" in warning for warning in result.warnings)
    manifest = json.loads((result.folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["warnings"] == list(result.warnings)
    plain = run_export(project.store, "quotes", ExportOptions(out=str(tmp_path / "plain"), tag_attributes=()))
    assert plain.warnings == ()

"""The Word file a report writer hands in: reopened with python-docx and checked."""

import io
import re

import pytest
from conftest_export import build_export_project, install_fake_anonymiser
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm
from PIL import Image

from workbench.export import ExportOptions, run_export
from workbench.export.report import QuestionReport, group_by_chapter


@pytest.fixture
def project(tmp_path, monkeypatch):
    install_fake_anonymiser(monkeypatch)
    built = build_export_project(tmp_path / "p.db")
    yield built
    built.store.close()


def _docx(project, tmp_path, kind="report", **options):
    result = run_export(project.store, kind, ExportOptions(out=str(tmp_path / "out"), **options))
    return Document(str(result.folder / f"{kind}.docx")), result


def _texts(document, style):
    return [p.text for p in document.paragraphs if p.style.name == style]


def test_page_is_a4_with_a_page_number_field(project, tmp_path):
    document, _ = _docx(project, tmp_path)
    section = document.sections[0]
    assert abs(section.page_width - Cm(21.0)) < Cm(0.01)
    assert abs(section.page_height - Cm(29.7)) < Cm(0.01)
    footer = section.footer.paragraphs[0]._p.xml
    assert "PAGE" in footer and 'w:fldCharType="begin"' in footer


@pytest.mark.parametrize(("lang", "tag"), [("nb", "nb-NO"), ("en", "en-GB")])
def test_language_and_properties_come_from_the_project_and_run(project, tmp_path, lang, tag):
    document, _ = _docx(project, tmp_path, lang=lang)
    defaults = document.styles.element.find(qn("w:docDefaults"))
    assert defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang")).get(qn("w:val")) == tag
    properties = document.core_properties
    assert properties.title.endswith("– p") and properties.author == "workbench"
    assert properties.created.year >= 2025 and properties.language == tag


def test_tables_are_captioned_numbered_repeat_headers_and_keep_rows_whole(project, tmp_path):
    document, _ = _docx(project, tmp_path, cross_by=("size_group",))
    titles = _texts(document, "Table Title")
    assert titles[:2] == ["Tabell 1 Spørsmål q01?", "Tabell 2 Spørsmål q01? – kommunestørrelse"]
    assert "SEQ Tabell" in next(p for p in document.paragraphs if p.style.name == "Table Title")._p.xml
    for table in document.tables:
        header = table.rows[0]._tr.trPr
        assert header.find(qn("w:tblHeader")).get(qn("w:val")) == "true"
        assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
    cross = document.tables[1]
    assert cross.rows[0].cells[0].text == "Kommunestørrelse"
    assert cross.columns[0].width >= Cm(3)  # wide enough not to break the word


def test_sub_categories_are_indented_by_their_paragraph_not_by_spaces(project, tmp_path):
    document, _ = _docx(project, tmp_path)
    cells = [row.cells[0] for row in document.tables[0].rows[1:-1]]
    indents = [cell.paragraphs[0].paragraph_format.left_indent for cell in cells]
    assert any(indents) and not any(indents[index] for index, cell in enumerate(cells) if cell.text == "Stab")
    assert all(not cell.text.startswith(" ") for cell in cells)


def test_charts_are_200_dpi_with_figure_captions(project, tmp_path):
    document, _ = _docx(project, tmp_path)
    assert _texts(document, "Caption")[1] == "Figur 1 Spørsmål q01?"
    blob = document.inline_shapes[0]._inline.graphic.graphicData.pic.blipFill.blip.embed
    image = Image.open(io.BytesIO(document.part.related_parts[blob].blob))
    assert round(image.info["dpi"][0]) == 200


def test_a_quote_with_two_codes_is_printed_once_naming_the_other(project, tmp_path):
    document, _ = _docx(project, tmp_path, kind="quotes", question="q01")
    quotes = [text.replace("\u00a0", " ") for text in _texts(document, "Quote") if "felles rutiner" in text]
    [quote] = quotes
    assert re.fullmatch(
        r"«Faste møter og felles rutiner\.» \(10 000–19 999; q01-00\d; også kodet: Felles rutiner\)", quote
    )
    repeated, _ = _docx(project, tmp_path / "r", kind="quotes", question="q01", repeat_quotes=True)
    assert len([text for text in _texts(repeated, "Quote") if "felles rutiner" in text]) == 2


def test_a_one_question_export_keeps_its_chapter_and_question_id(project, tmp_path):
    document, _ = _docx(project, tmp_path, kind="quotes", question="q01")
    assert _texts(document, "Subtitle")[1:] == ["Kapittel 1", "Spørsmål q01? (q01)"]


def test_uncoded_questions_are_left_out_unless_drafting(project, tmp_path):
    document, result = _docx(project, tmp_path)
    assert not any("q03" in text for text in _texts(document, "Heading 2"))
    draft, _ = _docx(project, tmp_path / "d", draft=True)
    assert "Spørsmål q03? (q03)" in _texts(draft, "Heading 2")
    assert "Ikke kodet ennå." in [p.text for p in draft.paragraphs]


def test_chapters_sort_naturally():
    reports = [
        QuestionReport({"id": q, "chapter": c})
        for q, c in [("a", "13 Kommentarer"), ("b", None), ("c", "1 Om utfyllingen"), ("d", "2")]
    ]
    assert [chapter.chapter for chapter in group_by_chapter(reports)] == [
        "1 Om utfyllingen",
        "2",
        "13 Kommentarer",
        None,
    ]


def test_a_lead_in_sentence_is_printed_above_its_quotes(project, tmp_path):
    with project.store.atomic():
        project.store.execute(
            "UPDATE codes SET lead_in = 'Mange har faste møter:' WHERE id = ?",
            (project.codes["Faste møter"],),
        )
    document, result = _docx(project, tmp_path, kind="quotes", question="q01")
    texts = [p.text for p in document.paragraphs]
    lead = texts.index("Mange har faste møter:")
    assert texts[lead - 1] == "Faste møter" and texts[lead + 1].startswith("«")
    assert "Mange har faste møter:" in (result.folder / "quotes.md").read_text(encoding="utf-8")

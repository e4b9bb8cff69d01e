"""Word document set-up a report writer can hand in: A4, language, properties, page numbers,
caption numbering fields, table rows that repeat and stay whole."""

from __future__ import annotations

from datetime import UTC, datetime

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm

from workbench.export.docx_fast import field_runs

LANGUAGES = {"nb": "nb-NO", "en": "en-GB"}
A4 = (Cm(21.0), Cm(29.7))
MARGIN = Cm(2.5)
TEXT_WIDTH = A4[0] - 2 * MARGIN


def set_up_page(document) -> None:
    """A4 portrait with 2.5 cm margins and a centred page number in the footer."""
    for section in document.sections:
        section.page_width, section.page_height = A4
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, MARGIN)
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        add_field(footer, "PAGE", "1")


def set_language(document, lang: str) -> None:
    """The document's proofing language (docDefaults and the Normal style)."""
    tag = LANGUAGES[lang]
    defaults = _child(document.styles.element, "w:docDefaults", first=True)
    run_defaults = _child(_child(defaults, "w:rPrDefault", first=True), "w:rPr")
    for properties in (run_defaults, document.styles["Normal"].element.get_or_add_rPr()):
        language = _child(properties, "w:lang")
        language.set(qn("w:val"), tag)
        language.set(qn("w:eastAsia"), tag)
        language.set(qn("w:bidi"), "ar-SA")


def _child(parent, tag: str, *, first: bool = False):
    """The element's child ``tag``, added (first or last) when missing."""
    child = parent.find(qn(tag))
    if child is None:
        child = OxmlElement(tag)
        if first:
            parent.insert(0, child)
        else:
            parent.append(child)
    return child


def set_properties(document, *, title: str, author: str, subject: str, lang: str) -> None:
    """Core properties from the project and the run instead of python-docx's template."""
    stamp = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    properties = document.core_properties
    properties.title = title
    properties.author = author
    properties.last_modified_by = author
    properties.subject = subject
    properties.comments = ""
    properties.keywords = ""
    properties.language = LANGUAGES[lang]
    properties.created = stamp
    properties.modified = stamp
    properties.revision = 1


def add_field(paragraph, instruction: str, shown: str) -> None:
    """A Word field (PAGE …) in a python-docx paragraph, showing ``shown`` until updated."""
    for element in parse_xml(f"<w:p {nsdecls('w')}>{field_runs(instruction, shown)}</w:p>"):
        paragraph._p.append(element)


def _row_flag(row, tag: str) -> None:
    _child(row._tr.get_or_add_trPr(), tag).set(qn("w:val"), "true")


def keep_rows_whole(table, header_rows: int = 1) -> None:
    """Header rows repeat on every page; no row is split across a page break."""
    for index, row in enumerate(table.rows):
        _row_flag(row, "w:cantSplit")
        if index < header_rows:
            _row_flag(row, "w:tblHeader")


def set_widths(table, widths) -> None:
    """Fixed column widths (Word and LibreOffice both honour the grid and the cells)."""
    table.autofit = False
    _child(table._tbl.tblPr, "w:tblLayout").set(qn("w:type"), "fixed")
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def keep_with_next(paragraph) -> None:
    """Keep a caption on the page of what follows it."""
    paragraph.paragraph_format.keep_with_next = True

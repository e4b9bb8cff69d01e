"""The Word report: real heading styles, counted tables with n and %, charts, quote paragraphs.

Layout with several questions: chapter = Heading 1, question = Heading 2, then main theme,
sub-theme and code one level further each. A single question is the method's sorted
document: the question as the title, main theme = Heading 1, sub-theme = 2, code = 3.
"""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from workbench.cells import xml_safe
from workbench.export.charts import bar_chart_png
from workbench.export.counts import UNCODED, QuestionCounts
from workbench.export.docx_fast import PLAIN, ParagraphAppender, RunFormat
from workbench.export.quotes import QuoteSection
from workbench.export.report import (
    ChapterReport,
    base_line,
    chapter_title,
    cross_wide,
    note_line,
)
from workbench.export.tree import MAIN_THEME

TABLE_STYLE = "Light List Accent 1"
DRAFT_FORMAT = RunFormat(bold=True, colour="C00000")
UPRIGHT = RunFormat(italic=False)


class DocxReportWriter:
    """Builds one document; style objects are looked up once and reused for speed."""

    def __init__(self, words: dict, *, draft: bool = False, charts: bool = True):
        self.words = words
        self.draft = draft
        self.charts = charts
        self.document = Document()
        self.paragraphs = ParagraphAppender(self.document)
        styles = self.document.styles
        self.style_ids = {
            name: styles[name].style_id for name in ("Title", "Subtitle", "Quote", "Normal", "Caption")
        }
        self.table_style = styles[TABLE_STYLE]
        self.heading_ids = {level: styles[f"Heading {level}"].style_id for level in range(1, 10)}

    def paragraph(self, style: str, text: str, run_format: RunFormat = PLAIN) -> None:
        """A one-run paragraph in a built-in style ("Normal", "Caption" …)."""
        self.paragraphs.add(self.style_ids[style], [(text, run_format)])

    def write(self, chapters: list[ChapterReport], path: Path, title: str) -> None:
        """Render every chapter and save the document at ``path``."""
        single = sum(len(chapter.questions) for chapter in chapters) == 1
        self.paragraph("Title", title)
        if self.draft:
            self._warning(self.words["draft_note"])
        for chapter in chapters:
            if not single:
                self.heading(chapter_title(chapter.chapter, self.words), 1)
            for report in chapter.questions:
                self._question(report, single)
        self.paragraphs.flush()
        self.document.save(str(path))

    def _question(self, report, single: bool) -> None:
        theme_base = 1 if single else 3
        question = report.question
        if single:
            self.paragraph("Subtitle", question["text"])
        else:
            self.heading(f"{question['text']} ({question['id']})", 2)
        if report.counts is not None:
            self.counts_table(report.counts)
            if self.charts and not report.counts.table.empty:
                self.chart(report.counts)
            for by, table in report.crosses:
                self.cross_table(report.counts, by, table)
        if report.quotes is not None:
            self.quote_sections(report.quotes.sections, theme_base)

    def heading(self, text: str, level: int) -> None:
        """A paragraph in the built-in "Heading N" style (Word's navigation pane shows it)."""
        self.paragraphs.add(self.heading_ids[min(level, 9)], [(text, PLAIN)])

    def _warning(self, text: str) -> None:
        self.paragraph("Normal", text, DRAFT_FORMAT)

    def counts_table(self, counts: QuestionCounts) -> None:
        """Category | Antall | Prosent, indented by tree depth, with a bold total row."""
        words = self.words
        table = self._table(3)
        _fill_row(table.rows[0].cells, [words["category"], words["count"], words["percent"]])
        for row in counts.table.itertuples(index=False):
            name = words["uncoded"] if row.level == UNCODED else row.name
            cells = table.add_row().cells
            _fill_row(
                cells,
                ["    " * row.depth + name, str(row.count), str(row.percent_rounded)],
                bold=row.level == MAIN_THEME,
            )
        total = 100 if counts.answered else 0
        _fill_row(table.add_row().cells, [words["total"], str(counts.answered), str(total)], bold=True)
        _set_widths(table, [Cm(10), Cm(2.5), Cm(2.5)])
        self.paragraph("Caption", f"{base_line(counts, words)}. {note_line(counts, words)}")

    def _table(self, columns: int):
        """A table in the report style, without the style's bold first column."""
        self.paragraphs.flush()
        table = self.document.add_table(rows=1, cols=columns)
        table.style = self.table_style
        look = table._tbl.tblPr.first_child_found_in("w:tblLook")
        if look is None:
            look = OxmlElement("w:tblLook")
            table._tbl.tblPr.append(look)
        look.set(qn("w:firstColumn"), "0")
        look.set(qn("w:firstRow"), "1")
        look.set(qn("w:val"), "0020")
        return table

    def chart(self, counts: QuestionCounts) -> None:
        """The question's bar chart, centred, 15 cm wide."""
        png = bar_chart_png(counts, self.words)
        self.paragraphs.flush()
        paragraph = self.document.add_paragraph()
        paragraph.add_run().add_picture(io.BytesIO(png), width=Cm(15))
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER

    def cross_table(self, counts: QuestionCounts, by: str, long_table) -> None:
        """Groups as rows, top-level categories as columns, cells "n (row %)"."""
        header, rows = cross_wide(counts, by, long_table, self.words)
        table = self._table(len(header))
        _fill_row(table.rows[0].cells, header, size=8)
        for values in rows:
            _fill_row(table.add_row().cells, values, size=8)
        self.paragraph("Caption", self.words["cross_note"])

    def quote_sections(self, sections: tuple[QuoteSection, ...], theme_base: int) -> None:
        """Headings for themes and codes with their quotes in the "Quote" style."""
        if not sections:
            self.paragraph("Normal", self.words["no_quotes"])
        for section in sections:
            self.heading(section.name, theme_base + section.depth)
            for quote in section.quotes:
                self._quote(quote)

    def _quote(self, quote) -> None:
        runs = [] if quote.approved else [(f"[{self.words['draft']}] ", DRAFT_FORMAT)]
        suffix = f" ({quote.tag}; {quote.quote_id})" if quote.tag else f" ({quote.quote_id})"
        runs += [(f"«{quote.text}»", PLAIN), (suffix, UPRIGHT)]
        self.paragraphs.add(self.style_ids["Quote"], runs)


def _set_widths(table, widths) -> None:
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def _fill_row(cells, values: list[str], *, bold: bool = False, size: float | None = None) -> None:
    for index, (cell, value) in enumerate(zip(cells, values, strict=True)):
        paragraph = cell.paragraphs[0]
        run = paragraph.add_run(xml_safe(value))
        run.bold = bold or None
        if size:
            run.font.size = Pt(size)
        if index > 0:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def write_docx(
    chapters: list[ChapterReport],
    path: Path,
    words: dict,
    *,
    title: str,
    draft: bool = False,
    charts: bool = True,
) -> None:
    """Write the Word report of the given chapters to ``path``."""
    DocxReportWriter(words, draft=draft, charts=charts).write(chapters, path, title)

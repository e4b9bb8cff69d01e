"""The Word report: real heading styles, numbered tables and figures, quote paragraphs.

Layout with several questions: chapter = Heading 1, question = Heading 2, then main theme,
sub-theme and code one level further each. A single question is the method's sorted
document: the chapter and the question (with its id) under the title, main theme =
Heading 1, sub-theme = 2, code = 3. Tables are captioned "Tabell N <question text>" above,
figures "Figur N <question text>" below, both numbered with SEQ fields Word can update.
"""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Emu

from workbench.export import docx_layout
from workbench.export.charts import bar_chart_png
from workbench.export.counts import UNCODED, QuestionCounts
from workbench.export.docx_fast import PLAIN, ParagraphAppender, RunFormat, field_runs, text_runs
from workbench.export.docx_tables import TableRow, table_xml
from workbench.export.labels import percent_text
from workbench.export.quotes import QuoteSection
from workbench.export.report import (
    ChapterReport,
    ReportDocument,
    base_line,
    chapter_title,
    cross_title,
    cross_wide,
    note_line,
    question_heading,
    quote_suffix,
)
from workbench.export.tree import MAIN_THEME

TABLE_STYLE = "Light List Accent 1"
TABLE_TITLE = "Table Title"
DRAFT_FORMAT = RunFormat(bold=True, colour="C00000")
UPRIGHT = RunFormat(italic=False)
COUNT_WIDTHS = (Cm(11.0), Cm(2.5), Cm(2.5))


class DocxReportWriter:
    """Builds one document; style objects are looked up once and reused for speed."""

    def __init__(self, words: dict, about: ReportDocument, *, charts: bool = True):
        self.words = words
        self.about = about
        self.charts = charts
        self.document = Document()
        self._set_up()
        self.paragraphs = ParagraphAppender(self.document)
        styles = self.document.styles
        self.style_ids = {
            name: styles[name].style_id
            for name in ("Title", "Subtitle", "Quote", "Normal", "Caption", TABLE_TITLE)
        }
        self.table_style_id = styles[TABLE_STYLE].style_id
        self.heading_ids = {level: styles[f"Heading {level}"].style_id for level in range(1, 10)}
        self.numbers = {"table_label": 0, "figure_label": 0}

    def _set_up(self) -> None:
        about = self.about
        docx_layout.set_up_page(self.document)
        docx_layout.set_language(self.document, about.lang)
        title = f"{about.title} – {about.project}" if about.project else about.title
        docx_layout.set_properties(
            self.document, title=title, author="workbench", subject=about.layer_note, lang=about.lang
        )
        style = self.document.styles.add_style(TABLE_TITLE, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = self.document.styles["Caption"]
        style.paragraph_format.keep_with_next = True

    def paragraph(
        self, style: str, text: str, run_format: RunFormat = PLAIN, keep_next: bool = False
    ) -> None:
        """A one-run paragraph in a built-in style ("Normal", "Caption" …)."""
        self.paragraphs.add(self.style_ids[style], [(text, run_format)], keep_next=keep_next)

    def write(self, chapters: list[ChapterReport], path: Path) -> None:
        """Render every chapter and save the document at ``path``."""
        single = sum(len(chapter.questions) for chapter in chapters) == 1
        self.paragraph("Title", self.about.title)
        if self.about.project:
            self.paragraph("Subtitle", self.about.project)
        if self.about.layer_note:
            self.paragraph("Normal", self.about.layer_note)
        if self.about.draft:
            self.paragraph("Normal", self.words["draft_note"], DRAFT_FORMAT)
        for chapter in chapters:
            if single:
                self.paragraph("Subtitle", chapter_title(chapter.chapter, self.words))
            else:
                self.heading(chapter_title(chapter.chapter, self.words), 1)
            for report in chapter.questions:
                self._question(report, single)
        self.paragraphs.flush()
        self.document.save(str(path))

    def _question(self, report, single: bool) -> None:
        if single:
            self.paragraph("Subtitle", question_heading(report.question))
        else:
            self.heading(question_heading(report.question), 2)
        if not report.coded:
            self.paragraph("Normal", self.words["not_coded_yet"], DRAFT_FORMAT)
            return
        if report.counts is not None:
            self.counts_table(report.counts)
            if self.charts and report.counts.coded:
                self.chart(report.counts)
            for by, table in report.crosses:
                self.cross_table(report.counts, by, table)
        if report.quotes is not None:
            self.quote_sections(report.quotes.sections, 1 if single else 3)

    def heading(self, text: str, level: int) -> None:
        """A paragraph in the built-in "Heading N" style (Word's navigation pane shows it)."""
        self.paragraphs.add(self.heading_ids[min(level, 9)], [(text, PLAIN)])

    def caption(self, label: str, text: str, style: str) -> None:
        """ "Tabell N text" / "Figur N text", the number a SEQ field Word keeps in step."""
        self.numbers[label] += 1
        name = self.words[label]
        runs = (
            text_runs([(f"{name} ", PLAIN)])
            + field_runs(f"SEQ {name} \\* ARABIC", str(self.numbers[label]))
            + text_runs([(f" {text}", PLAIN)])
        )
        self.paragraphs.add_xml(self.style_ids[style], runs, keep_next=style == TABLE_TITLE)

    def counts_table(self, counts: QuestionCounts) -> None:
        """Category | Antall | Prosent, indented by tree depth, with a bold total row."""
        words = self.words
        self.caption("table_label", counts.question_text or counts.question_id, TABLE_TITLE)
        rows = [TableRow([words["category"], words["count"], words["percent"]], header=True)]
        for row in counts.rows:
            name = words["uncoded"] if row.level == UNCODED else row.name
            percent = percent_text(row.count, row.percent_rounded)
            rows.append(TableRow([name, str(row.count), percent], row.level == MAIN_THEME, depth=row.depth))
        total = 100 if counts.answered else 0
        rows.append(TableRow([words["total"], str(counts.answered), str(total)], bold=True))
        self.paragraphs.add_block(table_xml(self.table_style_id, COUNT_WIDTHS, rows))
        note = f"{base_line(counts, words)}. {note_line(counts, words)}"
        self.paragraph("Caption", f"{note} {self.about.layer_note}".strip())

    def chart(self, counts: QuestionCounts) -> None:
        """The question's bar chart, centred, as wide as the text, with a "Figur N" caption."""
        self.figure(bar_chart_png(counts, self.words), counts.question_text or counts.question_id)

    def figure(self, png: bytes, text: str) -> None:
        """A picture, centred, as wide as the text, followed by its "Figur N text" caption."""
        self.paragraphs.flush()
        paragraph = self.document.add_paragraph()
        paragraph.add_run().add_picture(io.BytesIO(png), width=docx_layout.TEXT_WIDTH)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        docx_layout.keep_with_next(paragraph)
        self.caption("figure_label", text, "Caption")

    def cross_table(self, counts: QuestionCounts, by: str, long_table) -> None:
        """Groups as rows, top-level categories as columns, cells "n (row %)"."""
        header, values = cross_wide(counts, by, long_table, self.words)
        self.caption("table_label", cross_title(counts, by, self.words), TABLE_TITLE)
        rows = [TableRow(header, header=True)] + [TableRow(row) for row in values]
        widths = cross_widths([header, *values])
        self.paragraphs.add_block(table_xml(self.table_style_id, widths, rows, half_points=16))
        self.paragraph("Caption", self.words["cross_note"])

    def quote_sections(self, sections: tuple[QuoteSection, ...], theme_base: int) -> None:
        """Headings for themes and codes, the lead-in sentence, then the quotes."""
        if not sections:
            self.paragraph("Normal", self.words["no_quotes"])
        for section in sections:
            self.heading(section.name, theme_base + section.depth)
            if section.lead_in and section.quotes:
                self.paragraph("Normal", section.lead_in, keep_next=True)
            for quote in section.quotes:
                self._quote(quote)

    def _quote(self, quote) -> None:
        runs = [] if quote.approved else [(f"[{self.words['draft']}] ", DRAFT_FORMAT)]
        self.paragraphs.add(
            self.style_ids["Quote"],
            runs
            + [(f"«{quote.text}»", PLAIN), (quote_suffix(quote, self.words, no_break_numbers=True), UPRIGHT)],
        )


def cross_widths(rows: list[list[str]]) -> list:
    """Column widths from the longest word in each column at 8 pt, so that no word breaks
    (looked at as PDF: fixed shares broke "Kommunestørrelse" and "samarbeidsformer"); what is
    left of the text width is shared out in proportion."""
    longest = [
        max((len(word) for cell in column for word in str(cell).split()), default=1)
        for column in zip(*rows, strict=True)
    ]
    needed = [Cm(0.45) + Cm(0.175) * length for length in longest]
    spare = docx_layout.TEXT_WIDTH - sum(needed)
    return [Emu(int(width + spare * width / sum(needed))) for width in needed]


def write_docx(
    chapters: list[ChapterReport], path: Path, words: dict, about: ReportDocument, *, charts: bool = True
) -> None:
    """Write the Word report of the given chapters to ``path``."""
    DocxReportWriter(words, about, charts=charts).write(chapters, path)

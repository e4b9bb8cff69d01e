"""Files of the year-against-year comparison: Word (table and chart), XLSX, CSV and JSON."""

from __future__ import annotations

import csv
import io
import json
import textwrap
from pathlib import Path

from docx.shared import Cm

from workbench.coding.codebook_tree import Codebook
from workbench.export.compare import (
    CompareRow,
    QuestionComparison,
    change_text,
    compare_question,
    compare_waves,
    count_text,
    percent_text,
)
from workbench.export.counts import UNCODED
from workbench.export.docx_report import DocxReportWriter, _fill_row, _set_widths
from workbench.export.jobs import select_questions
from workbench.export.labels import labels
from workbench.export.report import chapter_title
from workbench.export.runs import ExportRun
from workbench.export.tree import CODE, MAIN_THEME
from workbench.files import atomic_path

WAVE_COLOURS = ("#bab0ac", "#76b7b2", "#4e79a7", "#f28e2b")
_WORDS = {
    "nb": {
        "title": "Sammenligning av år",
        "change": "Endring fra {wave} (pp)",
        "base_row": "Svarte (n)",
        "bases": "Svarte: {bases}.",
        "base_one": "{answered} av {units} i {wave}",
        "note": "Prosent av enhetene som svarte på spørsmålet hvert år; endring i prosentpoeng. "
        "– = koden ble ikke brukt det året.",
    },
    "en": {
        "title": "Year against year",
        "change": "Change from {wave} (pp)",
        "base_row": "Answered (n)",
        "bases": "Answered: {bases}.",
        "base_one": "{answered} of {units} in {wave}",
        "note": "Percent of the units that answered the question each year; change in percentage "
        "points. – = the code was not used that year.",
    },
}


def compare_words(words: dict, lang: str) -> dict:
    """The report words plus the comparison's own."""
    return {**words, **_WORDS[lang]}


def header(comparison: QuestionComparison, words: dict) -> list[str]:
    """Category, then n and % per wave, then one change column per earlier wave."""
    columns = [words["category"]]
    for wave in comparison.waves:
        columns += [f"{wave} {words['count']}", f"{wave} %"]
    return columns + [words["change"].format(wave=wave) for wave in comparison.waves[:-1]]


def _category_name(row: CompareRow, words: dict) -> str:
    """A row's category as printed: the code's name, or the words' name for the uncoded."""
    return words["uncoded"] if row.level == UNCODED else row.name


def table_rows(comparison: QuestionComparison, words: dict) -> list[list[str]]:
    """The printed table: one row per category, then the base row."""
    rows = []
    for row in comparison.rows:
        values = ["    " * row.depth + _category_name(row, words)]
        for cell in row.cells:
            values += [count_text(cell), percent_text(cell)]
        values += [change_text(comparison.change(row, index)) for index in range(len(comparison.waves) - 1)]
        rows.append(values)
    base = [words["base_row"]]
    for answered in comparison.answered:
        base += [str(answered), "100" if answered else "0"]
    return rows + [base + [""] * (len(comparison.waves) - 1)]


def base_text(comparison: QuestionComparison, words: dict) -> str:
    bases = "; ".join(
        words["base_one"].format(answered=answered, units=units, wave=wave)
        for wave, answered, units in zip(comparison.waves, comparison.answered, comparison.units, strict=True)
    )
    return f"{words['bases'].format(bases=bases)} {words['note']}"


def compare_csv(comparisons: list[QuestionComparison], words: dict) -> str:
    """One CSV block per question (a header row each), bases as the last row of each block."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for comparison in comparisons:
        writer.writerow([words["question"], *header(comparison, words)])
        for values in table_rows(comparison, words):
            writer.writerow([comparison.question_id, _text(values[0].strip()), *values[1:]])
    return buffer.getvalue()


def compare_json(comparisons: list[QuestionComparison]) -> str:
    return json.dumps([comparison.as_json() for comparison in comparisons], ensure_ascii=False, indent=2)


def write_compare_docx(comparisons: list[QuestionComparison], path: Path, words: dict, charts: bool) -> None:
    """Chapter and question headings, the comparison table, its base line and the chart."""
    writer = DocxReportWriter(words, charts=charts)
    writer.paragraph("Title", words["title"])
    chapter = object()
    for comparison in comparisons:
        if comparison.chapter != chapter:
            chapter = comparison.chapter
            writer.heading(chapter_title(chapter, words), 1)
        writer.heading(f"{comparison.question_id}: {comparison.question_text}", 2)
        columns = header(comparison, words)
        table = writer._table(len(columns))
        _fill_row(table.rows[0].cells, columns, size=8)
        for row, values in zip((*comparison.rows, None), table_rows(comparison, words), strict=True):
            _fill_row(table.add_row().cells, values, bold=row is None or row.level == MAIN_THEME, size=8)
        _set_widths(table, [Cm(6)] + [Cm(10 / (len(columns) - 1))] * (len(columns) - 1))
        writer.paragraph("Caption", base_text(comparison, words))
        if charts:
            _picture(writer, compare_chart_png(comparison, words))
    writer.paragraphs.flush()
    with atomic_path(path) as temporary:
        writer.document.save(temporary)


def _picture(writer: DocxReportWriter, png: bytes) -> None:
    """A centred picture 15 cm wide after the queued paragraphs."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    writer.paragraphs.flush()
    paragraph = writer.document.add_paragraph()
    paragraph.add_run().add_picture(io.BytesIO(png), width=Cm(15))
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def write_compare_xlsx(comparisons: list[QuestionComparison], path: Path, words: dict) -> None:
    """One sheet; per question a title row, the header, the categories and the base row."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = words["title"][:31]
    bold = Font(bold=True)
    for comparison in comparisons:
        sheet.append([_text(f"{comparison.question_id}: {comparison.question_text}")])
        sheet.cell(sheet.max_row, 1).font = bold
        sheet.append(header(comparison, words))
        for values in table_rows(comparison, words):
            sheet.append([_text(values[0]), *(_number(value) for value in values[1:])])
        sheet.append([_text(base_text(comparison, words))])
        sheet.append([])
    sheet.column_dimensions["A"].width = 48
    with atomic_path(path) as temporary:
        workbook.save(temporary)


def _text(value: str) -> str:
    """Text a spreadsheet will not take for a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def _number(value: str):
    try:
        return int(value.replace("−", "-"))
    except ValueError:
        return value


def compare_chart_png(comparison: QuestionComparison, words: dict, *, dpi: int = 100) -> bytes:
    """Code-level categories as groups of horizontal bars, one bar per wave, with a legend."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    rows = [row for row in comparison.rows if row.level in (CODE, UNCODED)][::-1]
    height = 0.9 + 0.12 * (len(comparison.waves) + 1) * max(len(rows), 1)
    figure = Figure(figsize=(6.3, height), dpi=dpi)
    FigureCanvasAgg(figure)
    axes = figure.add_axes((0.42, 0.55 / height, 0.5, 1 - 0.75 / height))
    axes.set_axis_off()
    _draw_wave_bars(axes, comparison.waves, rows)
    _draw_category_labels(axes, rows, words)
    axes.set_ylim(-0.6, len(rows) - 0.4)
    axes.axvline(0, color="#555555", linewidth=0.8)
    axes.legend(loc="lower right", fontsize=7, frameon=False, reverse=True)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", pil_kwargs={"compress_level": 1})
    return buffer.getvalue()


def _draw_wave_bars(axes, waves: tuple[int, ...], rows: list[CompareRow]) -> None:
    """Per category one bar per wave, the oldest on top, each labelled with its percent."""
    count = len(waves)
    bar = 0.8 / count
    for index, wave in enumerate(waves):
        positions = [row_index + (index - (count - 1) / 2) * -bar for row_index in range(len(rows))]
        values = [0 if row.cells[index] is None else row.cells[index].percent for row in rows]
        colour = WAVE_COLOURS[(index - count) % len(WAVE_COLOURS)]
        axes.barh(positions, values, height=bar * 0.9, color=colour, label=str(wave))
        for position, value, row in zip(positions, values, rows, strict=True):
            axes.text(value + 0.5, position, percent_text(row.cells[index]), va="center", fontsize=6)


def _draw_category_labels(axes, rows: list[CompareRow], words: dict) -> None:
    """Each category's name, shortened, left of its group of bars."""
    for row_index, row in enumerate(rows):
        axes.text(
            -1,
            row_index,
            textwrap.shorten(_category_name(row, words), 44, placeholder="…"),
            ha="right",
            va="center",
            fontsize=8,
        )


def comparisons_for(store, options, compare: list[int]) -> list[QuestionComparison]:
    """The chosen questions compared across the reported wave and the ``compare`` waves."""
    waves = compare_waves(store, options.wave, compare)
    tree = Codebook.from_store(store)
    return [
        compare_question(store, question, waves, tree, options.coder)
        for question in select_questions(store, options)
    ]


def run_compare(store, options, compare: list[int]):
    """One export run with compare.docx, compare.xlsx, compare.csv and compare.json."""
    words = compare_words(labels(options.lang), options.lang)
    comparisons = comparisons_for(store, options, compare)
    manifest = {"kind": "counts", "compare": compare, **options.manifest()}
    with ExportRun(store, "compare", manifest, options.out) as run:
        write_compare_docx(comparisons, run.path("compare.docx"), words, options.charts)
        write_compare_xlsx(comparisons, run.path("compare.xlsx"), words)
        run.write("compare.csv", compare_csv(comparisons, words))
        run.write("compare.json", compare_json(comparisons))
        return run.publish()

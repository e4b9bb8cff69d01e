"""Files of the year-against-year comparison: Word (table and chart), XLSX, CSV and JSON."""

from __future__ import annotations

import csv
import io
import json
import textwrap
from pathlib import Path

from docx.shared import Cm, Emu

from workbench.cells import csv_row, xlsx_append
from workbench.coding.codebook_tree import Codebook
from workbench.display import visible_line
from workbench.export import docx_layout
from workbench.export.charts import DPI, LABEL_WIDTH, figure_png
from workbench.export.compare import (
    CompareRow,
    QuestionComparison,
    change_text,
    compare_counted,
    compare_waves,
    count_text,
    percent_text,
    wave_codings,
)
from workbench.export.counts import UNCODED
from workbench.export.docx_report import TABLE_TITLE, DocxReportWriter
from workbench.export.docx_tables import TableRow, table_xml
from workbench.export.jobs import select_questions
from workbench.export.labels import labels
from workbench.export.layer import resolve_layer
from workbench.export.report import ReportDocument, chapter_title, question_heading
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
        "counted_from": " (talt fra {questions}, som spørsmålet ble delt fra eller slått sammen av)",
        "worded": "Spørsmålet i {wave}: «{text}».",
        "note": "Prosent av enhetene som svarte på spørsmålet hvert år; endring i prosentpoeng. "
        "– = koden ble ikke brukt det året.",
    },
    "en": {
        "title": "Year against year",
        "change": "Change from {wave} (pp)",
        "base_row": "Answered (n)",
        "bases": "Answered: {bases}.",
        "base_one": "{answered} of {units} in {wave}",
        "counted_from": " (counted from {questions}, which the question was split from or merged from)",
        "worded": "Asked in {wave} as: “{text}”.",
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
        values += [
            change_text(comparison.printed_change(row, index)) for index in range(len(comparison.waves) - 1)
        ]
        rows.append(values)
    base = [words["base_row"]]
    for answered in comparison.answered:
        base += [str(answered), "100" if answered else "0"]
    return rows + [base + [""] * (len(comparison.waves) - 1)]


def base_text(comparison: QuestionComparison, words: dict) -> str:
    """Each wave's base, naming the earlier questions counted for a split or merged one."""
    bases = "; ".join(
        words["base_one"].format(answered=answered, units=units, wave=wave)
        + (
            words["counted_from"].format(questions=", ".join(found))
            if (found := comparison.counted_from(i))
            else ""
        )
        for i, (wave, answered, units) in enumerate(
            zip(comparison.waves, comparison.answered, comparison.units, strict=True)
        )
    )
    worded = "".join(
        " " + words["worded"].format(wave=wave, text=text) for wave, text in comparison.earlier_wording()
    )
    return f"{words['bases'].format(bases=bases)}{worded} {words['note']}"


def compare_csv(comparisons: list[QuestionComparison], words: dict) -> str:
    """One CSV block per question (a header row each), bases as the last row of each block."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for comparison in comparisons:
        writer.writerow(csv_row([words["question"], *header(comparison, words)]))
        for values in table_rows(comparison, words):
            writer.writerow(csv_row([comparison.question_id, values[0].strip(), *values[1:]]))
    return buffer.getvalue()


def compare_json(comparisons: list[QuestionComparison]) -> str:
    return json.dumps([comparison.as_json() for comparison in comparisons], ensure_ascii=False, indent=2)


def write_compare_docx(
    comparisons: list[QuestionComparison], path: Path, words: dict, about: ReportDocument, charts: bool
) -> None:
    """Chapter and question headings, the captioned table, its base line and the chart, laid out
    like the report (A4, the report's language, "Tabell N"/"Figur N" captions)."""
    writer = DocxReportWriter(words, about, charts=charts)
    writer.paragraph("Title", about.title)
    if about.project:
        writer.paragraph("Subtitle", about.project)
    chapter = object()
    for comparison in comparisons:
        if comparison.chapter != chapter:
            chapter = comparison.chapter
            writer.heading(chapter_title(chapter, words), 1)
        writer.heading(question_heading({"id": comparison.question_id, "text": comparison.question_text}), 2)
        _docx_table(writer, comparison, words)
        writer.paragraph("Caption", f"{base_text(comparison, words)} {about.layer_note}".strip())
        if charts:
            writer.figure(compare_chart_png(comparison, words), _caption_text(comparison))
    writer.paragraphs.flush()
    with atomic_path(path) as temporary:
        writer.document.save(temporary)


def _caption_text(comparison: QuestionComparison) -> str:
    years = "–".join(str(wave) for wave in (comparison.waves[0], comparison.waves[-1]))
    return f"{comparison.question_text or comparison.question_id} ({years})"


def _docx_table(writer: DocxReportWriter, comparison: QuestionComparison, words: dict) -> None:
    """The comparison as a Word table: a repeated header row, themes and the base row bold."""
    columns = header(comparison, words)
    writer.caption("table_label", _caption_text(comparison), TABLE_TITLE)
    rows = [TableRow(columns, header=True)]
    for row, values in zip((*comparison.rows, None), table_rows(comparison, words), strict=True):
        if row is None:
            rows.append(TableRow(values, bold=True))
        else:  # the indent is the paragraph's, so wrapped lines keep it
            name = _category_name(row, words)
            rows.append(TableRow([name, *values[1:]], row.level == MAIN_THEME, depth=row.depth))
    first = Cm(6.5)
    rest = Emu(int((docx_layout.TEXT_WIDTH - first) / (len(columns) - 1)))
    widths = [first] + [rest] * (len(columns) - 1)
    writer.paragraphs.add_block(table_xml(writer.table_style_id, widths, rows, half_points=16))


def write_compare_xlsx(comparisons: list[QuestionComparison], path: Path, words: dict) -> None:
    """One sheet; per question a title row, the header, the categories and the base row."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = words["title"][:31]
    bold = Font(bold=True)
    for comparison in comparisons:
        xlsx_append(sheet, [f"{comparison.question_id}: {comparison.question_text}"])
        sheet.cell(sheet.max_row, 1).font = bold
        xlsx_append(sheet, header(comparison, words))
        for values in table_rows(comparison, words):
            xlsx_append(sheet, [values[0], *(_number(value) for value in values[1:])])
        xlsx_append(sheet, [base_text(comparison, words)])
        sheet.append([])
    sheet.column_dimensions["A"].width = 48
    with atomic_path(path) as temporary:
        workbook.save(temporary)


def _number(value: str):
    try:
        return int(value.replace("−", "-"))
    except ValueError:
        return value


def compare_chart_png(comparison: QuestionComparison, words: dict, *, dpi: int = DPI) -> bytes:
    """Code-level categories as groups of horizontal bars, one bar per wave, with a legend."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    rows = [row for row in comparison.rows if row.level in (CODE, UNCODED)][::-1]
    height = 0.5 + 0.12 * (len(comparison.waves) + 1) * max(len(rows), 1)
    figure = Figure(figsize=(6.3, height), dpi=dpi)
    FigureCanvasAgg(figure)
    axes = figure.add_axes((0.42, 0.1 / height, 0.5, 1 - 0.4 / height))
    axes.set_axis_off()
    _draw_wave_bars(axes, comparison.waves, rows)
    _draw_category_labels(axes, rows, words)
    axes.set_ylim(-0.6, len(rows) - 0.4)
    axes.axvline(0, color="#555555", linewidth=0.8)
    # Above the bars, in the bars' order (oldest first), so it never covers a bar.
    axes.legend(
        loc="lower left", bbox_to_anchor=(0, 1), ncols=len(comparison.waves), fontsize=7, frameon=False
    )
    return figure_png(figure)


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
    """Each category's name, wrapped (never cut), left of its group of bars."""
    for row_index, row in enumerate(rows):
        axes.text(
            -1,
            row_index,
            "\n".join(textwrap.wrap(visible_line(_category_name(row, words)), LABEL_WIDTH)),
            ha="right",
            va="center",
            fontsize=8,
        )


def comparisons_for(store, options, compare: list[int]) -> list[QuestionComparison]:
    """The chosen questions compared across the reported wave and the ``compare`` waves; each
    wave's report layer is read once for all of them."""
    waves = compare_waves(store, options.wave, compare)
    questions = select_questions(store, options)
    only = questions[0]["id"] if len(questions) == 1 else None
    codings = wave_codings(store, waves, Codebook.from_store(store), options.coder, only)
    return [compare_counted(store, question, codings) for question in questions]


def run_compare(store, options, compare: list[int]):
    """One export run with compare.docx, compare.xlsx, compare.csv and compare.json."""
    words = compare_words(labels(options.lang), options.lang)
    comparisons = comparisons_for(store, options, compare)
    layer = resolve_layer(store, options.coder)
    about = ReportDocument(words["title"], Path(store.path).stem, layer.describe(words), lang=options.lang)
    manifest = {"kind": "counts", "compare": compare, **options.manifest()}
    with ExportRun(store, "compare", manifest, options.out) as run:
        run.note("layer", layer.manifest())
        write_compare_docx(comparisons, run.path("compare.docx"), words, about, options.charts)
        write_compare_xlsx(comparisons, run.path("compare.xlsx"), words)
        run.write("compare.csv", compare_csv(comparisons, words))
        run.write("compare.json", compare_json(comparisons))
        return run.publish()

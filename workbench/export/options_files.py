"""Files of the proposed answer options (and the later check): Word and XLSX, one run folder."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from docx.shared import Cm

from workbench.cells import xlsx_append
from workbench.export.docx_report import TABLE_TITLE, DocxReportWriter
from workbench.export.docx_tables import TableRow, table_xml
from workbench.export.labels import labels, percent_text, report_percent
from workbench.export.layer import resolve_layer
from workbench.export.options import OTHER_OPTION, ListCheck, OptionList
from workbench.export.report import ReportDocument, question_heading
from workbench.export.runs import ExportRun
from workbench.files import atomic_path

_WORDS = {
    "nb": {
        "title": "Forslag til svaralternativer",
        "sheet": "Svaralternativer",
        "check_sheet": "Treffsikkerhet",
        "intro": "Fra {answered} åpne svar i {wave}: kategorier som minst {share} % av enhetene som svarte "
        "nevnte. Tynne koder er slått sammen til temaet sitt (merket *).",
        "option": "Svaralternativ",
        "share": "Andel (%)",
        "examples": "Eksempler på svar (anonymisert)",
        "note": "n = {answered} enheter som svarte. Flere svar mulig. "
        "«Annet» = enheter med bare tynne koder.",
        "check": "Er listen treffende? ({wave})",
        "needed": "{needed} av {base} enheter ({share} %) trengte «Annet» i {wave}.",
        "category": "Kategori i «Annet»-svarene",
        "count": "Antall",
        "listed": "I listen?",
        "yes": "Ja",
        "new": "Ny",
        "uncoded": "{uncoded} «Annet»-svar er ikke kodet ennå.",
    },
    "en": {
        "title": "Proposed answer options",
        "sheet": "Options",
        "check_sheet": "Fit",
        "intro": "From {answered} open answers in {wave}: categories named by at least {share} % of the "
        "units that answered. Thin codes are merged into their theme (marked *).",
        "option": "Answer option",
        "share": "Share (%)",
        "examples": "Example answers (anonymised)",
        "note": "n = {answered} units that answered. Several answers possible. "
        "'Other' = units with thin codes only.",
        "check": "Does the list fit? ({wave})",
        "needed": "{needed} of {base} units ({share} %) still needed 'Other' in {wave}.",
        "category": "Category in the 'Other' answers",
        "count": "Count",
        "listed": "In the list?",
        "yes": "Yes",
        "new": "New",
        "uncoded": "{uncoded} 'Other' answers are not coded yet.",
    },
}


def options_words(lang: str) -> dict:
    """The report words (captions, layer note) plus the options' own; a user error for an unknown
    language (from ``labels``)."""
    return {**labels(lang), **_WORDS[lang]}


def _share(count: int, answered: int) -> str:
    """A share printed like the report's percentages: whole, halves up, "<1" for a rare one."""
    return percent_text(count, report_percent(100.0 * count / answered)) if answered else "0"


def option_rows(options: OptionList, joiner: str = "\n") -> list[tuple[str, str, str]]:
    """(label, share, examples) per option, then the "Annet, hva?" line."""
    rows = [
        (
            option.label + (" *" if option.merged else ""),
            _share(option.count, options.answered),
            joiner.join(f"«{example}»" for example in option.examples),
        )
        for option in options.options
    ]
    return rows + [(OTHER_OPTION, _share(options.other_count, options.answered), "")]


def write_options_docx(
    options: OptionList, check: ListCheck | None, path: Path, words: dict, about: ReportDocument
) -> None:
    """The options table (captioned "Tabell N"), its note, and the later wave's check."""
    writer = DocxReportWriter(words, about, charts=False)
    writer.paragraph("Title", about.title)
    writer.heading(question_heading({"id": options.question_id, "text": options.question_text}), 1)
    share = _number(options.min_share)
    writer.paragraph(
        "Normal", words["intro"].format(answered=options.answered, wave=options.wave, share=share)
    )
    header = [words["option"], words["share"], words["examples"]]
    writer.caption(
        "table_label", f"{options.question_text or options.question_id} ({options.wave})", TABLE_TITLE
    )
    _docx_table(writer, header, option_rows(options, " "), [4.5, 2, 9.5], left=(0, 2))
    note = words["note"].format(answered=options.answered)
    writer.paragraph("Caption", f"{note} {about.layer_note}".strip())
    if check is not None:
        writer.heading(words["check"].format(wave=check.wave), 1)
        writer.paragraph("Normal", _needed(check, words))
        writer.caption("table_label", words["category"] + f" ({check.wave})", TABLE_TITLE)
        header = [words["category"], words["count"], words["listed"]]
        _docx_table(writer, header, _check_rows(check, words), [10, 2.5, 3.5])
        if check.uncoded:
            writer.paragraph("Caption", words["uncoded"].format(uncoded=check.uncoded))
    writer.paragraphs.flush()
    with atomic_path(path) as temporary:
        writer.document.save(temporary)


def _docx_table(writer: DocxReportWriter, header: list[str], rows, widths: list[float], left=(0,)) -> None:
    """A table at 9 pt with a header row Word repeats on every page."""
    table_rows = [TableRow(header, header=True)] + [TableRow(list(values)) for values in rows]
    columns = [Cm(width) for width in widths]
    writer.paragraphs.add_block(
        table_xml(writer.table_style_id, columns, table_rows, half_points=18, left=left)
    )


def _needed(check: ListCheck, words: dict) -> str:
    share = report_percent(check.other_share)
    return words["needed"].format(needed=check.needed_other, base=check.base, share=share, wave=check.wave)


def _check_rows(check: ListCheck, words: dict) -> list[tuple[str, str, str]]:
    return [
        (category.name, str(category.count), words["yes"] if category.in_list else words["new"])
        for category in check.categories
    ]


def write_options_xlsx(options: OptionList, check: ListCheck | None, path: Path, words: dict) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = words["sheet"]
    xlsx_append(sheet, [f"{options.question_id}: {options.question_text}"])
    xlsx_append(sheet, [words["option"], words["share"], words["examples"]])
    for label, share, examples in option_rows(options):
        xlsx_append(sheet, [label, int(share) if share.isdigit() else share, examples])
    xlsx_append(sheet, [words["note"].format(answered=options.answered)])
    if check is not None:
        checked = workbook.create_sheet(f"{words['check_sheet']} {check.wave}")
        xlsx_append(checked, [_needed(check, words)])
        xlsx_append(checked, [words["category"], words["count"], words["listed"]])
        for name, count, listed in _check_rows(check, words):
            xlsx_append(checked, [name, int(count), listed])
    sheet.column_dimensions["A"].width = 40
    sheet.column_dimensions["C"].width = 90
    with atomic_path(path) as temporary:
        workbook.save(temporary)


def _number(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def options_json(options: OptionList, check: ListCheck | None) -> str:
    return json.dumps(
        {"options": asdict(options), "check": asdict(check) if check else None}, ensure_ascii=False, indent=2
    )


def run_options(
    store, options: OptionList, check: ListCheck | None, lang: str, out: str | None, manifest: dict
):
    """One export run with options.docx, options.xlsx and options.json; the layer is the
    manifest's coder (the project's report layer when None)."""
    words = options_words(lang)
    layer = resolve_layer(store, manifest.get("coder"))
    about = ReportDocument(words["title"], Path(store.path).stem, layer.describe(words), lang=lang)
    with ExportRun(store, "options", manifest, out) as run:
        run.note("layer", layer.manifest())
        write_options_docx(options, check, run.path("options.docx"), words, about)
        write_options_xlsx(options, check, run.path("options.xlsx"), words)
        run.write("options.json", options_json(options, check))
        return run.publish()

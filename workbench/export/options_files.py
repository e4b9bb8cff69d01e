"""Files of the proposed answer options (and the later check): Word and XLSX, one run folder."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm

from workbench.errors import UserError
from workbench.export.docx_report import DocxReportWriter, _fill_row, _set_widths
from workbench.export.labels import report_percent
from workbench.export.options import OTHER_OPTION, ListCheck, OptionList
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


def option_rows(options: OptionList) -> list[tuple[str, str, str]]:
    """(label, share, examples) per option, then the "Annet, hva?" line."""
    rows = [
        (
            option.label + (" *" if option.merged else ""),
            str(report_percent(option.share)),
            "\n".join(f"«{example}»" for example in option.examples),
        )
        for option in options.options
    ]
    return rows + [(OTHER_OPTION, str(report_percent(options.other_share)), "")]


def write_options_docx(options: OptionList, check: ListCheck | None, path: Path, words: dict) -> None:
    writer = DocxReportWriter(words)
    writer.paragraph("Title", words["title"])
    writer.heading(f"{options.question_id}: {options.question_text}", 1)
    intro = words["intro"].format(
        answered=options.answered, wave=options.wave, share=_number(options.min_share)
    )
    writer.paragraph("Normal", intro)
    _docx_table(
        writer,
        [words["option"], words["share"], words["examples"]],
        option_rows(options),
        [4.5, 2, 9.5],
        True,
    )
    writer.paragraph("Caption", words["note"].format(answered=options.answered))
    if check is not None:
        writer.heading(words["check"].format(wave=check.wave), 1)
        writer.paragraph("Normal", _needed(check, words))
        header = [words["category"], words["count"], words["listed"]]
        _docx_table(writer, header, _check_rows(check, words), [10, 2.5, 3.5])
        if check.uncoded:
            writer.paragraph("Caption", words["uncoded"].format(uncoded=check.uncoded))
    writer.paragraphs.flush()
    with atomic_path(path) as temporary:
        writer.document.save(temporary)


def _docx_table(
    writer: DocxReportWriter, header: list[str], rows, widths: list[float], left_last=False
) -> None:
    table = writer._table(len(header))
    _fill_row(table.rows[0].cells, header, size=9)
    for values in rows:
        cells = table.add_row().cells
        _fill_row(cells, list(values), size=9)
        if left_last:
            cells[-1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.LEFT
    _set_widths(table, [Cm(width) for width in widths])


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
    sheet.append([_text(f"{options.question_id}: {options.question_text}")])
    sheet.append([words["option"], words["share"], words["examples"]])
    for label, share, examples in option_rows(options):
        sheet.append([_text(label), int(share), _text(examples)])
    sheet.append([words["note"].format(answered=options.answered)])
    if check is not None:
        checked = workbook.create_sheet(f"{words['check_sheet']} {check.wave}")
        checked.append([_needed(check, words)])
        checked.append([words["category"], words["count"], words["listed"]])
        for name, count, listed in _check_rows(check, words):
            checked.append([_text(name), int(count), listed])
    sheet.column_dimensions["A"].width = 40
    sheet.column_dimensions["C"].width = 90
    with atomic_path(path) as temporary:
        workbook.save(temporary)


def _text(value: str) -> str:
    """Text a spreadsheet will not take for a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def _number(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def options_json(options: OptionList, check: ListCheck | None) -> str:
    return json.dumps(
        {"options": asdict(options), "check": asdict(check) if check else None}, ensure_ascii=False, indent=2
    )


def run_options(
    store, options: OptionList, check: ListCheck | None, lang: str, out: str | None, manifest: dict
):
    """One export run with options.docx, options.xlsx and options.json."""
    if lang not in _WORDS:
        raise UserError(f"unknown export language '{lang}'; choose one of {', '.join(_WORDS)}.")
    words = _WORDS[lang]
    with ExportRun(store, "options", manifest, out) as run:
        write_options_docx(options, check, run.path("options.docx"), words)
        write_options_xlsx(options, check, run.path("options.xlsx"), words)
        run.write("options.json", options_json(options, check))
        return run.publish()

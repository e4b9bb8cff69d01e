"""Write the method's spreadsheet: sheets Data, Kodeliste, Spørsmål and Memoer.

Data has one row per quote and coder, the row's codes one per line in the code columns
(Kode, Hovedtema, Undertema and the ids beside them), so a quote with two codes is one row.
Columns have widths, long texts wrap, the header is frozen and filtered.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from workbench.cells import xml_safe
from workbench.coding.codebook_tree import Codebook
from workbench.files import atomic_path
from workbench.method_xlsx.columns import (
    CODE_COLUMNS,
    CODE_LINE_COLUMNS,
    CODE_SHEET,
    DATA_COLUMNS,
    DATA_SHEET,
    HOW_VALUES,
    KIND_VALUES,
    MEMO_COLUMNS,
    MEMO_SHEET,
    NO,
    QUESTION_COLUMNS,
    QUESTION_SHEET,
    WIDTHS,
    WRAPPED,
    YES,
    attribute_header,
    headers,
    shown_value,
)
from workbench.method_xlsx.memo_sheet import memo_sheet_rows
from workbench.store import Store, survey
from workbench.store import codings as coding_rows
from workbench.store import memos as memo_rows
from workbench.store import segments as segment_rows

AnonymisedText = Callable[[str], str | None]


def theme_columns(code_id: str, codebook: Codebook) -> tuple[str, str, str]:
    """(main theme, sub-theme, code name) of a code by its level in the tree."""
    names = codebook.names(code_id)
    if len(names) == 1:
        return "", "", names[0]
    if len(names) == 2:
        return names[0], "", names[1]
    return names[0], names[1], names[-1]


def _data_rows(store: Store, question_ids, lang: str, anonymised: AnonymisedText | None):
    codes = Codebook.from_store(store)
    respondents = survey.attributes_by_respondent(store)
    attribute_names = sorted({key for attributes in respondents.values() for key in attributes})
    codings = defaultdict(list)
    for coding in coding_rows.all_codings(store):
        codings[coding["segment_id"]].append(coding)
    memos = defaultdict(lambda: defaultdict(list))
    for memo in memo_rows.all_memos(store):
        memos[memo["segment_id"]][memo["coder"]].append(memo["text"])

    def rows():
        for segment in segment_rows.segments_with_answers(store, question_ids):
            base = {
                "segment_id": segment["id"],
                "respondent_id": segment["respondent_id"],
                "wave": segment["wave"],
                "question_id": segment["question_id"],
                "start": segment["start"],
                "end": segment["end"],
                "text": segment["answer_text"][segment["start"] : segment["end"]],
                "for_report": (YES if segment["for_report"] else NO)[lang],
                "anonymised": (anonymised(segment["id"]) if anonymised else None) or "",
                "segment_created_at": segment["created_at"],
                "owner": segment["coder"] or "",
            }
            attributes = respondents.get(segment["respondent_id"], {})
            extra = [attributes.get(name, "") for name in attribute_names]
            for row in _rows_of_segment(base, codings[segment["id"]], memos[segment["id"]], codes, lang):
                yield [row.get(key, "") for key in DATA_COLUMNS] + extra

    return attribute_names, rows()


def _rows_of_segment(base: dict, codings: list[dict], memos: dict, codes: Codebook, lang: str) -> list[dict]:
    by_coder: dict[str, list[dict]] = defaultdict(list)
    for coding in codings:
        by_coder[coding["coder"]].append(coding)
    rows = [
        {**base, "coder": coder, "memo": "\n\n".join(memos.get(coder, [])), **_code_lines(own, codes, lang)}
        for coder, own in by_coder.items()
    ]
    for coder, texts in memos.items():
        if coder not in by_coder:
            rows.append({**base, "coder": coder, "memo": "\n\n".join(texts)})
    return rows or [base]


def _code_lines(codings: list[dict], codes: Codebook, lang: str) -> dict:
    """The code columns of one row: one line per coding, aligned across the columns."""
    lines: dict[str, list[str]] = defaultdict(list)
    for coding in codings:
        main, sub, name = theme_columns(coding["code_id"], codes)
        values = {
            "code": name,
            "main_theme": main,
            "sub_theme": sub,
            "code_id": coding["code_id"],
            "coding_id": coding["id"],
            "how": shown_value(HOW_VALUES, coding["how"], lang),
            "coded_at": coding["created_at"],
        }
        for key in CODE_LINE_COLUMNS:
            lines[key].append(values[key] or "")
    return {key: "\n".join(values) for key, values in lines.items()}


def _code_rows(store: Store, lang: str):
    codebook = Codebook.from_store(store)
    for code in codebook.parents_first():
        main, sub, _ = theme_columns(code.id, codebook)
        values = {
            "code_id": code.id,
            "label": code.name,
            "definition": code.definition,
            "main_theme": main,
            "sub_theme": sub,
            "order": code.position,
            "created": code.created_at,
            "merged_into": code.merged_into or "",
            "parent_id": code.parent_id or "",
            "is_theme": (YES if code.is_theme else NO)[lang],
            "codable": (YES if code.codable else NO)[lang],
            "retired": (YES if code.retired else NO)[lang],
            "colour": code.colour or "",
            "created_by": code.created_by or "",
            "lead_in": code.lead_in,
        }
        yield [values[key] for key in CODE_COLUMNS]


def _question_rows(store: Store, lang: str):
    for question in survey.question_rows(store):
        single = (YES if question["single_code"] else NO)[lang]
        kind = shown_value(KIND_VALUES, question["kind"], lang)
        yield [question["id"], question["text"], kind, question["chapter"] or "", single]


def write_method_xlsx(
    store: Store,
    path: str | Path,
    *,
    question_ids: list[str] | None = None,
    lang: str = "nb",
    anonymised_text: AnonymisedText | None = None,
) -> Path:
    """Write the spreadsheet atomically; ``anonymised_text`` fills the anonymised column."""
    workbook = Workbook(write_only=True)
    attribute_names, data_rows = _data_rows(store, question_ids, lang, anonymised_text)
    sheets = [
        (DATA_SHEET, DATA_COLUMNS, [attribute_header(name, lang) for name in attribute_names], data_rows),
        (CODE_SHEET, CODE_COLUMNS, [], _code_rows(store, lang)),
        (QUESTION_SHEET, QUESTION_COLUMNS, [], _question_rows(store, lang)),
        (MEMO_SHEET, MEMO_COLUMNS, [], memo_sheet_rows(store, question_ids, lang)),
    ]
    for title, columns, extra, rows in sheets:
        _write_sheet(workbook.create_sheet(title), list(columns), headers(columns, lang) + extra, rows)
    with atomic_path(path) as temporary:
        workbook.save(temporary)
    return Path(path)


def _write_sheet(sheet, keys: list[str], header: list[str], rows) -> None:
    """Widths, a frozen and filtered header, and wrapped long texts."""
    for index, label in enumerate(header):
        key = keys[index] if index < len(keys) else ""
        width = WIDTHS.get(key, max(12, min(len(label) + 4, 24)))
        sheet.column_dimensions[get_column_letter(index + 1)].width = width
    sheet.freeze_panes = "A2"
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    sheet.append([_cell(sheet, value, font=bold) for value in header])
    wrapped = [index for index, key in enumerate(keys) if key in WRAPPED]
    written = 0
    for row in rows:
        sheet.append(
            [_cell(sheet, value, alignment=wrap if i in wrapped else top) for i, value in enumerate(row)]
        )
        written += 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{written + 1}"


def _cell(sheet, value, *, font: Font | None = None, alignment: Alignment | None = None) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=xml_safe(value) if isinstance(value, str) else value)
    if isinstance(value, str):
        cell.data_type = "s"  # text, never a formula: answers come from outsiders
    if font is not None:
        cell.font = font
    if alignment is not None:
        cell.alignment = alignment
    return cell

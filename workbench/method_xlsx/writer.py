"""Write the method's spreadsheet: sheets Data, Kodeliste and Spørsmål."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from workbench.cells import xlsx_append, xml_safe
from workbench.coding.codebook_tree import Codebook
from workbench.files import atomic_path
from workbench.method_xlsx.columns import (
    CODE_COLUMNS,
    CODE_SHEET,
    DATA_COLUMNS,
    DATA_SHEET,
    NO,
    QUESTION_COLUMNS,
    QUESTION_SHEET,
    YES,
    headers,
)
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
            }
            attributes = respondents.get(segment["respondent_id"], {})
            extra = [attributes.get(name, "") for name in attribute_names]
            for row in _rows_of_segment(base, codings[segment["id"]], memos[segment["id"]], codes):
                yield [row.get(key, "") for key in DATA_COLUMNS] + extra

    return attribute_names, rows()


def _rows_of_segment(base: dict, codings: list[dict], memos: dict, codes: Codebook) -> list[dict]:
    rows = []
    for coding in codings:
        main, sub, name = theme_columns(coding["code_id"], codes)
        rows.append(
            {
                **base,
                "code": name,
                "main_theme": main,
                "sub_theme": sub,
                "coder": coding["coder"],
                "memo": "\n\n".join(memos.get(coding["coder"], [])),
                "code_id": coding["code_id"],
                "coding_id": coding["id"],
                "how": coding["how"],
                "coded_at": coding["created_at"],
            }
        )
    coders_with_codings = {coding["coder"] for coding in codings}
    for coder, texts in memos.items():
        if coder not in coders_with_codings:
            rows.append({**base, "coder": coder, "memo": "\n\n".join(texts)})
    return rows or [base]


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
        }
        yield [values[key] for key in CODE_COLUMNS]


def _question_rows(store: Store, lang: str):
    for question in survey.question_rows(store):
        single = (YES if question["single_code"] else NO)[lang]
        yield [question["id"], question["text"], question["kind"], question["chapter"] or "", single]


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
    bold = Font(bold=True)
    attribute_names, data_rows = _data_rows(store, question_ids, lang, anonymised_text)
    sheets = [
        (DATA_SHEET, headers(DATA_COLUMNS, lang) + attribute_names, data_rows),
        (CODE_SHEET, headers(CODE_COLUMNS, lang), _code_rows(store, lang)),
        (QUESTION_SHEET, headers(QUESTION_COLUMNS, lang), _question_rows(store, lang)),
    ]
    for title, header, rows in sheets:
        sheet = workbook.create_sheet(title)
        sheet.freeze_panes = "A2"
        sheet.append([_bold_cell(sheet, value, bold) for value in header])
        for row in rows:
            xlsx_append(sheet, row)
    with atomic_path(path) as temporary:
        workbook.save(temporary)
    return Path(path)


def _bold_cell(sheet, value: str, font: Font) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=xml_safe(value))
    cell.data_type = "s"
    cell.font = font
    return cell

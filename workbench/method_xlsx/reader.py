"""Read the method's spreadsheet back: codes from Kodeliste, segments and codings from Data,
memos on answers, codes and the project from Memoer.

Works both for files workbench wrote (ids and offsets kept, so the round trip is lossless)
and for a team's own Excel coding with just respondent, question, quote and code columns:
quotes are then found in the project's answers, or become the answer when it is missing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import load_workbook

from workbench.errors import UserError
from workbench.method_xlsx.codes import CodeListReader
from workbench.method_xlsx.columns import (
    ATTRIBUTE_HEADERS,
    CODE_COLUMNS,
    CODE_LINE_COLUMNS,
    CODE_SHEET,
    DATA_COLUMNS,
    DATA_SHEET,
    HOW_VALUES,
    KIND_VALUES,
    MEMO_COLUMNS,
    MEMO_SHEET,
    QUESTION_COLUMNS,
    QUESTION_SHEET,
    cell_text,
    is_yes,
    key_for_header,
    stored_value,
)
from workbench.method_xlsx.memo_sheet import import_memo_sheet
from workbench.method_xlsx.segments import SegmentBuilder
from workbench.store import Store, now, stable_id, survey
from workbench.store import coders as coder_rows
from workbench.store import codings as coding_rows
from workbench.store import memos as memo_rows
from workbench.store import segments as segment_rows

REQUIRED_DATA = ("respondent_id", "question_id", "text")


@dataclass
class MethodImportReport:
    """What an import of the method's spreadsheet added."""

    file_name: str = ""
    codes_new: int = 0
    answers_new: int = 0
    segments_new: int = 0
    codings_new: int = 0
    memos_new: int = 0
    edits: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line for the user."""
        lines = [
            f"Imported {self.codings_new} new codings from {self.file_name} (method layout): "
            f"{self.answers_new} new answers, {self.segments_new} new segments, "
            f"{self.codes_new} new codes, {self.memos_new} new memos."
        ]
        return "\n".join(lines + self.edits)


def is_method_workbook(path: str | Path) -> bool:
    """True for an .xlsx file with the sheets Data and Kodeliste."""
    if Path(path).suffix.lower() != ".xlsx":
        return False
    try:
        workbook = load_workbook(path, read_only=True)
    except Exception:  # any unreadable file is simply not a method workbook
        return False
    with_sheets = {DATA_SHEET, CODE_SHEET} <= set(workbook.sheetnames)
    workbook.close()
    return with_sheets


def sheet_records(workbook, title: str, columns: dict, path: Path) -> list[tuple[int, dict]]:
    """(row number, {key: value}) for each non-empty row; unknown headers keep their text."""
    rows = workbook[title].iter_rows(values_only=True)
    header = next(rows, None)
    if not header:
        raise UserError(f"{path}: sheet '{title}' is empty.")
    known = key_for_header(columns if title != DATA_SHEET else {**ATTRIBUTE_HEADERS, **columns})
    keys = [known.get(str(cell or "").strip().casefold(), str(cell or "").strip()) for cell in header]
    records = []
    for number, row in enumerate(rows, start=2):
        if any(cell not in (None, "") for cell in row):
            records.append((number, {key: value for key, value in zip(keys, row, strict=False) if key}))
    return records


def import_method_xlsx(store: Store, path: str | Path, *, coder: str, wave: int, on_progress=None):
    """Import the spreadsheet in one transaction; returns what was added."""
    path = Path(path)
    try:
        workbook = load_workbook(path, read_only=True)
    except Exception as error:  # openpyxl raises many types for a broken file
        raise UserError(f"{path}: not a readable XLSX workbook ({error}).") from None
    for title in (DATA_SHEET, CODE_SHEET):
        if title not in workbook.sheetnames:
            raise UserError(f"{path}: the workbook has no sheet '{title}'.")
    report = MethodImportReport(file_name=path.name)
    with store.atomic():
        if QUESTION_SHEET in workbook.sheetnames:
            _import_questions(store, sheet_records(workbook, QUESTION_SHEET, QUESTION_COLUMNS, path))
        codes = CodeListReader(store, path, coder)
        codes.read(sheet_records(workbook, CODE_SHEET, CODE_COLUMNS, path))
        records = sheet_records(workbook, DATA_SHEET, DATA_COLUMNS, path)
        _import_data(store, path, records, codes, coder, wave, report, on_progress)
        if MEMO_SHEET in workbook.sheetnames:
            memos = sheet_records(workbook, MEMO_SHEET, MEMO_COLUMNS, path)
            report.memos_new += import_memo_sheet(store, memos, path, coder, wave)
        report.codes_new = codes.created
        store.log_event("method_xlsx_import", coder=coder, target=path.name, after=vars(report))
    workbook.close()
    return report


def _import_questions(store: Store, records: list[tuple[int, dict]]) -> None:
    for _, record in records:
        if cell_text(record.get("id")).strip():
            survey.upsert_question(
                store,
                {
                    "id": cell_text(record["id"]).strip(),
                    "text": cell_text(record.get("text")),
                    "kind": stored_value(KIND_VALUES, cell_text(record.get("kind"))) or "open",
                    "chapter": cell_text(record.get("chapter")).strip() or None,
                    "single_code": int(is_yes(record.get("single_code"))),
                },
            )


def _import_data(store, path, records, codes, coder, wave, report, on_progress) -> None:
    missing = [key for key in REQUIRED_DATA if not any(key in record for _, record in records[:1])]
    if records and missing:
        raise UserError(f"{path}: sheet '{DATA_SHEET}' has no column '{DATA_COLUMNS[missing[0]][0]}'.")
    by_answer: dict[tuple, list[tuple[int, dict]]] = defaultdict(list)
    for number, record in records:
        respondent = cell_text(record.get("respondent_id")).strip()
        question = cell_text(record.get("question_id")).strip()
        if not respondent or not question:
            raise UserError(f"{path}: sheet '{DATA_SHEET}' row {number} lacks a respondent or question id.")
        record_wave = int(record["wave"]) if cell_text(record.get("wave")).strip() else wave
        by_answer[(respondent, question, record_wave)].append((number, record))
        attributes = {k: v for k, v in record.items() if k not in DATA_COLUMNS and v not in (None, "")}
        attributes.update({k: v for k, v in record.items() if k in ATTRIBUTE_HEADERS and v not in (None, "")})
        survey.upsert_respondent(store, respondent, attributes)
    for done, (key, answer_records) in enumerate(by_answer.items(), start=1):
        survey.ensure_question(store, key[1])
        builder = SegmentBuilder(store, path, key, answer_records)
        segment_of_row = builder.build()
        report.answers_new += builder.answer_created
        report.segments_new += builder.segments_created
        for number, record in answer_records:
            _import_row(store, codes, coder, segment_of_row[number], (number, record), report)
        if on_progress and done % 200 == 0:
            on_progress(done, len(by_answer))


def _import_row(store, codes, default_coder, segment_id, numbered, report) -> None:
    number, record = numbered
    if is_yes(record.get("for_report")):
        segment_rows.set_for_report(store, segment_id, True)
    row_coder = cell_text(record.get("coder")).strip() or default_coder
    memo = cell_text(record.get("memo")).strip()
    if memo and "\n\n".join(memo_rows.memo_texts(store, segment_id, row_coder)) != memo:
        coder_rows.insert_coder(store, row_coder, False, now())
        report.memos_new += memo_rows.insert_memo_if_new(
            store,
            {
                "id": stable_id("memo", segment_id, row_coder),
                "segment_id": segment_id,
                "coder": row_coder,
                "text": memo,
            },
        )
    for line in code_lines(record):
        _import_coding(store, codes, (number, line), segment_id, row_coder, report)


def code_lines(record: dict) -> list[dict]:
    """One record per code of a Data row: its code columns hold one line per code."""
    split = {key: cell_text(record.get(key)).split("\n") for key in CODE_LINE_COLUMNS if record.get(key)}
    count = max((len(lines) for lines in split.values()), default=0)
    return [
        {**record, **{key: lines[index] if index < len(lines) else "" for key, lines in split.items()}}
        for index in range(count)
    ]


def _import_coding(store, codes, numbered, segment_id, row_coder, report) -> None:
    number, line = numbered
    code_id, edit = codes.code_for_line(line)
    if edit:
        report.edits.append(f"Data row {number}: {edit}")
        old = cell_text(line.get("coding_id")).strip()
        if old:
            coding_rows.delete_coding(store, old)
        line = {**line, "coding_id": "", "how": "typed", "coded_at": ""}
    if code_id is None:
        return
    coder_rows.insert_coder(store, row_coder, False, now())
    report.codings_new += coding_rows.insert_coding_if_new(
        store,
        {
            "id": cell_text(line.get("coding_id")).strip()
            or stable_id("coding", segment_id, code_id, row_coder),
            "segment_id": segment_id,
            "code_id": code_id,
            "coder": row_coder,
            "how": stored_value(HOW_VALUES, cell_text(line.get("how"))) or "imported",
            "created_at": cell_text(line.get("coded_at")).strip() or None,
        },
    )

"""Importing a team's existing coding: one row per segment × code (``--layout coded``).

Columns: respondent, question, text, code, and optionally coder. Rows with the same
respondent, question and text are one segment. A code given as "Theme > Sub-theme > Code"
creates the path; a slash is an ordinary character. An answer already in the project must
contain each segment's text; a new answer is the file's segment texts joined by a blank line.
The whole file is one transaction: nothing is written if any row is wrong.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from workbench import coding
from workbench.coding.segments import discard_blank_segment, shared_segments_of_answer
from workbench.errors import UserError
from workbench.ingest.attributes import complete_attributes, respondent_id
from workbench.ingest.tables import Table, read_table
from workbench.method_xlsx import import_method_xlsx, is_method_workbook
from workbench.store import Store, now, stable_id, survey
from workbench.store import answers as answer_rows
from workbench.store import codes as code_rows
from workbench.store import segments as segment_rows

COLUMNS = {
    "respondent": ("respondent", "respondent_id", "respondent id"),
    "question": ("question", "question_id", "question id"),
    "text": ("text", "segment", "quote", "sitat"),
    "code": ("code", "kode"),
}
CODER_COLUMNS = ("coder", "koder")
PIECE_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class CodedRow:
    """One row of the file: a segment's identity, its code path and its coder."""

    row_number: int
    respondent: str
    question: str
    text: str
    code: str
    coder: str


@dataclass(frozen=True)
class CodedImportResult:
    """What a coded import added."""

    file: Path
    wave: int
    rows: int
    segments: int
    new_answers: int
    new_codes: int
    new_codings: int

    def summary(self) -> str:
        """One line for the user."""
        return (
            f"Imported {self.new_codings} new codings on {self.segments} segments from {self.rows} rows "
            f"of {self.file.name} (wave {self.wave}): {self.new_answers} new answers, "
            f"{self.new_codes} new codes."
        )


def _column(table: Table, key: str) -> int:
    index = table.find_column(*COLUMNS[key])
    if index is None:
        raise UserError(
            f"{table.file}: row 1: the coded layout needs a column named '{key}' "
            f"(the columns are {', '.join(table.header)})."
        )
    return index


def read_coded_rows(path: str | Path, default_coder: str | None) -> list[CodedRow]:
    """The rows of a coded CSV/XLSX file, checked; a missing value names its row and column."""
    table = read_table(path)
    indexes = {key: _column(table, key) for key in COLUMNS}
    coder_index = table.find_column(*CODER_COLUMNS)
    rows = []
    for row_number, cells in table.rows:
        values = {key: cells[index].strip() for key, index in indexes.items()}
        for key in ("respondent", "question", "text"):
            if not values[key]:
                raise UserError(
                    f"{table.file}: row {row_number}, column '{table.header[indexes[key]]}' is empty."
                )
        coder = (cells[coder_index].strip() if coder_index is not None else "") or default_coder
        if not coder:
            raise UserError(
                f"{table.file}: row {row_number} names no coder; add a coder column or give --coder."
            )
        rows.append(
            CodedRow(
                row_number,
                respondent_id(values["respondent"]),
                values["question"],
                cells[indexes["text"]].strip(),
                values["code"],
                coder,
            )
        )
    return rows


def import_coded_file(
    store: Store,
    path: str | Path,
    *,
    coder: str | None,
    wave: int | None,
    on_progress: Callable[[int, int], None] | None = None,
) -> CodedImportResult:
    """Import a coded spreadsheet into the project as one transaction.

    An XLSX file in the method's layout (sheets Data and Kodeliste) is read with its code list,
    offsets and ids by ``workbench.method_xlsx``.
    """
    wave = date.today().year if wave is None else wave
    if not 1900 <= wave <= 2200:
        raise UserError(f"wave {wave} is not a survey year (expected e.g. {date.today().year}).")
    if is_method_workbook(path):
        return import_method_xlsx(store, path, coder=coder or "imported", wave=wave, on_progress=on_progress)
    rows = read_coded_rows(path, coder)
    codes_before = code_rows.code_count(store)
    with store.atomic():
        new_answers = _add_missing_answers(store, rows, wave)
        segment_ids = _segments_for_rows(store, Path(path), rows, wave)
        new_codings = _apply_rows(store, rows, segment_ids, on_progress or (lambda done, total: None))
    new_codes = code_rows.code_count(store) - codes_before
    segments = len(set(segment_ids.values()))
    return CodedImportResult(Path(path), wave, len(rows), segments, new_answers, new_codes, new_codings)


def _apply_rows(store: Store, rows: list[CodedRow], segment_ids: dict, report: Callable) -> int:
    """Apply each row's code to its segment for its coder; return the new codings."""
    new_codings = 0
    for done, row in enumerate(rows, start=1):
        if row.code:
            code_id = coding.code_for_path(store, row.code, row.coder)
            new_codings += len(
                coding.apply_codes(store, segment_ids[row], [code_id], row.coder, how="imported")
            )
        report(done, len(rows))
    return new_codings


def _pieces(rows: list[CodedRow]) -> dict[tuple[str, str], list[str]]:
    """Per respondent and question, the distinct segment texts in file order."""
    pieces: dict[tuple[str, str], list[str]] = {}
    for row in rows:
        texts = pieces.setdefault((row.respondent, row.question), [])
        if row.text not in texts:
            texts.append(row.text)
    return pieces


def _add_missing_answers(store: Store, rows: list[CodedRow], wave: int) -> int:
    """Create the questions, respondents and answers the project lacks; return new answers."""
    created = 0
    for (respondent, question), texts in _pieces(rows).items():
        if answer_rows.answer_id_for(store, respondent, question, wave) is not None:
            continue
        survey.ensure_question(store, question)
        attributes = json.dumps(complete_attributes(respondent, {}, ""), ensure_ascii=False)
        survey.add_respondent_if_missing(store, respondent, attributes)
        answer_rows.insert_answer(store, respondent, question, wave, PIECE_SEPARATOR.join(texts))
        created += 1
    return created


def _segments_for_rows(store: Store, file: Path, rows: list[CodedRow], wave: int) -> dict[CodedRow, str]:
    """The segment id of every row, creating segments at the text's place in its answer."""
    found: dict[tuple[str, str, str], str] = {}
    for row in rows:
        key = (row.respondent, row.question, row.text)
        if key not in found:
            found[key] = _segment_for(store, file, row, wave)
    return {row: found[(row.respondent, row.question, row.text)] for row in rows}


def _segment_for(store: Store, file: Path, row: CodedRow, wave: int) -> str:
    answer_id = answer_rows.answer_id_for(store, row.respondent, row.question, wave)
    text = answer_rows.answer_text(store, answer_id)
    start = text.find(row.text)
    if start < 0:
        raise UserError(
            f"{file}: row {row.row_number}: the text is not part of respondent {row.respondent}'s "
            f"answer to {row.question} (wave {wave})."
        )
    end = start + len(row.text)
    segments = shared_segments_of_answer(store, answer_id)
    holder = next((s for s in segments if s.start <= start and end <= s.end), None)
    if holder is not None:
        return _carve(store, holder, start, end, row.coder)
    if any(s.start < end and start < s.end for s in segments):
        raise UserError(f"{file}: row {row.row_number}: the text overlaps segments already in the project.")
    whole = start == 0 and end == len(text)
    segment_id = stable_id("segment", row.respondent, row.question, wave, *(() if whole else (start,)))
    segment_rows.insert_segment(
        store,
        {
            "id": segment_id,
            "answer_id": answer_id,
            "start": start,
            "end": end,
            "for_report": 0,
            "created_at": now(),
        },
    )
    return segment_id


def _carve(store: Store, holder, start: int, end: int, coder: str) -> str:
    """The segment spanning exactly [start, end), split out of the segment holding it.

    A whitespace-only remainder left by the split is discarded rather than kept uncoded.
    """
    segment_id = holder.id
    if holder.start < start:
        left_id, segment_id = coding.split_segment(store, segment_id, start, coder, shared=True)
        discard_blank_segment(store, left_id, coder)
    if end < holder.end:
        segment_id, right_id = coding.split_segment(store, segment_id, end, coder, shared=True)
        discard_blank_segment(store, right_id, coder)
    return segment_id

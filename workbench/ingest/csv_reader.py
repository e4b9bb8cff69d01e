"""Reading CSV files: the separator is sniffed from the header line, the encoding detected.

Two mistakes that the csv module would pass silently are refused, naming the row: a NUL
character anywhere in the text, and an opening quote that is never closed (which would
swallow every following row into one cell).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

from workbench.errors import UserError
from workbench.ingest.decoding import decode_text, sniff_delimiter

# Lets the reader hand over an oversized cell, so the size check can name its row and column.
_FIELD_SIZE_LIMIT = 256 * 1024 * 1024
# A cell holding this many lines that look like whole rows of the file is a quote left open.
_SWALLOWED_ROWS = 2


def read_csv_rows(file: Path) -> Iterator[tuple[int, list[str]]]:
    """The file's records with their row numbers (1-based; a quoted line break stays one row)."""
    text = decode_text(file.read_bytes(), file)
    if not text.strip():
        raise UserError(f"{file}: the file is empty (row 1 has no column names).")
    refuse_nul(file, text)
    delimiter, first_row, text = _delimiter(text)
    if csv.field_size_limit() < _FIELD_SIZE_LIMIT:
        csv.field_size_limit(_FIELD_SIZE_LIMIT)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    width, last_start, row_end, row_number = None, 0, 0, first_row - 1
    try:
        for row_number, cells in enumerate(reader, start=first_row):
            last_start, row_end = row_end, reader.line_num
            width = width or len(cells)
            _refuse_open_quote(file, row_number, cells, width, delimiter)
            yield row_number, cells
    except csv.Error as error:
        raise UserError(f"{file}: row {reader.line_num}: the CSV cannot be read ({error}).") from None
    _refuse_quote_open_at_end(file, text, last_start, row_number, delimiter)


def _refuse_quote_open_at_end(file: Path, text: str, last_start: int, row: int, delimiter: str) -> None:
    """The last record, read strictly: a quote still open at the end of the file is refused."""
    tail = "\n".join(text.split("\n")[last_start:])
    try:
        list(csv.reader(io.StringIO(tail, newline=""), delimiter=delimiter, strict=True))
    except csv.Error as error:
        if "end of data" in str(error):
            raise UserError(
                f"{file}: row {row}: a quote opened in this row is never closed, so it runs to the "
                "end of the file; close the quote and import again."
            ) from None


def refuse_nul(file: Path, text: str) -> None:
    """A NUL character is never part of an answer: refuse the file, naming the row."""
    position = text.find("\x00")
    if position >= 0:
        row = text.count("\n", 0, position) + 1
        raise UserError(f"{file}: row {row}: a NUL character (binary data?); nothing imported.")


def _refuse_open_quote(file: Path, line: int, cells: list[str], width: int, delimiter: str) -> None:
    for index, cell in enumerate(cells):
        if "\n" in cell and _looks_like_rows(cell, cells[0], width, delimiter):
            raise UserError(
                f"{file}: row {line}, column {index + 1}: a quote opened here is not closed where "
                "it should be, so the cell swallows the following rows; close the quote and import again."
            )


def _looks_like_rows(cell: str, first_cell: str, width: int, delimiter: str) -> bool:
    """Whether several lines inside ``cell`` look like rows of the file (same id shape, width)."""
    shape = _shape(first_cell)
    rows = 0
    for piece in cell.split("\n")[1:]:
        fields = piece.split(delimiter)
        if len(fields) >= min(width, 2) and shape and _shape(fields[0]) == shape:
            rows += 1
    return rows >= _SWALLOWED_ROWS or (rows and cell.count("\n") > 50)


def _shape(text: str) -> str:
    """A value's shape: digits as 9, letters as a (so ids 0301 and 1103 share one)."""
    return re.sub(r"\d", "9", re.sub(r"[^\W\d_]", "a", text.strip()))


def _delimiter(text: str) -> tuple[str, int, str]:
    """(separator, number of the first row, text to parse); honours Excel's "sep=;" line."""
    first_line, _, rest = text.partition("\n")
    marker = first_line.rstrip("\r")
    if marker.startswith("sep=") and len(marker) == 5:
        return marker[4], 2, rest
    header_line = text.lstrip().partition("\n")[0]
    return sniff_delimiter(header_line), 1, text

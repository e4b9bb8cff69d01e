"""Reading CSV files: the separator is sniffed from the header line, the encoding detected."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from workbench.errors import UserError
from workbench.ingest.decoding import decode_text, sniff_delimiter

# Lets the reader hand over an oversized cell, so the size check can name its row and column.
_FIELD_SIZE_LIMIT = 256 * 1024 * 1024


def read_csv_rows(file: Path) -> Iterator[tuple[int, list[str]]]:
    """The file's records with their row numbers (1-based; a quoted line break stays one row)."""
    text = decode_text(file.read_bytes(), file)
    if not text.strip():
        raise UserError(f"{file}: the file is empty (row 1 has no column names).")
    delimiter, first_row, text = _delimiter(text)
    if csv.field_size_limit() < _FIELD_SIZE_LIMIT:
        csv.field_size_limit(_FIELD_SIZE_LIMIT)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        yield from enumerate(reader, start=first_row)
    except csv.Error as error:
        raise UserError(f"{file}: row {reader.line_num}: the CSV cannot be read ({error}).") from None


def _delimiter(text: str) -> tuple[str, int, str]:
    """(separator, number of the first row, text to parse); honours Excel's "sep=;" line."""
    first_line, _, rest = text.partition("\n")
    marker = first_line.rstrip("\r")
    if marker.startswith("sep=") and len(marker) == 5:
        return marker[4], 2, rest
    header_line = text.lstrip().partition("\n")[0]
    return sniff_delimiter(header_line), 1, text

"""Turning a text file's bytes into text: UTF-8 (with or without BOM) or Windows-1252."""

from __future__ import annotations

import codecs
import csv
import re
from pathlib import Path

from workbench.errors import UserError

_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
_QUOTED = re.compile(r'"[^"]*"')


def decode_text(data: bytes, file: Path) -> str:
    """The file's text; Excel's Windows-1252 is accepted only when the file is not UTF-8 at all.

    A file whose first non-ASCII characters are valid UTF-8 but which later holds a byte that
    is not, is refused rather than guessed: decoding it as Windows-1252 would garble the rest.
    """
    if is_utf16(data):
        return _decode_utf16(data, file)
    if data.startswith(codecs.BOM_UTF8):
        body = data[len(codecs.BOM_UTF8) :]
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError as error:
            raise undecodable(data, error.start + len(codecs.BOM_UTF8), file, "UTF-8") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        if _HIGH_BYTE.search(data, 0, error.start):
            raise undecodable(data, error.start, file, "UTF-8") from None
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise undecodable(data, error.start, file, "UTF-8 or Windows-1252") from None


def _decode_utf16(data: bytes, file: Path) -> str:
    """Excel's "Unicode text" export: UTF-16 with a byte order mark."""
    try:
        return data.decode("utf-16")
    except UnicodeDecodeError as error:
        row = data[: error.start].decode("utf-16", errors="replace").count("\n") + 1
        raise UserError(
            f"{file}: row {row}: the UTF-16 text is damaged; save the file as UTF-8 CSV."
        ) from None


def is_utf16(start: bytes) -> bool:
    """Whether a file's first bytes are a UTF-16 byte order mark."""
    return start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))


def undecodable(data: bytes, offset: int, file: Path, encodings: str) -> UserError:
    """The error for a byte that no accepted encoding can read, naming its row and column."""
    row = data.count(b"\n", 0, offset) + 1
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = _column_name_at(data, line_start, offset)
    return UserError(
        f"{file}: row {row}, column {column}: byte 0x{data[offset]:02x} is not valid "
        f"{encodings}; save the file as UTF-8 CSV and import it again."
    )


def _column_name_at(data: bytes, line_start: int, offset: int) -> str:
    """The header name (or number) of the CSV column that holds the byte at ``offset``."""
    header_line = data.split(b"\n", 1)[0].decode("utf-8", errors="replace").lstrip("\ufeff")
    delimiter = sniff_delimiter(header_line)
    try:
        header = next(csv.reader([header_line.rstrip("\r")], delimiter=delimiter), [])
        prefix = data[line_start:offset].decode("utf-8", errors="replace") + "x"
        index = len(next(csv.reader([prefix], delimiter=delimiter), [""])) - 1
    except csv.Error:  # the line is not CSV at all (random bytes): name no column
        return "?"
    if index < len(header) and header[index].strip():
        return f"'{header[index].strip()}'"
    return str(index + 1)


def sniff_delimiter(header_line: str) -> str:
    """The separator of a CSV header line: whichever of ; , or tab occurs most (default ,)."""
    unquoted = _QUOTED.sub("", header_line)
    counts = {delimiter: unquoted.count(delimiter) for delimiter in (";", ",", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","

"""Reading the first sheet of an XLSX workbook (openpyxl, read-only mode) as text cells."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path

from workbench.errors import UserError


def read_xlsx_rows(file: Path) -> Iterator[tuple[int, list[str]]]:
    """The first sheet's rows as text with their row numbers; numbers lose a spurious ``.0``."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(file, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
        raise UserError(f"{file}: not a readable XLSX file; save it as .xlsx or CSV.") from None
    try:
        sheet = workbook.worksheets[0]
        for row_number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield row_number, [cell_text(value) for value in values]
    finally:
        workbook.close()


def cell_text(value: object) -> str:
    """A cell value as the text a person sees in it."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value)

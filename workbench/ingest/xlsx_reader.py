"""Reading the first sheet of an XLSX workbook (openpyxl, read-only mode) as text cells.

Refused, naming the cell: a formula whose result was never saved (it would read as empty, a
non-response). Warned: a workbook with more than one sheet (only the first is read).
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path
from xml.etree.ElementTree import ParseError

from workbench.errors import UserError
from workbench.ingest.limits import checked_zip

# What a damaged workbook raises from zipfile, zlib, the XML parser or openpyxl.
_BROKEN = (
    zipfile.BadZipFile,
    ParseError,
    KeyError,
    OSError,
    ValueError,
    TypeError,
    EOFError,
    zlib.error,
    NotImplementedError,
    RuntimeError,
    AttributeError,
    IndexError,
)


def read_xlsx_rows(file: Path, warnings: list[str] | None = None) -> Iterator[tuple[int, list[str]]]:
    """The first sheet's rows as text with their row numbers; numbers lose a spurious ``.0``."""
    checked_zip(file, "readable XLSX file").close()
    values = _open(file, data_only=True)
    try:
        formulas = _open(file, data_only=False) if _has_formulas(file) else None
    except _BROKEN:
        values.close()
        raise UserError(f"{file}: not a readable XLSX file; save it as .xlsx or CSV.") from None
    try:
        if len(values.worksheets) > 1 and warnings is not None:
            warnings.append(
                f"{file}: only the first sheet ({values.worksheets[0].title!r}) was read; "
                f"{len(values.worksheets) - 1} other sheet(s) were ignored."
            )
        yield from _rows(file, values, formulas)
    except _BROKEN as error:
        raise UserError(f"{file}: the first sheet is damaged and cannot be read ({error}).") from None
    finally:
        values.close()
        if formulas is not None:
            formulas.close()


def _open(file: Path, *, data_only: bool):
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        return load_workbook(file, read_only=True, data_only=data_only)
    except (InvalidFileException, *_BROKEN):
        raise UserError(f"{file}: not a readable XLSX file; save it as .xlsx or CSV.") from None


def _has_formulas(file: Path) -> bool:
    """Whether any worksheet holds a formula (a cheap byte search before a second pass)."""
    with zipfile.ZipFile(file) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                with archive.open(name) as handle:
                    if any(
                        b"<f>" in block or b"<f " in block
                        for block in iter(lambda: handle.read(1 << 20), b"")
                    ):
                        return True
    return False


def _rows(file: Path, values, formulas) -> Iterator[tuple[int, list[str]]]:
    value_rows = values.worksheets[0].iter_rows(values_only=True)
    formula_rows = formulas.worksheets[0].iter_rows(values_only=True) if formulas else None
    for row_number, row in enumerate(value_rows, start=1):
        if formula_rows is not None:
            _refuse_uncached(file, row_number, row, next(formula_rows, ()))
        yield row_number, [cell_text(value) for value in row]


def _refuse_uncached(file: Path, row_number: int, row: tuple, formula_row: tuple) -> None:
    from openpyxl.utils import get_column_letter

    for index, (value, formula) in enumerate(zip(row, formula_row, strict=False)):
        if value is None and isinstance(formula, str) and formula.startswith("="):
            raise UserError(
                f"{file}: row {row_number}, column {get_column_letter(index + 1)}: a formula with no "
                "saved result; open the file in Excel, save it, and import again."
            )


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

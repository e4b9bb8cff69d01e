"""A survey file read into a plain table of text cells, whatever its format."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from workbench.errors import UserError
from workbench.ingest.decoding import is_utf16

# One cell larger than this is a mistake (a whole file pasted into a cell), not an answer.
MAX_CELL_CHARACTERS = 1_000_000
# A survey file larger than this is refused before it is read (a whole file is read at once).
MAX_FILE_BYTES = 512 * 1024 * 1024
CSV_SUFFIXES = {".csv", ".txt", ".tsv"}
XLSX_SUFFIXES = {".xlsx", ".xlsm"}
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"


@dataclass
class Table:
    """A header and its data rows; blank rows are dropped, each row keeps its file row number."""

    file: Path
    header: list[str]
    rows: list[tuple[int, list[str]]]
    warnings: list[str] = field(default_factory=list)

    def find_column(self, *names: str) -> int | None:
        """The index of the first column whose name matches one of ``names`` (case-insensitive)."""
        lowered = [name.casefold() for name in self.header]
        for name in names:
            if name.casefold() in lowered:
                return lowered.index(name.casefold())
        return None


def read_table(path: str | Path) -> Table:
    """Read a CSV (``,`` ``;`` or tab, UTF-8 or Windows-1252) or XLSX file into a ``Table``."""
    file = Path(path)
    if not file.is_file():
        raise UserError(f"{file}: no such file.")
    if file.stat().st_size > MAX_FILE_BYTES:
        raise UserError(
            f"{file}: the file holds {file.stat().st_size:,} bytes, more than the {MAX_FILE_BYTES:,} "
            "a survey file may have; split it by wave or question."
        )
    with file.open("rb") as handle:
        start = handle.read(8192)
    suffix = file.suffix.casefold()
    if suffix in XLSX_SUFFIXES or start.startswith(_ZIP_MAGIC):
        from workbench.ingest.xlsx_reader import read_xlsx_rows

        warnings: list[str] = []
        table = build_table(file, read_xlsx_rows(file, warnings))
        table.warnings.extend(warnings)
        return table
    if suffix == ".xls" or start.startswith(_OLE_MAGIC) or (b"\x00" in start and not is_utf16(start)):
        raise not_a_survey_file(file)
    if suffix not in CSV_SUFFIXES:
        raise not_a_survey_file(file)
    from workbench.ingest.csv_reader import read_csv_rows

    return build_table(file, read_csv_rows(file))


def not_a_survey_file(file: Path) -> UserError:
    return UserError(f"{file}: not a CSV or XLSX file; save it as .csv (UTF-8) or .xlsx.")


def build_table(file: Path, numbered_rows) -> Table:
    """Take the first non-blank row as the header; pad short rows; refuse overlong cells."""
    header: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    for row_number, cells in numbered_rows:
        if not any(map(str.strip, cells)):
            continue
        if header is None:
            header = clean_header(file, row_number, cells)
            continue
        check_cell_sizes(file, header, row_number, cells)
        rows.append((row_number, fit_to_header(file, header, row_number, cells)))
    if header is None:
        raise UserError(f"{file}: the file is empty (row 1 has no column names).")
    if not rows:
        raise UserError(f"{file}: row 2: the file has column names but no data rows.")
    return Table(file, header, rows)


def clean_header(file: Path, row_number: int, cells: list[str]) -> list[str]:
    """Column names without surrounding space; blank names get a number; duplicates are refused."""
    header = [cell.strip() or f"column {index + 1}" for index, cell in enumerate(cells)]
    seen: dict[str, int] = {}
    for index, name in enumerate(header):
        if name.casefold() in seen:
            raise UserError(
                f"{file}: row {row_number}: column name '{name}' occurs twice "
                f"(columns {seen[name.casefold()] + 1} and {index + 1})."
            )
        seen[name.casefold()] = index
    return header


def check_cell_sizes(file: Path, header: list[str], row_number: int, cells: list[str]) -> None:
    if max(map(len, cells)) <= MAX_CELL_CHARACTERS:
        return
    index = next(i for i, cell in enumerate(cells) if len(cell) > MAX_CELL_CHARACTERS)
    name = header[index] if index < len(header) else str(index + 1)
    raise UserError(
        f"{file}: row {row_number}, column '{name}': the cell holds {len(cells[index]):,} "
        f"characters, more than the {MAX_CELL_CHARACTERS:,} an answer may have."
    )


def fit_to_header(file: Path, header: list[str], row_number: int, cells: list[str]) -> list[str]:
    """The row padded with empty cells, or cut if the extra cells are empty."""
    width = len(header)
    if len(cells) == width:
        return cells
    if len(cells) < width:
        return cells + [""] * (width - len(cells))
    extra = next((i for i in range(width, len(cells)) if cells[i].strip()), None)
    if extra is not None:
        raise UserError(
            f"{file}: row {row_number}, column {extra + 1}: the row has a value beyond the "
            f"{width} named columns."
        )
    return cells[:width]

"""Word tables written as WordprocessingML text, for the same reason as ``docx_fast``:
python-docx builds a table cell by cell at tens of milliseconds per table, which made a
report of thousands of questions take minutes.

Every table has fixed column widths, a header row Word repeats on each page, and rows that
are never split across a page break.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.export.docx_fast import RunFormat, text_runs


@dataclass(frozen=True)
class TableRow:
    """One row's cell texts; the header row repeats, a bold row is a theme or the total; the
    first cell is indented ``depth`` steps (a sub-category), wrapped lines included."""

    values: list[str]
    bold: bool = False
    header: bool = False
    depth: int = 0


INDENT_TWIPS = 284  # 0.5 cm per level of the code tree


def table_xml(
    style_id: str, widths, rows: list[TableRow], *, half_points: int | None = None, left=(0,)
) -> str:
    """A whole ``<w:tbl>``: the ``left`` columns (the first) left-aligned, the others right-aligned."""
    twips = [int(width.twips) for width in widths]
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in twips)
    properties = (
        f'<w:tblPr><w:tblStyle w:val="{style_id}"/><w:tblW w:w="{sum(twips)}" w:type="dxa"/>'
        '<w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:val="0020" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
    )
    plain, bold = RunFormat(half_points=half_points), RunFormat(bold=True, half_points=half_points)
    openings = [_cell_opening(width, index not in left) for index, width in enumerate(twips)]
    body = "".join(_row_xml(row, openings, bold if row.bold else plain) for row in rows)
    return f"<w:tbl>{properties}<w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>"


def _cell_opening(width: int, right: bool) -> str:
    """A cell's start up to its text, the same for every cell of a column."""
    justify = '<w:pPr><w:jc w:val="right"/></w:pPr>' if right else ""
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr><w:p>{justify}'


def _indented(opening: str, depth: int) -> str:
    """A left-aligned cell's opening with its paragraph indented ``depth`` steps."""
    return opening.replace("<w:p>", f'<w:p><w:pPr><w:ind w:left="{INDENT_TWIPS * depth}"/></w:pPr>', 1)


def _row_xml(row: TableRow, openings: list[str], run_format: RunFormat) -> str:
    header = '<w:tblHeader w:val="true"/>' if row.header else ""
    openings = [_indented(openings[0], row.depth), *openings[1:]] if row.depth else openings
    cells = "".join(
        f"{opening}{text_runs([(value, run_format)])}</w:p></w:tc>"
        for opening, value in zip(openings, row.values, strict=True)
    )
    return f'<w:tr><w:trPr><w:cantSplit w:val="true"/>{header}</w:trPr>{cells}</w:tr>'

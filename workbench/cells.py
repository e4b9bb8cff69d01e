"""Cells and XML text made safe: no live formula, no character a file format cannot hold.

Every CSV and XLSX the workbench writes passes its values through here, and every XML text
(Word, REFI-QDA) through :func:`xml_safe`. A text beginning with ``=``, ``+``, ``-`` or ``@``
is written as text: a leading ``'`` in CSV, an explicit string cell in XLSX. Characters XML
1.0 forbids (C0 controls but tab and newlines, NUL included) are shown as their symbols
(ESC as ␛), the same pictures the terminal shows.
"""

from __future__ import annotations

import re

from workbench.display import visible

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` with every character XML 1.0 cannot hold replaced by its visible symbol."""
    return _NOT_XML.sub(lambda match: visible(match.group()) if match.group() < "\x20" else "\ufffd", text)


def csv_cell(value: object) -> object:
    """A CSV value: text made XML/openpyxl-safe and prefixed with ``'`` if it could be a formula."""
    if not isinstance(value, str):
        return value
    text = xml_safe(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_value(cell: str) -> str:
    """A cell read back from a CSV this module wrote: the ``'`` before a formula start removed."""
    if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS):
        return cell[1:]
    return cell


def csv_row(values) -> list:
    """One CSV row with every cell neutralised."""
    return [csv_cell(value) for value in values]


def xlsx_row(sheet, values) -> list:
    """One XLSX row: text cells are explicit strings, so ``=…`` never becomes a formula."""
    from openpyxl.cell import WriteOnlyCell

    row = []
    for value in values:
        if isinstance(value, str):
            cell = WriteOnlyCell(sheet, value=xml_safe(value))
            cell.data_type = "s"
            value = cell
        row.append(value)
    return row


def xlsx_append(sheet, values) -> None:
    """Append a neutralised row to a worksheet (write-only or ordinary)."""
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

    if isinstance(sheet, WriteOnlyWorksheet):
        sheet.append(xlsx_row(sheet, values))
        return
    sheet.append([xml_safe(value) if isinstance(value, str) else value for value in values])
    for cell in sheet[sheet.max_row]:
        if cell.data_type == "f":
            cell.data_type = "s"


def xml_safe_tree(root):
    """An ElementTree element with every text, tail and attribute value made :func:`xml_safe`."""
    for element in root.iter():
        element.text = None if element.text is None else xml_safe(element.text)
        element.tail = None if element.tail is None else xml_safe(element.tail)
        for name, value in element.attrib.items():
            element.attrib[name] = xml_safe(value)
    return root

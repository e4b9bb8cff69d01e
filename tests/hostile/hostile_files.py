"""Survey, archive and code-list files built for the refusal tests and the fuzz run."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl

CODE_A, CODE_B = "11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222"
SOURCE = "33333333-3333-4333-8333-333333333333"


def qdpx(
    path: Path,
    *,
    start: str = "0",
    case: str | None = 'guid="c1" name="9101"',
    source: str = f'guid="{SOURCE}" name="9101 q01 2024"',
    wave: str = "2024",
    codes: str | None = None,
    text: bytes = "Samarbeid med Åsane.".encode(),
    extra_members: dict[str, bytes] | None = None,
) -> Path:
    """A small REFI-QDA archive: two codes, one case, one source with one coded selection."""
    codes = codes or (
        f'<Code guid="{CODE_A}" name="A" isCodable="true"/><Code guid="{CODE_B}" name="B" isCodable="true"/>'
    )
    cases = "" if case is None else f'<Cases><Case {case}><SourceRef targetGUID="{SOURCE}"/></Case></Cases>'
    project = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="t" origin="test">
 <CodeBook><Codes>{codes}</Codes></CodeBook>
 <Variables><Variable guid="v1" name="question_id" typeOfVariable="Text"/>
  <Variable guid="v2" name="wave" typeOfVariable="Text"/></Variables>
 {cases}
 <Sources><TextSource {source} plainTextPath="internal://{SOURCE}.txt">
  <PlainTextSelection guid="p1" startPosition="{start}" endPosition="5">
   <Coding guid="k1"><CodeRef targetGUID="{CODE_A}"/></Coding></PlainTextSelection>
  <VariableValue><VariableRef targetGUID="v1"/><TextValue>q01</TextValue></VariableValue>
  <VariableValue><VariableRef targetGUID="v2"/><TextValue>{wave}</TextValue></VariableValue>
 </TextSource></Sources>
</Project>"""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", project)
        archive.writestr(f"sources/{SOURCE}.txt", text)
        for name, data in (extra_members or {}).items():
            archive.writestr(name, data)
    return path


def deep_codes(depth: int) -> str:
    opening = "".join(f'<Code guid="d{level}" name="N{level}" isCodable="true">' for level in range(depth))
    return opening + "</Code>" * depth


def xlsx(path: Path, rows: list[list], *, sheets: int = 1, formula_without_cache: bool = False) -> Path:
    """A workbook with ``rows`` on its first sheet; optionally a formula openpyxl leaves uncached."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    if formula_without_cache:
        sheet.cell(row=2, column=2, value="=CONCAT(A1,A2)")
    for number in range(1, sheets):
        workbook.create_sheet(f"Ark{number + 1}").append(["more", "rows"])
    workbook.save(path)
    return path


def broken_sheet_xlsx(path: Path, source: Path) -> Path:
    """``source`` with its first sheet's XML cut in half (a malformed sheet)."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w") as broken:
        for item in original.infolist():
            data = original.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            broken.writestr(item, data)
    return path


ALIAS_BOMB = (
    'a: &a ["x","x","x","x","x","x","x","x","x"]\n'
    + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(9))
    + "codes: [*j]\n"
)
RECURSIVE_ALIAS = "codes: &a\n  - name: A\n    children: *a\n"
DEEP_YAML = "codes: " + "[" * 400 + "]" * 400 + "\n"

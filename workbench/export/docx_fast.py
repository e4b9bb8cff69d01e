"""Appending many styled paragraphs to a python-docx document quickly.

python-docx's ``add_paragraph`` scans the style list and the body on every call, which is
quadratic for tens of thousands of quotes. Here paragraphs are collected as XML text with a
known style id, parsed in one go and inserted before the section properties. Call ``flush``
before adding anything through python-docx itself (tables, pictures) and before saving.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from xml.sax.saxutils import escape

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from workbench.cells import xml_safe


@dataclass(frozen=True)
class RunFormat:
    """Character formatting of one run; None keeps the paragraph style's own."""

    bold: bool | None = None
    italic: bool | None = None
    colour: str | None = None  # hex, e.g. "C00000"
    half_points: int | None = None  # font size, e.g. 16 for 8 pt

    @cached_property
    def xml(self) -> str:
        """The run properties element (computed once per format: tables hold many runs)."""
        parts = [
            f'<w:{tag} w:val="{int(value)}"/>'
            for tag, value in (("b", self.bold), ("i", self.italic))
            if value is not None
        ]
        if self.colour:
            parts.append(f'<w:color w:val="{self.colour}"/>')
        if self.half_points:
            parts.append(f'<w:sz w:val="{self.half_points}"/>')
        return f"<w:rPr>{''.join(parts)}</w:rPr>" if parts else ""


PLAIN = RunFormat()


def _run_xml(text: str, run_format: RunFormat) -> str:
    clean = escape(xml_safe(text))
    return f'<w:r>{run_format.xml}<w:t xml:space="preserve">{clean}</w:t></w:r>'


def text_runs(runs: list[tuple[str, RunFormat]]) -> str:
    """Runs of plain text as WordprocessingML, to combine with ``field_runs``."""
    return "".join(_run_xml(text, run_format) for text, run_format in runs)


def field_runs(instruction: str, shown: str, run_format: RunFormat = PLAIN) -> str:
    """The runs of a Word field (PAGE, SEQ Tabell …) showing ``shown`` until Word updates it."""
    marks = run_format.xml
    return (
        f'<w:r>{marks}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{marks}<w:instrText xml:space="preserve"> {escape(instruction)} </w:instrText></w:r>'
        f'<w:r>{marks}<w:fldChar w:fldCharType="separate"/></w:r>'
        f"{_run_xml(shown, run_format)}"
        f'<w:r>{marks}<w:fldChar w:fldCharType="end"/></w:r>'
    )


class ParagraphAppender:
    """Adds paragraphs at the end of a document's body, styled by style id."""

    def __init__(self, document):
        self.body = document.element.body
        self.section_properties = self.body.find(qn("w:sectPr"))
        self._pending: list[str] = []

    def add(self, style_id: str, runs: list[tuple[str, RunFormat]], *, keep_next: bool = False) -> None:
        """Queue one paragraph made of the given runs."""
        self.add_xml(style_id, text_runs(runs), keep_next=keep_next)

    def add_xml(self, style_id: str, runs_xml: str, *, keep_next: bool = False) -> None:
        """Queue one paragraph whose runs are given as WordprocessingML (fields, for example)."""
        keep = "<w:keepNext/>" if keep_next else ""
        self._pending.append(f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/>{keep}</w:pPr>{runs_xml}</w:p>')

    def add_block(self, block_xml: str) -> None:
        """Queue a ready-made body element (a ``<w:tbl>``, for example)."""
        self._pending.append(block_xml)

    def flush(self) -> None:
        """Insert every queued paragraph into the document, in order."""
        if not self._pending:
            return
        container = parse_xml(f"<w:body {nsdecls('w')}>{''.join(self._pending)}</w:body>")
        self._pending.clear()
        for paragraph in list(container):
            if self.section_properties is None:
                self.body.append(paragraph)
            else:
                self.section_properties.addprevious(paragraph)

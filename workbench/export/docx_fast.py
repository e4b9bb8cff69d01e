"""Appending many styled paragraphs to a python-docx document quickly.

python-docx's ``add_paragraph`` scans the style list and the body for every call, which is
quadratic for tens of thousands of quotes; here paragraphs are built as XML elements with a
known style id and inserted before the section properties in constant time.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

_PRESERVE = "{http://www.w3.org/XML/1998/namespace}space"


@dataclass(frozen=True)
class RunFormat:
    """Character formatting of one run; None leaves the paragraph style's own."""

    bold: bool | None = None
    italic: bool | None = None
    colour: str | None = None  # hex "C00000"


PLAIN = RunFormat()


class ParagraphAppender:
    """Adds paragraphs at the end of a document's body, styled by style id."""

    def __init__(self, document):
        self.body = document.element.body
        self.section_properties = self.body.find(qn("w:sectPr"))

    def add(self, style_id: str, runs: list[tuple[str, RunFormat]]) -> None:
        """Append one paragraph of the given runs."""
        paragraph = OxmlElement("w:p")
        properties = OxmlElement("w:pPr")
        style = OxmlElement("w:pStyle")
        style.set(qn("w:val"), style_id)
        properties.append(style)
        paragraph.append(properties)
        for text, run_format in runs:
            paragraph.append(_run(text, run_format))
        if self.section_properties is None:
            self.body.append(paragraph)
        else:
            self.section_properties.addprevious(paragraph)


def _run(text: str, run_format: RunFormat):
    run = OxmlElement("w:r")
    if run_format != PLAIN:
        properties = OxmlElement("w:rPr")
        for tag, value in (("w:b", run_format.bold), ("w:i", run_format.italic)):
            if value is not None:
                element = OxmlElement(tag)
                element.set(qn("w:val"), "1" if value else "0")
                properties.append(element)
        if run_format.colour:
            colour = OxmlElement("w:color")
            colour.set(qn("w:val"), run_format.colour)
            properties.append(colour)
        run.append(properties)
    text_element = OxmlElement("w:t")
    text_element.text = text
    text_element.set(_PRESERVE, "preserve")
    run.append(text_element)
    return run

"""The REFI-QDA codebook: ``.qdc`` files and the ``CodeBook`` element of a project.

Only live codes travel: a deleted (retired) code is gone from the codebook, and a merged-away
code's codings count for the code it was merged into. REFI-QDA has no field for a report
lead-in, so a code's ``Description`` is its definition followed, after a blank line, by one
paragraph starting ``Lead-in: `` (other tools show it as part of the description; reading
takes that last paragraph off again). A definition whose own last paragraph starts with the
marker gets an empty marker paragraph after it, so it reads back unchanged.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from workbench.cells import xml_safe_tree
from workbench.coding.codebook_tree import Code, Codebook
from workbench.errors import UserError
from workbench.files import write_bytes_atomically
from workbench.ingest.limits import refuse_deep_xml
from workbench.store import Store

CODEBOOK_NAMESPACE = "urn:QDA-XML:codebook:1.0"
LEAD_IN_MARKER = "Lead-in:"
_COLOUR = re.compile(r"#([0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})")


@dataclass(frozen=True)
class CodeSpec:
    """One code of an exchanged code list, identified by its path of names."""

    path: tuple[str, ...]
    definition: str = ""
    colour: str | None = None
    is_theme: bool = False
    codable: bool = True
    guid: str | None = None
    lead_in: str = ""
    split_from: str | None = None  # a .qdc name that held ">" and was read as a path


def add_codes(parent: ET.Element, codes: Iterable[Code]) -> None:
    """Append nested ``Code`` elements for the given codes (parents first) to ``parent``.

    Elements are written unqualified; the document's root declares the default namespace.
    """
    elements: dict[str | None, ET.Element] = {None: parent}
    for code in codes:
        container = elements.get(code.parent_id, parent)
        attributes = {"guid": code.id, "name": code.name, "isCodable": "true" if code.codable else "false"}
        if code.colour and _COLOUR.fullmatch(code.colour):
            attributes["color"] = code.colour
        element = ET.SubElement(container, "Code", attributes)
        description = compose_description(code.definition, code.lead_in)
        if description:
            ET.SubElement(element, "Description").text = description
        elements[code.id] = element


def compose_description(definition: str, lead_in: str) -> str:
    """A Code's Description: the definition, then the lead-in as a marked last paragraph."""
    ambiguous = split_description(definition)[1] is not None  # its last paragraph looks like one
    if not lead_in and not ambiguous:
        return definition
    paragraphs = [part for part in (definition, f"{LEAD_IN_MARKER} {lead_in}".rstrip()) if part]
    return "\n\n".join(paragraphs)


def split_description(text: str) -> tuple[str, str | None]:
    """(definition, lead-in) of a Description; the lead-in is None when there is no marker."""
    head, _, last = text.strip().rpartition("\n\n")
    if not last.startswith(LEAD_IN_MARKER):
        return text.strip(), None
    return head.strip(), last.removeprefix(LEAD_IN_MARKER).strip()


def codebook_bytes(store: Store) -> bytes:
    """The project's codebook (merged codes left out) as a ``.qdc`` document."""
    root = ET.Element("CodeBook", {"xmlns": CODEBOOK_NAMESPACE})
    add_codes(ET.SubElement(root, "Codes"), Codebook.from_store(store).live())
    ET.indent(root)
    return ET.tostring(xml_safe_tree(root), encoding="utf-8", xml_declaration=True)


def write_qdc(store: Store, path: str | Path) -> Path:
    """Write the codebook as a REFI-QDA ``.qdc`` file (atomically)."""
    if not Codebook.from_store(store).live():
        raise UserError("The project has no codes to export; a .qdc file needs at least one.")
    return write_bytes_atomically(path, codebook_bytes(store))


def read_code_elements(codes_element: ET.Element, namespace: str) -> list[CodeSpec]:
    """Code specs from a ``Codes`` element, depth first, parents before children."""
    specs: list[CodeSpec] = []

    def visit(element: ET.Element, parent_path: tuple[str, ...]) -> None:
        name = element.get("name", "").strip()
        # Taguette writes a nested tag as "A>B": read it as the path A > B (the importer notes it).
        parts = tuple(part.strip() for part in name.split(">")) if ">" in name else (name,)
        path = (*parent_path, *parts)
        children = element.findall(f"{{{namespace}}}Code")
        description = element.find(f"{{{namespace}}}Description")
        definition, lead_in = split_description((description.text or "") if description is not None else "")
        codable = element.get("isCodable", "true").lower() == "true"
        specs.append(
            CodeSpec(
                path=path,
                definition=definition,
                lead_in=lead_in or "",
                colour=element.get("color"),
                is_theme=bool(children) or not codable,  # a code nothing can be applied to is a theme
                codable=codable,
                guid=element.get("guid"),
                split_from=name if len(parts) > 1 else None,
            )
        )
        for child in children:
            visit(child, path)

    for element in codes_element.findall(f"{{{namespace}}}Code"):
        visit(element, ())
    return specs


def read_qdc(path: str | Path) -> list[CodeSpec]:
    """The codes of a ``.qdc`` file; a malformed file is a user error naming it."""
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as error:
        raise UserError(f"{path}: not a readable REFI-QDA codebook ({error}).") from None
    refuse_deep_xml(root, Path(path))
    if root.tag != f"{{{CODEBOOK_NAMESPACE}}}CodeBook":
        raise UserError(f"{path}: the root element is not a REFI-QDA CodeBook.")
    codes_element = root.find(f"{{{CODEBOOK_NAMESPACE}}}Codes")
    if codes_element is None:
        raise UserError(f"{path}: the codebook has no Codes element.")
    specs = read_code_elements(codes_element, CODEBOOK_NAMESPACE)
    unnamed = [spec for spec in specs if not all(spec.path)]
    if unnamed:
        raise UserError(f"{path}: a Code element has no name (guid {unnamed[0].guid}).")
    return specs


def with_parents(specs: list[CodeSpec]) -> list[CodeSpec]:
    """The specs with every parent before its children (Taguette may list a parent after
    its tags), and a plain theme spec for any parent path the file leaves out."""
    given = {spec.path: spec for spec in specs}
    complete: dict[tuple[str, ...], CodeSpec] = {}
    for spec in specs:
        for depth in range(1, len(spec.path) + 1):
            prefix = spec.path[:depth]
            if prefix not in complete:
                complete[prefix] = given.get(prefix) or CodeSpec(path=prefix, is_theme=True, codable=False)
    return list(complete.values())


def split_name_notices(file_name: str, specs: list[CodeSpec]) -> tuple[str, ...]:
    """One notice per code name that held '>' and was read as a path."""
    return tuple(
        f"{file_name}: the code name '{spec.split_from}' holds '>'; read as the path "
        f"'{' > '.join(spec.path)}'."
        for spec in specs
        if spec.split_from
    )

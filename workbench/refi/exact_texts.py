"""Exact texts for what XML 1.0 cannot hold.

XML has no place for control characters such as ESC: the written document shows them as
symbols (``cells.xml_safe``). So that a workbench round trip still gives back the very same
code names, memos, attributes and descriptions, every attribute or text that would change is
(line ends inside text too) also kept, exactly, in one extra ``Set`` whose ``Description`` is ASCII JSON
``{"workbench_exact_texts": {guid: {"@attribute": text, "Description": text,
"PlainTextContent": text, "VariableValue": {variable guid: text}}}}``. Reading puts an exact
text back into the parsed tree, before anything else looks at it, only where the archive still
shows what workbench wrote for it: a name another tool changed since stays as that tool left it.
Other tools see the symbols.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

from workbench.cells import xml_safe
from workbench.store import stable_id

EXACT_KEY = "workbench_exact_texts"
_TEXT_CHILDREN = ("Description", "PlainTextContent")
_LATER_THAN_SETS = ("Graphs", "Description", "NoteRef")
# What ``cells.xml_safe`` replaces; in element text also a carriage return (read back as \n).
_UNSAFE_ATTRIBUTE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_UNSAFE_TEXT = re.compile("[\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]")


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _read_back(text: str, *, attribute: bool = False) -> str:
    """What a reader gets for ``text`` written to XML (line ends in text read as ``\n``)."""
    safe = xml_safe(text)
    return safe if attribute else safe.replace("\r\n", "\n").replace("\r", "\n")


def _changed(text: str | None, *, attribute: bool = False) -> bool:
    return text is not None and _read_back(text, attribute=attribute) != text


def _anything_changes(root: ET.Element) -> bool:
    """Whether any text or attribute of the tree would change in XML (one quick pass)."""
    return any(
        (element.text is not None and _UNSAFE_TEXT.search(element.text))
        or any(_UNSAFE_ATTRIBUTE.search(value) for value in element.attrib.values())
        for element in root.iter()
    )


def _still(exact: object, current: str | None, *, attribute: bool = False) -> bool:
    """Whether the archive still shows what workbench wrote for ``exact`` (no other tool edited it)."""
    return isinstance(exact, str) and _read_back(exact, attribute=attribute) == (current or "")


def _exact_of(element: ET.Element) -> dict:
    """The exact values of an element's attributes and plain text children that XML would alter."""
    entry: dict = {
        f"@{name}": value for name, value in element.attrib.items() if _changed(value, attribute=True)
    }
    for child in element:
        tag = _local(child.tag)
        if tag in _TEXT_CHILDREN and _changed(child.text):
            entry[tag] = child.text
        elif tag == "VariableValue":
            ref, value = child.find("./{*}VariableRef"), child.find("./{*}TextValue")
            if ref is not None and value is not None and _changed(value.text):
                entry.setdefault("VariableValue", {})[ref.get("targetGUID")] = value.text
    return entry


def add_exact_texts(root: ET.Element) -> None:
    """Add the Set of exact texts to a project tree built unqualified (before ``xml_safe_tree``)."""
    if not _anything_changes(root):
        return
    exact = {}
    for element in root.iter():
        entry = _exact_of(element) if element.get("guid") else {}
        if entry:
            exact[element.get("guid")] = entry
    if not exact:
        return
    sets = root.find("Sets")
    if sets is None:
        later = [index for index, child in enumerate(root) if child.tag in _LATER_THAN_SETS]
        sets = ET.Element("Sets")
        root.insert(later[0] if later else len(root), sets)
    element = ET.SubElement(
        sets, "Set", {"guid": stable_id("refi-exact-texts"), "name": "workbench exact texts"}
    )
    ET.SubElement(element, "Description").text = json.dumps({EXACT_KEY: exact}, ensure_ascii=True)


def restore_exact_texts(root: ET.Element, namespace: str) -> None:
    """Put exact texts back into a parsed project tree and drop their Set."""
    sets = root.find(f"{{{namespace}}}Sets")
    for element in list(sets) if sets is not None else []:
        description = element.find(f"{{{namespace}}}Description")
        try:
            exact = json.loads(description.text or "").get(EXACT_KEY) if description is not None else None
        except (ValueError, AttributeError):
            continue
        if isinstance(exact, dict):
            sets.remove(element)
            _apply(root, exact)


def _apply(root: ET.Element, exact: dict) -> None:
    for element in root.iter():
        entry = exact.get(element.get("guid"))
        if not isinstance(entry, dict):
            continue
        for key, value in entry.items():
            if key.startswith("@") and _still(value, element.get(key[1:]), attribute=True):
                element.set(key[1:], value)
        for child in element:
            tag = _local(child.tag)
            if tag in _TEXT_CHILDREN and _still(entry.get(tag), child.text):
                child.text = entry[tag]
            elif tag == "VariableValue" and isinstance(entry.get("VariableValue"), dict):
                _apply_value(child, entry["VariableValue"])


def _apply_value(value_element: ET.Element, values: dict) -> None:
    ref, value = value_element.find("./{*}VariableRef"), value_element.find("./{*}TextValue")
    if ref is not None and value is not None and _still(values.get(ref.get("targetGUID")), value.text):
        value.text = values[ref.get("targetGUID")]

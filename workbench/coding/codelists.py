"""Code lists as files: YAML and CSV here, REFI-QDA ``.qdc`` through ``workbench.refi``.

Export writes the live codebook; import matches codes by path (case-insensitively), creates
the new ones, updates changed definitions and colours, and reports new/changed/unchanged.
The whole import is one undoable action.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import yaml

from workbench.cells import csv_row, csv_value
from workbench.coding.changes import Change, recording
from workbench.coding.codebook import insert_new_code, live_child_named
from workbench.coding.codebook_tree import Codebook, join_path, parse_path
from workbench.errors import UserError
from workbench.files import write_bytes_atomically
from workbench.ingest.yaml_safe import load_yaml
from workbench.refi import codebook as refi_codebook
from workbench.refi.codebook import CodeSpec
from workbench.store import Store
from workbench.store import codes as code_rows

CSV_COLUMNS = ("path", "definition", "colour")


@dataclass(frozen=True)
class CodeListReport:
    """Paths of the codes an import created, changed and found unchanged."""

    new: tuple[str, ...]
    changed: tuple[str, ...]
    unchanged: tuple[str, ...]


def _suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in (".yaml", ".yml", ".csv", ".qdc"):
        raise UserError(f"{path}: unknown code-list format; use .yaml, .csv or .qdc.")
    return suffix


def export_code_list(store: Store, path: str | Path, *, title: str = "", question: str | None = None) -> Path:
    """Write the live codebook to ``path`` in the format its suffix names."""
    path = Path(path)
    suffix = _suffix(path)
    if suffix == ".qdc":
        return refi_codebook.write_qdc(store, path)
    codebook = Codebook.from_store(store)
    if suffix == ".csv":
        return write_bytes_atomically(path, _csv_text(codebook).encode("utf-8"))
    codes = _yaml_nodes(codebook, None)
    document = {"title": title, **({"question": question} if question else {}), "codes": codes}
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100)
    return write_bytes_atomically(path, text.encode("utf-8"))


def _yaml_nodes(codebook: Codebook, parent_id: str | None) -> list[dict]:
    entries = []
    for node in codebook.children(parent_id):
        entry: dict = {"name": node.name}
        if node.definition:
            entry["definition"] = node.definition
        if node.colour:
            entry["colour"] = node.colour
        if node.is_theme and node.codable:
            entry["codable"] = True
        if codebook.children(node.id):
            entry["children"] = _yaml_nodes(codebook, node.id)
        entries.append(entry)
    return entries


def _csv_text(codebook: Codebook) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for code in codebook.live():
        writer.writerow(csv_row((codebook.path(code.id), code.definition, code.colour or "")))
    return buffer.getvalue()


def read_code_list(path: str | Path) -> list[CodeSpec]:
    """The codes in a code-list file, parents before children."""
    path = Path(path)
    suffix = _suffix(path)
    if suffix == ".qdc":
        return refi_codebook.read_qdc(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise UserError(f"{path}: cannot read the code list ({error}).") from None
    return _csv_specs(path, text) if suffix == ".csv" else _yaml_specs(path, text)


def _yaml_specs(path: Path, text: str) -> list[CodeSpec]:
    document = load_yaml(text, path)
    if not isinstance(document, dict) or not isinstance(document.get("codes"), list):
        raise UserError(f"{path}: a code list needs a 'codes:' list at the top level.")
    specs: list[CodeSpec] = []
    _collect_yaml(path, document["codes"], (), specs)
    return specs


def _collect_yaml(path: Path, entries: list, parent: tuple[str, ...], specs: list[CodeSpec]) -> None:
    for entry in entries:
        if not isinstance(entry, dict) or not str(entry.get("name") or "").strip():
            raise UserError(f"{path}: every code under {join_path(parent) or 'codes'} needs a name.")
        children = entry.get("children") or []
        if not isinstance(children, list):
            raise UserError(f"{path}: 'children' of '{entry['name']}' must be a list.")
        node_path = (*parent, str(entry["name"]).strip())
        specs.append(
            CodeSpec(
                path=node_path,
                definition=str(entry.get("definition") or "").strip(),
                colour=entry.get("colour"),
                is_theme=bool(children),
                codable=not children or bool(entry.get("codable", False)),
            )
        )
        _collect_yaml(path, children, node_path, specs)


def _csv_specs(path: Path, text: str) -> list[CodeSpec]:
    reader = csv.DictReader(io.StringIO(text), delimiter=_delimiter(text))
    if "path" not in (reader.fieldnames or []):
        raise UserError(f"{path}: the code list needs a 'path' column (and optionally definition, colour).")
    rows = []
    for line, row in enumerate(reader, start=2):
        if not (row.get("path") or "").strip():
            raise UserError(f"{path}: row {line} has an empty path.")
        names = parse_path(csv_value(row["path"]))
        definition = csv_value(row.get("definition") or "").strip()
        rows.append((names, definition, (row.get("colour") or "").strip() or None))
    parents = {names[:depth] for names, _, _ in rows for depth in range(1, len(names))}
    return [
        CodeSpec(
            path=names,
            definition=definition,
            colour=colour,
            is_theme=names in parents,
            codable=names not in parents,
        )
        for names, definition, colour in rows
    ]


def _delimiter(text: str) -> str:
    header = text.splitlines()[0] if text else ""
    return ";" if header.count(";") > header.count(",") else ","


def import_code_list(store: Store, path: str | Path, coder: str) -> CodeListReport:
    """Bring the codes of a file into the codebook, matching by path; one undoable action."""
    specs = read_code_list(path)
    outcome: dict[str, list[str]] = {"new": [], "changed": [], "unchanged": []}
    with recording(store, "code.import", coder) as change:
        for spec in _with_parents(specs):
            outcome[_import_spec(store, change, spec, coder)].append(join_path(spec.path))
        change.info = {"file": Path(path).name, **{key: len(value) for key, value in outcome.items()}}
    return CodeListReport(**{key: tuple(value) for key, value in outcome.items()})


def _with_parents(specs: list[CodeSpec]) -> list[CodeSpec]:
    """The specs, with a plain theme spec added for any parent path the file leaves out."""
    given = {spec.path for spec in specs}
    complete: list[CodeSpec] = []
    for spec in specs:
        for depth in range(1, len(spec.path)):
            parent = spec.path[:depth]
            if parent not in given:
                given.add(parent)
                complete.append(CodeSpec(path=parent, is_theme=True, codable=False))
        complete.append(spec)
    return complete


def _import_spec(store: Store, change: Change, spec: CodeSpec, coder: str) -> str:
    """Create or update the code at ``spec.path``; say whether it was new, changed or unchanged."""
    parent_id = None
    for name in spec.path[:-1]:
        parent_id = live_child_named(store, parent_id, name)["id"]
    existing = live_child_named(store, parent_id, spec.path[-1])
    if existing is None:
        guid = spec.guid if spec.guid and code_rows.code_row(store, spec.guid) is None else None
        code_id = insert_new_code(
            store,
            change,
            spec.path[-1],
            coder,
            parent_id,
            spec.definition,
            spec.is_theme,
            spec.colour,
            code_id=guid,
        )
        if spec.is_theme and spec.codable:
            code_rows.update_code(store, code_id, codable=1)
        return "new"
    updates = _differences(existing, spec)
    if not updates:
        return "unchanged"
    change.touch("codes", [existing["id"]])
    code_rows.update_code(store, existing["id"], **updates)
    return "changed"


def _differences(existing: dict, spec: CodeSpec) -> dict:
    updates = {}
    if spec.definition and spec.definition != existing["definition"]:
        updates["definition"] = spec.definition
    if spec.colour and spec.colour != existing["colour"]:
        updates["colour"] = spec.colour
    if spec.is_theme and not existing["is_theme"]:
        updates["is_theme"] = 1
    if spec.is_theme and spec.codable and not existing["codable"]:
        updates["codable"] = 1
    return updates

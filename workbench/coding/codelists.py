"""Code lists as files: YAML and CSV here, REFI-QDA ``.qdc`` through ``workbench.refi``.

Export writes the live codebook; import matches codes by path (case-insensitively), creates
the new ones, updates changed definitions, lead-ins and colours, and reports
new/changed/unchanged. The whole import is one undoable action.

The CSV is the one Taguette reads (comma-separated; ``path`` and ``description``); reading
also accepts Taguette's own ``tag`` or ``name`` column, its ``parent`` column, and
``definition`` for the description.
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
from workbench.coding.codebook_tree import PATH_SEPARATOR, Codebook, join_path, parse_path
from workbench.errors import UserError
from workbench.files import write_bytes_atomically
from workbench.ingest.yaml_safe import load_yaml
from workbench.refi import codebook as refi_codebook
from workbench.refi.codebook import CodeSpec, split_name_notices, with_parents
from workbench.store import Store
from workbench.store import codes as code_rows

CSV_COLUMNS = ("path", "description", "colour", "lead_in")
PATH_COLUMNS = ("path", "tag", "name")
DEFINITION_COLUMNS = ("description", "definition")


@dataclass(frozen=True)
class CodeListReport:
    """Paths of the codes an import created, changed and found unchanged."""

    new: tuple[str, ...]
    changed: tuple[str, ...]
    unchanged: tuple[str, ...]
    notices: tuple[str, ...] = ()


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
        if node.lead_in:
            entry["lead_in"] = node.lead_in
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
        writer.writerow(csv_row((codebook.path(code.id), code.definition, code.colour or "", code.lead_in)))
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
                definition=str(entry.get("definition") or entry.get("description") or "").strip(),
                lead_in=str(entry.get("lead_in") or "").strip(),
                colour=entry.get("colour"),
                is_theme=bool(children),
                codable=not children or bool(entry.get("codable", False)),
            )
        )
        _collect_yaml(path, children, node_path, specs)


def _csv_specs(path: Path, text: str) -> list[CodeSpec]:
    reader = csv.DictReader(io.StringIO(text), delimiter=_delimiter(text))
    columns = {name.strip().lower(): name for name in reader.fieldnames or []}
    path_column = next((columns[name] for name in PATH_COLUMNS if name in columns), None)
    if path_column is None:
        raise UserError(
            f"{path}: the code list needs a 'path' column (or Taguette's 'tag' or 'name'), "
            "and optionally description, colour, lead_in."
        )
    described = next((columns[name] for name in DEFINITION_COLUMNS if name in columns), None)
    rows = []
    for line, row in enumerate(reader, start=2):
        names = _row_names(path, line, row, path_column, columns.get("parent"))
        cells = {
            key: csv_value(row.get(column) or "").strip()
            for key, column in (
                ("definition", described),
                ("colour", columns.get("colour")),
                ("lead_in", columns.get("lead_in")),
            )
            if column
        }
        rows.append((names, cells))
    parents = {names[:depth] for names, _ in rows for depth in range(1, len(names))}
    return [
        CodeSpec(
            path=names,
            definition=cells.get("definition", ""),
            colour=cells.get("colour") or None,
            lead_in=cells.get("lead_in", ""),
            is_theme=names in parents,
            codable=names not in parents,
        )
        for names, cells in rows
    ]


def _row_names(path: Path, line: int, row: dict, path_column: str, parent_column: str | None) -> tuple:
    """The code path of one CSV row: its path (under its Taguette parent, if any)."""
    own = csv_value(row.get(path_column) or "").strip()
    if not own:
        raise UserError(f"{path}: row {line} has an empty {path_column}.")
    parent = csv_value(row.get(parent_column) or "").strip() if parent_column else ""
    return parse_path(f"{parent}{PATH_SEPARATOR}{own}" if parent else own)


def _delimiter(text: str) -> str:
    header = text.splitlines()[0] if text else ""
    return ";" if header.count(";") > header.count(",") else ","


def import_code_list(store: Store, path: str | Path, coder: str) -> CodeListReport:
    """Bring the codes of a file into the codebook, matching by path; one undoable action."""
    specs = read_code_list(path)
    notices = split_name_notices(Path(path).name, specs)
    outcome: dict[str, list[str]] = {"new": [], "changed": [], "unchanged": []}
    with recording(store, "code.import", coder) as change:
        for spec in with_parents(specs):
            outcome[_import_spec(store, change, spec, coder)].append(join_path(spec.path))
        change.info = {"file": Path(path).name, **{key: len(value) for key, value in outcome.items()}}
    return CodeListReport(**{key: tuple(value) for key, value in outcome.items()}, notices=notices)


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
        if spec.lead_in:
            code_rows.update_code(store, code_id, lead_in=spec.lead_in)
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
    if spec.lead_in and spec.lead_in != existing["lead_in"]:
        updates["lead_in"] = spec.lead_in
    if spec.colour and spec.colour != existing["colour"]:
        updates["colour"] = spec.colour
    if spec.is_theme and not existing["is_theme"]:
        updates["is_theme"] = 1
    if spec.is_theme and spec.codable and not existing["codable"]:
        updates["codable"] = 1
    return updates

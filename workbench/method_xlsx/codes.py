"""Reading the Kodeliste sheet: codes matched by id, then by path, created when missing."""

from __future__ import annotations

from pathlib import Path

from workbench.coding.codebook_tree import Codebook
from workbench.errors import UserError
from workbench.method_xlsx.columns import cell_text, is_yes
from workbench.store import Store, new_id, now
from workbench.store import codes as code_rows


def _stripped(value: object) -> str:
    return cell_text(value).strip()


class CodeListReader:
    """Maps the codes of a spreadsheet onto the project's codebook, creating what is new."""

    def __init__(self, store: Store, path: Path, coder: str):
        self.store, self.path, self.coder = store, path, coder
        codebook = Codebook.from_store(store)
        self.existing = {
            code.id: {
                "id": code.id,
                "parent_id": code.parent_id,
                "name": code.name,
                "merged_into": code.merged_into,
            }
            for code in codebook.all()
        }
        self.by_path = {
            tuple(name.casefold() for name in codebook.names(code.id)): code.id
            for code in codebook.all()
            if code.merged_into is None
        }
        self.id_map: dict[str, str] = {}
        self.created = 0

    def read(self, records: list[tuple[int, dict]]) -> None:
        """Take every Kodeliste row (parents are expected before their children)."""
        merges = []
        for number, record in records:
            label = _stripped(record.get("label"))
            if not label:
                raise UserError(f"{self.path}: sheet 'Kodeliste' row {number} has no code label.")
            file_id = _stripped(record.get("code_id")) or None
            self.id_map[file_id or label] = self._take(record, label, file_id)
            if _stripped(record.get("merged_into")):
                merges.append((self.id_map[file_id or label], _stripped(record["merged_into"])))
        for code_id, target in merges:
            code_rows.set_code_merged_into(self.store, code_id, self.id_map.get(target, target))

    def _take(self, record: dict, label: str, file_id: str | None) -> str:
        if file_id and file_id in self.existing:
            return file_id
        merged = bool(_stripped(record.get("merged_into")))
        parent_id = self.id_map.get(_stripped(record.get("parent_id"))) if record.get("parent_id") else None
        if parent_id is None and not record.get("parent_id"):
            themes = tuple(
                filter(None, (_stripped(record.get("main_theme")), _stripped(record.get("sub_theme"))))
            )
            parent_id = self.ensure_path(themes, theme=True) if themes else None
        path = (*self._path_of(parent_id), label.casefold())
        if not merged and path in self.by_path:
            return self.by_path[path]
        code_id = file_id or new_id()
        self._insert(code_id, parent_id, label, record)
        if not merged:
            self.by_path[path] = code_id
        return code_id

    def _path_of(self, code_id: str | None) -> tuple[str, ...]:
        for path, known in self.by_path.items():
            if known == code_id:
                return path
        return ()

    def _insert(self, code_id: str, parent_id: str | None, label: str, record: dict) -> None:
        is_theme = is_yes(record.get("is_theme"))
        codable = is_yes(record.get("codable")) if record.get("codable") not in (None, "") else not is_theme
        order = record.get("order")
        code_rows.insert_code_if_new(
            self.store,
            {
                "id": code_id,
                "parent_id": parent_id,
                "name": label,
                "definition": _stripped(record.get("definition")),
                "lead_in": _stripped(record.get("lead_in")),
                "colour": _stripped(record.get("colour")) or None,
                "is_theme": int(is_theme),
                "codable": int(codable),
                "position": int(order) if _stripped(order).isdigit() else self._next_position(parent_id),
                "retired": int(is_yes(record.get("retired"))),
                "merged_into": None,
                "created_at": _stripped(record.get("created")) or now(),
                "created_by": _stripped(record.get("created_by")) or self.coder,
            },
        )
        self.existing[code_id] = {"id": code_id, "parent_id": parent_id, "name": label, "merged_into": None}
        self.created += 1

    def _next_position(self, parent_id: str | None) -> int:
        return sum(1 for code in self.existing.values() if code["parent_id"] == parent_id)

    def ensure_path(self, names: tuple[str, ...], *, theme: bool) -> str:
        """The id of the code at ``names``, creating missing themes (and the code) on the way."""
        parent_id = None
        for depth, name in enumerate(names, start=1):
            path = (*self._path_of(parent_id), name.casefold())
            if path not in self.by_path:
                container = theme or depth < len(names)
                code_id = new_id()
                self._insert(code_id, parent_id, name, {"is_theme": "ja" if container else "nei"})
                self.by_path[path] = code_id
            parent_id = self.by_path[path]
        return parent_id

    def code_for_line(self, record: dict) -> tuple[str | None, str]:
        """The code one code line of a Data row applies, and what the user edited, if anything.

        The Kode cell wins over the Kode-ID beside it: an edited name is looked up by its
        theme columns and name (created when missing), an emptied one removes the coding.
        """
        file_id = _stripped(record.get("code_id"))
        known = self.id_map.get(file_id) or (file_id if file_id in self.existing else None)
        name = _stripped(record.get("code"))
        names = tuple(filter(None, (_stripped(record.get(k)) for k in ("main_theme", "sub_theme", "code"))))
        if known is not None:
            old = self.existing[known]["name"]
            if name.casefold() == old.casefold():
                return known, ""
            if not name:
                return None, f"the code '{old}' was removed"
            return self.ensure_path(names, theme=False), f"the code '{old}' was changed to '{name}'"
        if not name:
            return None, ""
        return self.ensure_path(names, theme=False), ""

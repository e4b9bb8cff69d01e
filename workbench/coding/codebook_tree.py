"""The codebook as one immutable value: the tree of themes and codes, paths, merges followed.

Every package that needs the code tree (suggestions, exports, review, history, REFI, screens)
reads it through ``Codebook``, built once per read from the store. Levels are 1-based:
1 is a main theme (or a code without a theme), 2 a sub-theme, 3 a code under a sub-theme.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from workbench.errors import UserError
from workbench.store import Store
from workbench.store import codes as code_rows

PATH_SEPARATOR = " > "
"""The one separator of code paths, typed and shown alike: 'Theme > Sub-theme > Code'."""
MAX_DEPTH = 3


@dataclass(frozen=True)
class Code:
    """One code or theme as stored (live, retired or merged away)."""

    id: str
    name: str
    parent_id: str | None = None
    definition: str = ""
    lead_in: str = ""
    colour: str | None = None
    is_theme: bool = False
    codable: bool = True
    position: int = 0
    retired: bool = False
    merged_into: str | None = None
    created_at: str = ""
    created_by: str | None = None

    @property
    def live(self) -> bool:
        """Neither retired nor merged into another code."""
        return not self.retired and self.merged_into is None

    @classmethod
    def from_row(cls, row: Mapping) -> Code:
        """A code from a ``codes`` row (extra columns ignored)."""
        return cls(
            id=row["id"],
            name=row["name"],
            parent_id=row.get("parent_id"),
            definition=row.get("definition") or "",
            lead_in=row.get("lead_in") or "",
            colour=row.get("colour"),
            is_theme=bool(row.get("is_theme", False)),
            codable=bool(row.get("codable", True)),
            position=row.get("position") or 0,
            retired=bool(row.get("retired", False)),
            merged_into=row.get("merged_into"),
            created_at=row.get("created_at") or "",
            created_by=row.get("created_by"),
        )


def parse_path(path: str) -> tuple[str, ...]:
    """The names in 'Theme > Sub-theme > Code', main theme first.

    Every '>' separates (code names cannot hold one, quoted or not); spaces around a name are
    dropped, spaces inside it kept.
    """
    names = tuple(part.strip() for part in path.split(">"))
    if not path.strip() or any(not name for name in names):
        raise UserError(f"'{path}' is not a code path like 'Theme > Sub-theme > Code'.")
    if len(names) > MAX_DEPTH:
        raise UserError(f"'{path}' is deeper than three levels (theme > sub-theme > code).")
    return names


def join_path(names: Iterable[str]) -> str:
    """Names (main theme first) as a path in the one display form."""
    return PATH_SEPARATOR.join(names)


class Codebook:
    """Every code of a project, as a tree in display order; immutable once built.

    A live code whose parent is not live is shown at the top level.
    """

    def __init__(self, rows: Iterable[Mapping]):
        codes = sorted(
            (Code.from_row(row) for row in rows), key=lambda code: (code.position, code.created_at, code.id)
        )
        self._codes = {code.id: code for code in codes}
        children: dict[str | None, list[Code]] = {}
        for code in codes:
            if code.live:
                children.setdefault(self._shown_parent(code), []).append(code)
        self._children = {parent: tuple(kids) for parent, kids in children.items()}
        self._live = tuple(self._walk(None))

    @classmethod
    def from_store(cls, store: Store) -> Codebook:
        """The codebook of a project as it is now."""
        return cls(code_rows.all_codes(store))

    def _shown_parent(self, code: Code) -> str | None:
        parent = self._codes.get(code.parent_id) if code.parent_id else None
        return parent.id if parent is not None and parent.live else None

    def _walk(self, parent_id: str | None) -> Iterable[Code]:
        for code in self._children.get(parent_id, ()):
            yield code
            yield from self._walk(code.id)

    def __contains__(self, code_id: object) -> bool:
        return code_id in self._codes

    def __len__(self) -> int:
        return len(self._codes)

    def code(self, code_id: str) -> Code:
        """A code by id (live or not); a UserError names an unknown id."""
        code = self._codes.get(code_id)
        if code is None:
            raise UserError(f"There is no code with id {code_id}.")
        return code

    def get(self, code_id: str | None) -> Code | None:
        """A code by id, or None when there is none."""
        return self._codes.get(code_id) if code_id is not None else None

    def all(self) -> tuple[Code, ...]:
        """Every code, live or not, in display order within each parent."""
        return tuple(self._codes.values())

    def parents_first(self, *, merged: bool = True) -> tuple[Code, ...]:
        """Every code (retired too; merged ones unless ``merged`` is False), each parent
        before its children and siblings in display order: the order interchange files need."""
        kept = [code for code in self._codes.values() if merged or code.merged_into is None]
        kept_ids = {code.id for code in kept}
        by_parent: dict[str | None, list[Code]] = {}
        for code in kept:
            by_parent.setdefault(code.parent_id if code.parent_id in kept_ids else None, []).append(code)
        ordered: list[Code] = []
        pending = list(by_parent.get(None, []))
        while pending:
            code = pending.pop(0)
            ordered.append(code)
            pending[0:0] = by_parent.get(code.id, [])
        return tuple(ordered)

    def live(self) -> tuple[Code, ...]:
        """The live codes in tree order: each theme followed by its children."""
        return self._live

    def children(self, parent_id: str | None = None) -> tuple[Code, ...]:
        """The live codes directly under ``parent_id`` (None: top level), in display order."""
        return self._children.get(parent_id, ())

    def survivor(self, code_id: str) -> str:
        """The code a merged code was merged into (chains followed), else the code itself."""
        seen: set[str] = set()
        code = self._codes.get(code_id)
        while code is not None and code.merged_into in self._codes and code.id not in seen:
            seen.add(code.id)
            code = self._codes[code.merged_into]
        return code.id if code is not None else code_id

    def resolve(self, code_id: str) -> str | None:
        """The live code a coding on ``code_id`` counts for, following merges (chains too).

        None when the chain ends at a retired or unknown code or runs in a circle.
        """
        survivor = self._codes.get(self.survivor(code_id))
        return survivor.id if survivor is not None and survivor.live else None

    def lineage(self, code_id: str) -> tuple[str, ...]:
        """The code's id and its ancestors' ids, nearest first (a live code: live ancestors)."""
        chain = [self.code(code_id).id]
        parent = self._parent(chain[-1])
        while parent is not None and parent not in chain:
            chain.append(parent)
            parent = self._parent(parent)
        return tuple(chain)

    def _parent(self, code_id: str) -> str | None:
        code = self._codes[code_id]
        if code.live:
            return self._shown_parent(code)
        return code.parent_id if code.parent_id in self._codes else None

    def level(self, code_id: str) -> int:
        """1 for a main theme or a top-level code, 2 below it, 3 below that."""
        return len(self.lineage(code_id))

    def main_theme(self, code_id: str) -> str:
        """The id at the root of the code's branch (the code itself at the top level)."""
        return self.lineage(code_id)[-1]

    def names(self, code_id: str) -> tuple[str, ...]:
        """The names from the main theme down to the code."""
        return tuple(self._codes[part].name for part in reversed(self.lineage(code_id)))

    def path(self, code_id: str) -> str:
        """The code's place in the tree: 'Theme > Sub-theme > Code'."""
        return join_path(self.names(code_id))

    def survivor_path(self, code_id: str) -> str:
        """The path of the code a coding on ``code_id`` counts for (merges followed)."""
        return self.path(self.survivor(code_id))

    def theme_name(self, code_id: str) -> str:
        """The name of the main theme a coding on ``code_id`` counts for (merges followed)."""
        return self.code(self.main_theme(self.survivor(code_id))).name

    def live_rows(self) -> list[dict]:
        """The live codes as plain rows with their ``path``, sorted by path (for code pickers)."""
        rows = [
            {
                "id": code.id,
                "parent_id": code.parent_id,
                "name": code.name,
                "definition": code.definition,
                "is_theme": code.is_theme,
                "codable": code.codable,
                "colour": code.colour,
                "path": self.path(code.id),
            }
            for code in self._live
        ]
        return sorted(rows, key=lambda row: row["path"].casefold())

    def find(self, path: str) -> str | None:
        """The live code at a path (names compared case-insensitively), or None."""
        parent_id = None
        for name in parse_path(path):
            wanted = name.casefold()
            match = next((c for c in self.children(parent_id) if c.name.casefold() == wanted), None)
            if match is None:
                return None
            parent_id = match.id
        return parent_id

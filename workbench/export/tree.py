"""The live codebook as the exports see it: themes and codes in order, merges followed."""

from __future__ import annotations

from dataclasses import dataclass, field

from workbench.store import reporting

MAIN_THEME, SUB_THEME, CODE = "main_theme", "sub_theme", "code"


@dataclass
class CodeNode:
    """One live code or theme; ``depth`` 0 is a main theme (or a code without a theme)."""

    id: str
    name: str
    parent_id: str | None
    depth: int
    is_theme: bool
    children: list[str] = field(default_factory=list)
    lead_in: str = ""

    @property
    def level(self) -> str:
        """The node's role in a counted table: main theme, sub-theme or code."""
        if not self.children and not self.is_theme:
            return CODE
        return MAIN_THEME if self.depth == 0 else SUB_THEME


class CodeTree:
    """Live codes (not retired, not merged away) as a tree, in codebook order."""

    def __init__(self, rows: list[dict]):
        self._rows = {row["id"]: row for row in rows}
        self.nodes: dict[str, CodeNode] = {}
        live = [row for row in rows if not row["retired"] and row["merged_into"] is None]
        live_ids = {row["id"] for row in live}
        by_parent: dict[str | None, list[dict]] = {}
        for row in live:
            parent = row["parent_id"] if row["parent_id"] in live_ids else None
            by_parent.setdefault(parent, []).append(row)
        self.order: list[str] = []
        self._add_children(by_parent, None, 0)

    @classmethod
    def from_store(cls, store) -> CodeTree:
        """The tree of a project's codebook."""
        return cls(reporting.codebook_rows(store))

    def _add_children(self, by_parent: dict, parent_id: str | None, depth: int) -> None:
        for row in sorted(by_parent.get(parent_id, []), key=lambda row: row["position"]):
            node = CodeNode(
                row["id"],
                row["name"],
                parent_id,
                depth,
                bool(row["is_theme"]),
                lead_in=row.get("lead_in") or "",
            )
            self.nodes[node.id] = node
            self.order.append(node.id)
            if parent_id is not None:
                self.nodes[parent_id].children.append(node.id)
            self._add_children(by_parent, node.id, depth + 1)

    def resolve(self, code_id: str) -> str | None:
        """The live code a coding on ``code_id`` counts for (following merges), or None."""
        seen = set()
        while code_id not in self.nodes:
            row = self._rows.get(code_id)
            if row is None or row["merged_into"] is None or code_id in seen:
                return None
            seen.add(code_id)
            code_id = row["merged_into"]
        return code_id

    def lineage(self, code_id: str) -> list[str]:
        """The live node and its ancestors, nearest first."""
        chain = []
        current: str | None = code_id
        while current is not None:
            chain.append(current)
            current = self.nodes[current].parent_id
        return chain

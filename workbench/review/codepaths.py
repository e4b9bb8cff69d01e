"""Code paths ("Theme > Sub-theme > Code") and main themes, read once for many lookups."""

from __future__ import annotations

from workbench.store import codes as code_rows
from workbench.store.database import Store

SEPARATOR = " > "


class CodePaths:
    """Names codes by their path in the codebook tree, following merges to the surviving code."""

    def __init__(self, store: Store):
        self.codes = {row["id"]: row for row in code_rows.all_codes(store)}

    def surviving(self, code_id: str) -> str:
        """The code a merged code was merged into (transitively), else the code itself."""
        seen = set()
        while self.codes.get(code_id, {}).get("merged_into") and code_id not in seen:
            seen.add(code_id)
            code_id = self.codes[code_id]["merged_into"]
        return code_id

    def chain(self, code_id: str) -> list[dict]:
        """The code and its ancestors, main theme first."""
        chain = []
        current = self.codes.get(self.surviving(code_id))
        while current is not None and len(chain) < 10:
            chain.append(current)
            current = self.codes.get(current["parent_id"])
        return chain[::-1]

    def path(self, code_id: str) -> str:
        """ "Theme > Sub-theme > Code" for a code id (the id itself if unknown)."""
        chain = self.chain(code_id)
        return SEPARATOR.join(row["name"] for row in chain) if chain else code_id

    def theme(self, code_id: str) -> str:
        """The name of the code's main theme (the code's own name at the top level)."""
        chain = self.chain(code_id)
        return chain[0]["name"] if chain else code_id

    def definition(self, code_id: str) -> str:
        """The code's definition or decision rule ('' when none)."""
        return self.codes.get(self.surviving(code_id), {}).get("definition") or ""

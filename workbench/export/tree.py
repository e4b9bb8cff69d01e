"""The role a live code plays in a counted table: main theme, sub-theme or code."""

from __future__ import annotations

from workbench.coding.codebook_tree import Codebook

MAIN_THEME, SUB_THEME, CODE = "main_theme", "sub_theme", "code"


def role(codebook: Codebook, code_id: str) -> str:
    """A leaf that is not a theme is a code; otherwise a main theme at level 1, else a sub-theme."""
    if not codebook.children(code_id) and not codebook.code(code_id).is_theme:
        return CODE
    return MAIN_THEME if codebook.level(code_id) == 1 else SUB_THEME


def indent(codebook: Codebook, code_id: str) -> int:
    """How far a category is indented in exported tables and headings (0 at level 1)."""
    return codebook.level(code_id) - 1

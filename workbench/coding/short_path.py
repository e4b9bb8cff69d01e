"""A code's path cut to a width, keeping the code's own name readable.

"Tilgjengelighet > Ventetid > Lang svartid" in 24 characters is "Tilgjeng… > Lang svartid":
the themes give way first (each cut with "…"), then the name itself, cut at its end.
"""

from __future__ import annotations

from workbench.coding.codebook_tree import PATH_SEPARATOR

ELLIPSIS = "…"


def cut(text: str, width: int) -> str:
    """``text`` in at most ``width`` characters, ending in "…" when cut."""
    if len(text) <= width:
        return text
    return text[: max(width - 1, 0)] + ELLIPSIS if width > 0 else ""


def short_path(path: str, width: int) -> str:
    """``path`` in at most ``width`` characters: the theme part cut first (down to "…", which
    still says there is one), then dropped, then the name cut."""
    if len(path) <= width:
        return path
    theme, separator, name = path.rpartition(PATH_SEPARATOR)
    room = width - len(separator) - len(name)
    if theme and room >= 1:
        return cut(theme, room) + separator + name
    return cut(name, width)

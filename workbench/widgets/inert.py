"""The TUI side of the inert-text boundary: data text as Textual content, never markup."""

from __future__ import annotations

from textual.content import Content

from workbench.display import visible, visible_line


def inert(text: object) -> Content:
    """Data text as content that Textual never parses as markup, controls made visible."""
    return Content(visible(text))


def inert_line(text: object) -> Content:
    """Like :func:`inert`, folded to one line."""
    return Content(visible_line(text))


def inert_cell(text: object) -> str:
    """A DataTable cell: DataTable reads ``str`` cells as Rich markup, so brackets are escaped."""
    from rich.markup import escape

    return escape(visible_line(text))

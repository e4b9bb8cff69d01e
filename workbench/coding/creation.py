"""What the picker's create line would create for a typed name or "Theme > Code" path.

The picker shows this before Enter, so the line says truthfully which themes are new, where
the code goes, or why nothing can be created.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.coding.codebook_tree import MAX_DEPTH, PATH_SEPARATOR, join_path, parse_path
from workbench.errors import UserError


@dataclass(frozen=True)
class Creation:
    """A planned new code: its name, the themes created with it, and the theme it goes under."""

    code: str = ""
    new_themes: tuple[str, ...] = ()
    under: str | None = None  # path of the existing code or theme it goes under; None: top level
    refusal: str = ""  # why nothing can be created ("": it can)
    existing_id: str | None = None  # the typed path names a code that exists already

    @property
    def path(self) -> str:
        """The new code's full path."""
        return join_path([*([self.under] if self.under else []), *self.new_themes, self.code])


def plan_creation(codes: list[dict], query: str, parent: dict | None) -> Creation:
    """What Enter would create from ``query``: under ``parent`` (a code row, None: top level),
    or, for a path, under the themes it names. ``codes`` are the live rows with their path."""
    query = query.strip()
    if PATH_SEPARATOR.strip() not in query:
        return _plan_name(query, parent)
    try:
        names = parse_path(query)
    except UserError as error:
        return Creation(refusal=str(error))
    by_path = {code["path"].casefold(): code for code in codes}
    known = 0
    while known < len(names) and join_path(names[: known + 1]).casefold() in by_path:
        known += 1
    if known == len(names):
        return Creation(code=names[-1], existing_id=by_path[join_path(names).casefold()]["id"])
    under = by_path[join_path(names[:known]).casefold()]["path"] if known else None
    return Creation(code=names[-1], new_themes=names[known:-1], under=under)


def _plan_name(name: str, parent: dict | None) -> Creation:
    if not name:
        return Creation(refusal="A code needs a name.")
    if parent is None:
        return Creation(code=name)
    if len(parent["path"].split(PATH_SEPARATOR)) >= MAX_DEPTH:
        return Creation(refusal=f"themes go three levels deep at most; '{parent['path']}' is the third.")
    return Creation(code=name, under=parent["path"])

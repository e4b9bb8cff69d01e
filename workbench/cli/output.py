"""What the command line prints and how it opens a project for writing.

Every printout of data goes through :func:`workbench.display.visible_line` (one-line fields)
or :func:`print_json` (whose strings keep every character, with controls escaped), so an
answer or code name can never steer the terminal.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager

from workbench.display import visible_line

# Characters json.dumps(ensure_ascii=False) leaves raw but a terminal would act on.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def print_json(payload: object) -> None:
    """Stable, readable JSON on stdout; DEL, C1 and bidi controls written as ``\\uXXXX``."""
    text = json.dumps(payload, ensure_ascii=False, indent=2)
    print(_JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text))


def shown(text: object) -> str:
    """A data field for a one-line printout (controls visible, newlines folded)."""
    return visible_line(text)


@contextmanager
def writable_project(path: str) -> Iterator:
    """The project opened for writing under the writer lock the TUI also takes."""
    from workbench.lock import writing
    from workbench.project import open_project

    with writing(path), open_project(path) as store:
        yield store


def answer_id(text: str) -> int:
    """An ``--answer`` value: a whole number SQLite can hold, refused by argparse otherwise."""
    import argparse

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 0 < value < 2**63:
        raise argparse.ArgumentTypeError(f"{text} is not an answer id (too large or not positive)")
    return value


def refuse_same_file(project: str, other: str) -> None:
    """Merging a project with itself (a copy by hard link or symlink) is a mistake, said so."""
    import os

    from workbench.errors import UserError

    try:
        same = os.path.samefile(project, other)
    except OSError:
        return  # a missing file is reported when it is opened
    if same:
        raise UserError(f"{other}: this is the project file itself (a link to {project}); nothing merged.")

"""Text from data shown as inert text: control characters made visible, nothing interpreted.

Answers, code names, memos, question texts and attributes come from outside files. Before any
of it reaches a terminal (the TUI or a CLI printout) it goes through :func:`visible`, so an
escape sequence cannot set the window title or the clipboard and a bidi override cannot
reorder what the coder reads. Markup escaping for Textual lives in ``widgets/inert.py``.
"""

from __future__ import annotations

import re

_ESCAPE = "\x1b"
# C0 controls except newline and tab, DEL, C1 controls, and the bidi embedding/override/isolate
# characters that reorder text on screen.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f\x80-\x9f\u202a-\u202e\u2066-\u2069]")


def _picture(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char == _ESCAPE:
        return "␛"
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "␡"
    return f"<U+{code:04X}>"


def visible(text: object) -> str:
    """``text`` as a string whose control characters are shown as symbols (ESC as ␛)."""
    return _UNSAFE.sub(_picture, "" if text is None else str(text))


def visible_line(text: object) -> str:
    """Like :func:`visible`, also folding newlines and tabs to spaces for one-line printouts."""
    raw = "" if text is None else str(text)
    return visible(raw.replace("\r\n", " ").replace("\n", " ").replace("\r", " ").replace("\t", " "))


def visible_aligned(text: object) -> str:
    """Like :func:`visible`, one character for one, so offsets into the raw text still hold.

    C0 controls and DEL become their control pictures; C1 and bidi controls become U+FFFD.
    """
    return _UNSAFE.sub(_aligned_picture, "" if text is None else str(text))


def _aligned_picture(match: re.Match[str]) -> str:
    picture = _picture(match)
    return picture if len(picture) == 1 else "\ufffd"

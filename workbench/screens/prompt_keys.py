"""Enter and Escape of a one-line dialog, run as the key arrives so no later key is lost.

A terminal hands Textual the keys typed after Enter before the dialog's input has handled
Enter, and Textual gives each key to the widget focused when it arrives: the dialog's input,
which is then removed with them. Bound with priority, Enter and Escape run in the app as the
key arrives: the dialog closes before the next key is given out, and keys typed right after
reach the screen below. Enter first lets the input take in the keys typed before it.
"""

from __future__ import annotations

import asyncio
import contextlib

from textual.binding import Binding
from textual.widget import Widget

CATCH_UP_SECONDS = 0.5  # at most this long for the input to take in the keys before Enter


def prompt_bindings(prefix: str) -> list[Binding]:
    """Escape cancels and Enter runs ``action_choose``, both as the key arrives."""
    return [
        Binding("escape", "cancel", "Cancel", id=f"{prefix}_cancel", priority=True),
        Binding("enter", "choose", "Go", id=f"{prefix}_choose", show=False, priority=True),
    ]


async def caught_up(widget: Widget) -> None:
    """Return once ``widget`` has handled the messages (keys) already given to it."""
    done = asyncio.Event()
    widget.call_later(done.set)
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(done.wait(), CATCH_UP_SECONDS)

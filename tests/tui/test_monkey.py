"""A monkey at the keyboard: seeded random keys on every screen the palette reaches.

No key sequence may raise; afterwards the project passes SQLite's integrity check and every
tracked row is in the state its latest event says. ``WORKBENCH_MONKEY_KEYS`` sets the keys
per screen: 2 000 by default (what CI runs), 20 000 for the long run described in the README.
"""

from __future__ import annotations

import json
import os
import random
import string

import pytest
from textual import _wait as textual_wait

from workbench import coding
from workbench.coding.memos import MemoTarget, save_memo
from workbench.screens.coding import CodingScreen
from workbench.store import answers as answer_rows
from workbench.store import codings as coding_rows
from workbench.tui import SCREEN_COMMANDS

pytestmark = pytest.mark.anyio

KEYS_PER_SCREEN = int(os.environ.get("WORKBENCH_MONKEY_KEYS", "2000"))
BURST = 10
NAMED_KEYS = [
    "tab", "shift+tab", "escape", "enter", "space", "backspace", "delete",
    "up", "down", "left", "right", "pageup", "pagedown", "home", "end",
    "shift+left", "shift+right", "f1",
]  # fmt: skip
CTRL_KEYS = [
    f"ctrl+{letter}" for letter in string.ascii_lowercase if letter not in "qcp"
]  # quit, copy, palette (its Quit)
# Letters often, the rest evenly: a monkey mostly types.
POOL = list(string.ascii_lowercase) * 2 + list(string.digits) + NAMED_KEYS * 2 + CTRL_KEYS
CHECKED_TABLES = ("codes", "segments", "memos", "codings")


def seed_codes(store) -> None:
    theme = coding.create_code(store, "Samarbeid", "ola", is_theme=True).id
    meetings = coding.create_code(store, "Faste møtepunkter", "ola", parent_id=theme).id
    coding.create_code(store, "Mangler fagfolk", "ola")
    first = answer_rows.answer_ids(store, "q01", 2024)[0]
    segment = coding_rows.segments_with_codes(store, first)[0]
    coding.apply_codes(store, segment["id"], [meetings], "ola")
    save_memo(store, segment["id"], "ola", "Segment memo")
    save_memo(store, MemoTarget("code", meetings), "kari", "Another coder's memo")


def latest_states(store) -> dict[str, dict[str, dict | None]]:
    """Per table and row id, the state the newest event touching that row left it in."""
    states: dict[str, dict[str, dict | None]] = {table: {} for table in CHECKED_TABLES}
    for row in store.rows("SELECT after FROM events ORDER BY seq"):
        rows = json.loads(row["after"] or "{}").get("rows", {})
        for table in CHECKED_TABLES:
            for row_id, state in rows.get(table, {}).items():
                known = states[table].get(row_id)
                states[table][row_id] = None if state is None else {**(known or {}), **state}
    return states


def assert_consistent(store) -> None:
    assert store.scalar("PRAGMA integrity_check") == "ok"
    assert store.rows("PRAGMA foreign_key_check") == []
    for table, rows in latest_states(store).items():
        for row_id, state in rows.items():
            found = store.rows(f"SELECT * FROM {table} WHERE id = ?", (row_id,))
            if state is None:
                assert found == [], f"{table} {row_id} should be gone"
            else:
                assert found, f"{table} {row_id} is missing"
                assert {column: found[0][column] for column in state} == state


async def run_monkey(app, pilot, screen_class, generator: random.Random) -> int:
    """Press random keys, reopening the screen whenever the monkey leaves it."""
    pressed = 0
    while pressed < KEYS_PER_SCREEN:
        if screen_class is not CodingScreen and not any(
            isinstance(s, screen_class) for s in app.screen_stack
        ):
            while len(app.screen_stack) > 2:
                app.pop_screen()
            app.open_screen(screen_class)
            await pilot.pause()
        await pilot.press(generator.choice(POOL))
        pressed += 1
    await app.workers.wait_for_complete()
    await pilot.pause()
    return pressed


SCREENS = [CodingScreen, *(command.screen_class for command in SCREEN_COMMANDS)]


@pytest.mark.parametrize("screen_class", SCREENS, ids=lambda screen_class: screen_class.__name__)
async def test_random_keys_break_nothing(make_app, tmp_path, monkeypatch, screen_class):
    monkeypatch.chdir(tmp_path)  # exports land here
    # Pilot waits after each key until the process idles, sampling every 20 ms: 40 ms of
    # sleep a key. Sampling every 2 ms keeps that wait and lets the monkey type ten times as
    # fast, as a fast typist would.
    monkeypatch.setattr(textual_wait, "SLEEP_GRANULARITY", 0.002)
    monkeypatch.setattr(textual_wait, "SLEEP_IDLE", 0.0002)
    app = make_app()
    app.animation_level = "none"
    seed_codes(app.store)
    generator = random.Random(f"monkey-{screen_class.__name__}")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        pressed = await run_monkey(app, pilot, screen_class, generator)
        assert app.return_code is None
    assert pressed == KEYS_PER_SCREEN
    assert_consistent(app.store)

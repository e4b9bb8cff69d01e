"""A second process is told the project is in use; settings and key overrides persist."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from workbench.lock import ProjectLock
from workbench.settings import Settings, load_settings, save_settings
from workbench.widgets.answer_view import AnswerView

pytestmark = pytest.mark.anyio


def test_second_lock_on_the_same_project_is_refused_and_names_the_holder(project_path):
    first, second = ProjectLock(project_path), ProjectLock(project_path)
    assert first.acquire()
    assert not second.acquire()
    assert str(os.getpid()) in second.holder.describe()
    first.release()
    assert second.acquire()
    second.release()


def test_a_stale_lock_of_a_dead_process_is_taken_over(project_path):
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    ).stdout.strip()
    lock = ProjectLock(project_path)
    holder = json.loads("{}") | {
        "pid": int(dead),
        "host": os.uname().nodename,
        "user": "x",
        "since": "2026-01-01T00:00:00",
    }
    lock.path.write_text(json.dumps(holder), encoding="utf-8")
    assert lock.acquire()
    lock.release()


def test_make_app_opens_read_only_when_the_project_is_in_use(project_path):
    from workbench.tui import make_app

    holder = ProjectLock(project_path)
    assert holder.acquire()
    try:
        app = make_app(project_path, "kari")
        assert app.read_only and app.store.read_only
        app.store.close()
    finally:
        holder.release()


def test_settings_round_trip(tmp_path):
    path = tmp_path / "settings.json"
    save_settings(Settings(last_coder="kari", keymap={"next_answer": "l"}, blind=True), path)
    assert load_settings(path) == Settings(last_coder="kari", keymap={"next_answer": "l"}, blind=True)


async def test_keymap_from_settings_remaps_a_key(make_app):
    app = make_app(keymap={"next_answer": "w"})
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        app.screen.query_one(AnswerView).focus()
        await pilot.press("w")
        await pilot.pause()
        assert app.screen.position == 1


async def test_palette_screens_open(make_app):
    from workbench.tui import SCREEN_COMMANDS

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        for command in SCREEN_COMMANDS[:2]:
            screen_class = command.screen_class
            app.open_screen(screen_class)
            await pilot.pause()
            assert isinstance(app.screen, screen_class)
            await pilot.press("escape")
            await pilot.pause()

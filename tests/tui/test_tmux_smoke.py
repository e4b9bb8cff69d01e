"""Launch the real program in tmux, code one answer by typing, read the screen, quit."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from workbench.store import Store
from workbench.store import answers as answer_rows
from workbench.store import codings as coding_rows

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

WORKBENCH = Path(sys.executable).with_name("workbench")


def tmux(*arguments: str) -> str:
    return subprocess.run(["tmux", *arguments], capture_output=True, text=True, check=True).stdout


def wait_for(session: str, text: str, seconds: float = 15.0) -> str:
    """The pane's text once it contains ``text`` (fails after ``seconds``)."""
    deadline = time.monotonic() + seconds
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-p", "-t", session)
        if text in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen}")


def test_code_an_answer_in_the_real_program(project_path, tmp_path):
    session = f"workbench-smoke-{os.getpid()}"
    command = f"WORKBENCH_CONFIG_DIR={tmp_path / 'config'} {WORKBENCH} tui {project_path} --coder smoke"
    tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "36", command)
    try:
        wait_for(session, "Type a code")
        tmux("send-keys", "-t", session, "-l", "Faste møtepunkter")
        wait_for(session, "Create code")
        tmux("send-keys", "-t", session, "Enter")
        screen = wait_for(session, "1/6 coded")
        assert "Faste møtepunkter" in screen
        tmux("send-keys", "-t", session, "C-q")
        deadline = time.monotonic() + 10
        while (
            time.monotonic() < deadline
            and subprocess.run(["tmux", "has-session", "-t", session], capture_output=True).returncode == 0
        ):
            time.sleep(0.2)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    with Store(project_path) as store:
        first = answer_rows.answer_ids(store, "q01", 2024)[0]
        names = [row["name"] for row in coding_rows.segments_with_codes(store, first)[0]["codings"]]
    assert names == ["Faste møtepunkter"]
    assert not Path(f"{project_path}.lock").exists()

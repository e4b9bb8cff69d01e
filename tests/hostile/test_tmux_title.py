"""Item 1 in the real terminal: the escape-sequence answer shown in the TUI leaves tmux alone."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile_inputs import hostile_project

from workbench.cli import main

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
ROOT = Path(__file__).resolve().parents[2]


def tmux(*arguments: str) -> str:
    return subprocess.run(["tmux", *arguments], capture_output=True, text=True, check=True).stdout


def wait_for(session: str, text: str, seconds: float = 20.0) -> str:
    deadline, screen = time.monotonic() + seconds, ""
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-p", "-t", session)
        if text in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen}")


def test_escape_sequences_in_an_answer_leave_title_and_clipboard_alone(tmp_path):
    project = hostile_project(tmp_path)
    chip = "Tema > Chip \033]0;CHIP\007 \033]8;;http://evil.example\033\\lenke [b]x[/b]"
    assert main(["code", str(project), "--answer", "1", "--code", chip, "--coder", "kari"]) == 0
    session = f"workbench-hostile-{os.getpid()}"
    command = (
        f"cd {tmp_path} && PYTHONPATH={ROOT} WORKBENCH_CONFIG_DIR={tmp_path / 'config'} "
        f"{sys.executable} -m workbench tui {project} --coder kari"
    )
    tmux("new-session", "-d", "-s", session, "-x", "140", "-y", "40", "sleep 0.5; " + command)
    try:
        tmux("set-option", "-t", session, "set-clipboard", "on")
        tmux("set-option", "-t", session, "allow-rename", "on")
        tmux("select-pane", "-t", session, "-T", "clean-title")
        screen = wait_for(session, "PWNED")
        assert "␛]0;PWNED" in screen and "␛]0;CHIP" in screen and "[b]x[/b]" in screen
        assert tmux("display", "-p", "-t", session, "#{pane_title}").strip() == "clean-title"
        buffers = subprocess.run(["tmux", "list-buffers"], capture_output=True, text=True).stdout
        assert "curl" not in buffers and "Y3VybC" not in buffers
        tmux("send-keys", "-t", session, "C-q")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)

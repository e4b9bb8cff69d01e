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
REPOSITORY = Path(__file__).resolve().parents[2]


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
    command = (
        f"WORKBENCH_CONFIG_DIR={tmp_path / 'config'} PYTHONPATH={REPOSITORY} "
        f"{WORKBENCH} tui {project_path} --coder smoke"
    )
    tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "36", command)
    try:
        wait_for(session, "Type a code")
        tmux("send-keys", "-t", session, "-l", "Faste møtepunkter")
        wait_for(session, "Create code")
        tmux("send-keys", "-t", session, "Enter")
        wait_for(session, "in one line")  # the definition invite: Enter on empty skips it
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


def send(session: str, *keys: str, literal: bool = False) -> None:
    tmux("send-keys", "-t", session, *(["-l"] if literal else []), *keys)


def wait_until_gone(session: str, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if subprocess.run(["tmux", "has-session", "-t", session], capture_output=True).returncode:
            return
        time.sleep(0.2)
    raise AssertionError("the program did not quit")


@pytest.mark.parametrize("size", [(120, 36), (80, 24)], ids=["120x36", "80x24"])
def test_change_question_code_split_and_quit(project_path, tmp_path, size):
    session = f"workbench-loop-{os.getpid()}-{size[0]}"
    command = (
        f"cd {REPOSITORY} && WORKBENCH_CONFIG_DIR={tmp_path / 'config'} PYTHONPATH={REPOSITORY} "
        f"{sys.executable} -m workbench tui {project_path} --coder smoke; "
        f"echo exit=$? > {tmp_path / 'exit'}"
    )
    tmux("new-session", "-d", "-s", session, "-x", str(size[0]), "-y", str(size[1]), command)
    try:
        wait_for(session, "Type a code")
        send(session, "C-l")
        wait_for(session, "Go to question")
        send(session, "pandemi", literal=True)
        send(session, "Enter")
        wait_for(session, "q02  Hva endret")
        send(session, "Uendret", literal=True)
        wait_for(session, "Create code")
        send(session, "Enter")
        wait_for(session, "in one line")  # the definition invite
        send(session, "Ingen endring nevnt", literal=True)
        send(session, "Enter")
        wait_for(session, "q02: 1/5 coded")
        send(session, "C-l")
        wait_for(session, "Go to question")
        send(session, "q01", literal=True)
        send(session, "Enter")
        wait_for(session, "q01  Hvordan")
        send(session, "Enter")
        wait_for(session, "Answer 2 of 6")
        send(session, "Godt samarbeid", literal=True)
        wait_for(session, "Create code")
        send(session, "Enter")
        wait_for(session, "in one line")
        send(session, "Escape")
        wait_for(session, "q01: 1/6 coded")
        send(session, "Escape")
        wait_for(session, "Split segment")  # answer keys (an Escape followed at once reads as alt)
        send(session, "s")
        wait_for(session, "sentence starts marked")
        send(session, "s")
        screen = wait_for(session, "¶2")
        assert "▶ ¶2 no code yet" in screen
        send(session, "C-q")
        wait_until_gone(session)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    assert (tmp_path / "exit").read_text().strip() == "exit=0"
    with Store(project_path) as store:
        q02_first = answer_rows.answer_ids(store, "q02", 2024)[0]
        assert [r["name"] for r in coding_rows.segments_with_codes(store, q02_first)[0]["codings"]] == [
            "Uendret"
        ]
        assert store.scalar("SELECT definition FROM codes WHERE name = 'Uendret'") == "Ingen endring nevnt"
        q01_second = answer_rows.answer_ids(store, "q01", 2024)[1]
        first, second = coding_rows.segments_with_codes(store, q01_second, "smoke")
        assert [row["name"] for row in first["codings"]] == ["Godt samarbeid"] and second["codings"] == []

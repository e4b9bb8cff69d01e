"""Items 8-10 (project files): foreign and newer files refused untouched, one writer lock,
busy, read-only and damaged projects and bad output paths told in one sentence."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile_inputs import foreign_sqlite, hostile_project, set_user_version, snapshot, sqlite_facts

from workbench.cli import main
from workbench.lock import ProjectLock
from workbench.store.database import LATEST_SCHEMA

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_CONFIG_DIR", str(tmp_path / "config"))
    return hostile_project(tmp_path)


def one_sentence(capsys) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("\n") == 1, err
    return err


@pytest.mark.parametrize(
    "command",
    [
        lambda db, other: ["import", str(db), str(other)],
        lambda db, other: ["info", str(db)],
        lambda db, other: ["code", str(db), "--answer", "1", "--code", "X"],
        lambda db, other: ["history", str(db)],
        lambda db, other: ["merge", str(other), str(db)],
    ],
)
def test_a_foreign_sqlite_file_is_refused_and_left_untouched(tmp_path, project, capsys, command):
    foreign = foreign_sqlite(tmp_path / "other.db")
    before, facts = snapshot(foreign), sqlite_facts(foreign)
    assert main(command(foreign, project)) == 2
    assert "not a workbench project" in one_sentence(capsys)
    assert snapshot(foreign) == before and sqlite_facts(foreign) == facts == (["notes"], "delete", 0)


def test_merging_a_foreign_file_into_a_project_changes_neither(tmp_path, project, capsys):
    foreign = foreign_sqlite(tmp_path / "other.db")
    before, mine = snapshot(foreign), sqlite_facts(project)
    assert main(["merge", str(project), str(foreign)]) == 2
    one_sentence(capsys)
    assert snapshot(foreign) == before and sqlite_facts(project) == mine


@pytest.mark.parametrize("command", [["info"], ["history"], ["code", "--answer", "1", "--code", "X"]])
def test_a_project_from_a_newer_workbench_is_refused_untouched(project, capsys, command):
    set_user_version(project, LATEST_SCHEMA + 5)
    before = snapshot(project)
    assert main([command[0], str(project), *command[1:]]) == 2
    assert "newer workbench" in one_sentence(capsys)
    assert snapshot(project) == before


def test_cli_writes_honour_the_tui_lock_through_symlinks_and_hard_links(tmp_path, project, capsys):
    link, hard = tmp_path / "link.db", tmp_path / "hard.db"
    link.symlink_to(project)
    os.link(project, hard)
    tui = ProjectLock(project)
    assert tui.acquire()
    try:
        before = snapshot(project)
        for path in (project, link, hard):
            assert main(["code", str(path), "--answer", "1", "--code", "X"]) == 2
            assert "open for writing" in one_sentence(capsys)
        assert not ProjectLock(link).acquire() and not ProjectLock(hard).acquire()
        assert snapshot(project) == before
        assert main(["info", str(link)]) == 0  # reading is always allowed
    finally:
        tui.release()
    assert main(["code", str(hard), "--answer", "1", "--code", "X"]) == 0


def test_code_and_merge_during_an_import_are_refused(tmp_path, project, capsys):
    other = tmp_path / "other"
    other.mkdir()
    other_project = hostile_project(other)
    importer = ProjectLock(project)  # what a running import holds
    assert importer.acquire()
    try:
        assert main(["code", str(project), "--answer", "1", "--code", "X"]) == 2
        assert main(["merge", str(project), str(other_project)]) == 2
        assert main(["merge", str(other_project), str(project)]) == 2
    finally:
        importer.release()
    assert capsys.readouterr().err.count("open for writing") == 3


def test_a_busy_database_waits_then_says_so(project, capsys):
    holder = sqlite3.connect(project, timeout=1)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        started = time.monotonic()
        assert main(["code", str(project), "--answer", "1", "--code", "X"]) == 2
        assert time.monotonic() - started < 30
        assert "busy" in one_sentence(capsys)
    finally:
        holder.rollback()
        holder.close()


@pytest.mark.parametrize("command", [["code", "--answer", "1", "--code", "X"], ["codebook", "import"]])
def test_a_read_only_project_is_refused_in_one_sentence(tmp_path, project, capsys, command, monkeypatch):
    codes = tmp_path / "codes.yaml"
    codes.write_text("codes:\n  - name: A\n", encoding="utf-8")
    project.chmod(0o444)
    if os.geteuid() == 0:  # root may write anyway; make the check see what a user would
        monkeypatch.setattr("workbench.files.os.access", lambda path, mode: mode != os.W_OK)
    arguments = [command[0], *command[1:], str(project), str(codes)] if command[0] == "codebook" else None
    assert main(arguments or [command[0], str(project), *command[1:]]) == 2
    assert "read-only" in one_sentence(capsys)


def test_a_read_only_project_folder_is_refused_for_writes(tmp_path, project, capsys, monkeypatch):
    monkeypatch.setattr("workbench.files.os.access", lambda path, mode: mode != os.W_OK)
    before = snapshot(project)
    assert main(["import", str(project), str(tmp_path / "hostile.csv"), "--layout", "long"]) == 2
    assert "read-only" in one_sentence(capsys)
    assert snapshot(project) == before


def test_a_tui_on_a_read_only_project_opens_read_only(project, monkeypatch):
    from workbench.tui import make_app

    monkeypatch.setattr("workbench.files.os.access", lambda path, mode: mode != os.W_OK)
    app = make_app(project, "kari", suggestions=False)
    try:
        assert app.read_only and app.store.read_only
    finally:
        app.store.close()
        app.lock.release()


def test_corrupted_pages_are_one_sentence(project, capsys):
    main(["info", str(project)])  # checkpoint: the data lives in the main file
    data = bytearray(project.read_bytes())
    page = 4096
    for offset in range(page, len(data), page):
        data[offset + 8 : offset + 200] = os.urandom(192)
    project.write_bytes(bytes(data))
    for command in (
        ["info"],
        ["history"],
        ["code", "--answer", "1", "--code", "X"],
        ["suggest", "--answer", "1"],
    ):
        assert main([command[0], str(project), *command[1:]]) == 2
        assert "damaged" in one_sentence(capsys)


@pytest.mark.parametrize("seed", range(12))
def test_one_damaged_page_never_gives_a_traceback(project, capsys, seed):
    import random

    main(["info", str(project)])
    data = bytearray(project.read_bytes())
    chosen = random.Random(seed).randrange(1, len(data) // 4096)
    data[chosen * 4096 : chosen * 4096 + 4096] = random.Random(seed).randbytes(4096)
    project.write_bytes(bytes(data))
    capsys.readouterr()
    for command in (["info"], ["history"], ["code", "--answer", "1", "--code", "X"]):
        assert main([command[0], str(project), *command[1:]]) in (0, 2)
        assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize("where", ["file", "devnull", "unwritable"])
def test_out_pointing_at_the_wrong_place_is_one_sentence(tmp_path, project, capsys, where):
    target = {"file": tmp_path / "hostile.csv", "devnull": Path("/dev/null"), "unwritable": tmp_path / "ro"}[
        where
    ]
    if where == "unwritable":
        target.mkdir()
        target.chmod(stat.S_IRUSR | stat.S_IXUSR)
        if os.geteuid() == 0:
            pytest.skip("root ignores file permissions")
    before = snapshot(project)
    assert main(["export", str(project), "counts", "--draft", "--out", str(target / "run")]) == 2
    one_sentence(capsys)
    assert snapshot(project) == before


@pytest.mark.parametrize("answer", ["99999999999999999999", "-1", "0", "1e3"])
def test_an_impossible_answer_id_is_refused_by_the_parser(project, capsys, answer):
    with pytest.raises(SystemExit) as exit_info:
        main(["code", str(project), "--answer", answer, "--code", "X"])
    assert exit_info.value.code == 2
    assert "Traceback" not in capsys.readouterr().err


def test_merging_a_hard_link_of_the_project_itself_is_refused(tmp_path, project, capsys):
    hard = tmp_path / "same.db"
    os.link(project, hard)
    before = snapshot(project)
    assert main(["merge", str(project), str(hard)]) == 2
    assert "project file itself" in one_sentence(capsys)
    assert snapshot(project) == before


def test_a_crash_inside_the_tui_does_not_exit_zero(tmp_path, project):
    script = (
        "import sys\n"
        "from workbench.tui import WorkbenchApp, run_app\n"
        "def boom(self):\n"
        "    raise RuntimeError('boom')\n"
        "WorkbenchApp.on_mount = boom\n"
        f"sys.exit(run_app({str(project)!r}, 'kari'))\n"
    )
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "WORKBENCH_CONFIG_DIR": str(tmp_path / "c")}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=environment, timeout=60
    )
    assert result.returncode != 0


def test_a_tui_write_on_a_busy_database_is_a_notice_not_a_crash(project):
    import asyncio

    from workbench.tui import make_app

    assert main(["code", str(project), "--answer", "2", "--code", "Ventetid"]) == 0

    async def run() -> tuple[list[str], bool]:
        app = make_app(project, "kari", suggestions=False)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            holder = sqlite3.connect(project, timeout=1)
            holder.execute("BEGIN IMMEDIATE")
            try:
                await pilot.press(*"Ventetid", "enter")
                await pilot.pause()
            finally:
                holder.rollback()
                holder.close()
            messages = [notification.message for notification in app._notifications]
            running = app.is_running
            await pilot.press("ctrl+q")
        return messages, running

    messages, running = asyncio.run(run())
    assert running and any("busy" in message for message in messages), messages


def test_exports_only_read_so_they_run_beside_an_open_tui(tmp_path, project, monkeypatch):
    monkeypatch.chdir(tmp_path)
    tui = ProjectLock(project)
    assert tui.acquire()
    try:
        before = snapshot(project)
        assert main(["export", str(project), "counts", "--draft"]) == 0
        assert snapshot(project) == before
    finally:
        tui.release()


def test_a_running_cli_import_holds_the_writer_lock(tmp_path, project, monkeypatch, capsys):
    import workbench.ingest

    real_import, seen = workbench.ingest.import_survey, []

    def import_while_others_try(store, *args, **kwargs):
        seen.append(main(["code", str(project), "--answer", "1", "--code", "X"]))
        seen.append(ProjectLock(project).acquire())  # what a TUI started now would get
        return real_import(store, *args, **kwargs)

    monkeypatch.setattr(workbench.ingest, "import_survey", import_while_others_try)
    survey = tmp_path / "more.csv"
    survey.write_text("respondent;question;text\n9201;q01;nytt svar\n", encoding="utf-8")
    assert main(["import", str(project), str(survey), "--layout", "long", "--wave", "2024"]) == 0
    assert seen == [2, False]
    assert "open for writing" in capsys.readouterr().err


def test_two_tuis_through_a_symlink_share_one_lock(tmp_path, project):
    from workbench.tui import make_app

    link = tmp_path / "alias.db"
    link.symlink_to(project)
    first = make_app(project, "kari", suggestions=False)
    second = make_app(link, "ola", suggestions=False)
    try:
        assert not first.read_only and second.read_only and second.store.read_only
    finally:
        for app in (first, second):
            app.store.close()
            app.lock.release()

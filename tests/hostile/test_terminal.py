"""Items 1-2: nothing from a file steers the terminal, in CLI printouts or in the TUI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_inputs import MARKUP, hostile_project

from workbench.cli import main
from workbench.coding.memos import save_memo
from workbench.project import open_project
from workbench.store import codings as coding_rows

ROOT = Path(__file__).resolve().parents[2]
STEERING = ("\033", "\x9b", "\x07")


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_CONFIG_DIR", str(tmp_path / "config"))
    path = hostile_project(tmp_path)
    code = "Tema > Bærum [/] \033]0;CODE\007"
    for answer in (1, 2, 3):
        assert main(["code", str(path), "--answer", str(answer), "--code", code, "--coder", "kari"]) == 0
    return path


def assert_inert(text: str) -> None:
    for character in STEERING:
        assert character not in text, f"{character!r} reached the terminal: {text!r}"


@pytest.mark.parametrize(
    "command",
    [
        ["history"],
        ["history", "--json"],
        ["info"],
        ["info", "--json"],
        ["code", "--answer", "1", "--code", "Ny \033[2J kode", "--coder", "ola"],
        ["anonymise", "--check", "--all"],
        ["anonymise", "--check", "--all", "--json"],
        ["suggest", "--answer", "1"],
        ["suggest", "--answer", "1", "--json"],
        ["cluster", "--question", "q01"],
    ],
)
def test_cli_printouts_are_inert(project, capsys, command):
    main([command[0], str(project), *command[1:]])
    captured = capsys.readouterr()
    assert_inert(captured.out)
    assert_inert(captured.err)
    if "--json" in command:
        json.loads(captured.out)


def test_json_keeps_the_data_exactly(project, capsys):
    assert main(["history", str(project), "--json"]) == 0
    names = [code["name"] for code in json.loads(capsys.readouterr().out)["codes"]]
    assert names == ["Tema", "Bærum [/] \033]0;CODE\007"]


def test_suggest_shows_the_answer_with_visible_controls(project, capsys):
    assert main(["suggest", str(project), "--answer", "1"]) == 0
    out = capsys.readouterr().out
    assert "␛]0;PWNED␛\\" in out and "␛[2J" in out


def test_codebook_import_report_is_inert(project, tmp_path, capsys):
    code_list = tmp_path / "codes.yaml"
    code_list.write_text('codes:\n  - name: "Ny \\e]0;T\\a kode [b]x[/b]"\n', encoding="utf-8")
    assert main(["codebook", "import", str(project), str(code_list)]) == 0
    out = capsys.readouterr().out
    assert_inert(out)
    assert "␛]0;T␇ kode [b]x[/b]" in out


def test_an_error_quoting_data_is_inert(project, capsys):
    assert main(["code", str(project), "--answer", "1", "--code", "Nope \033]0;E\007", "--remove"]) == 2
    assert_inert(capsys.readouterr().err)


def _pipe_to_head(arguments: list[str]) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = f"{sys.executable} -m workbench {' '.join(arguments)} | head -c 1"
    return subprocess.run(
        ["bash", "-o", "pipefail", "-c", command], capture_output=True, text=True, env=environment
    )


@pytest.mark.parametrize("command", [["history"], ["history", "--json"], ["info"], ["info", "--json"]])
def test_a_closed_pipe_never_prints_a_traceback(project, command):
    for _ in range(60):  # enough output that the pipe closes while printing
        main(["code", str(project), "--answer", "2", "--code", f"Kode {_} " + "lang " * 30, "--coder", "ola"])
    result = _pipe_to_head([command[0], str(project), *command[1:]])
    assert "Traceback" not in result.stderr and "Error" not in result.stderr
    assert result.returncode in (0, 141)


def test_a_closed_pipe_keeps_the_error_exit_code(tmp_path):
    result = _pipe_to_head(["info", str(tmp_path / "missing.db")])
    assert result.returncode == 2
    assert "no such project file" in result.stderr and "Traceback" not in result.stderr


def test_memo_question_and_respondent_with_markup_do_not_crash_the_tui(project, tmp_path):
    import asyncio

    from textual.widgets import Label

    from workbench.tui import make_app
    from workbench.widgets.code_chips import CodeChips

    with open_project(project) as store:
        segment = coding_rows.segments_with_codes(store, 1)[0]["id"]
        save_memo(store, segment, "kari", MARKUP)
        store.execute(
            "UPDATE respondents SET attributes = json_set(attributes, '$.name', '[b]Bærum[/b] [x]')"
        )

    async def run() -> dict:
        app = make_app(project, "kari", suggestions=False)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            labels = {
                name: str(app.screen.query_one(f"#{name}", Label).render())
                for name in ("question-text", "respondent", "chapter")
            }
            labels["memo"] = str(app.screen.query_one(CodeChips).render())  # the memo shows with its segment
            await pilot.press("ctrl+q")
        return labels

    labels = asyncio.run(run())
    assert "[link=file:///etc/passwd]Hva [b]mener[/b] dere?[/link] ␛]0;TITLE␇" in labels["question-text"]
    assert "Ring [/] Kari [sic] [x] [kommunen] [@click=app.quit]klikk[/]" in labels["memo"]
    assert "[b]Bærum[/b] [x]" in labels["respondent"]
    assert "[b]Kapittel[/b]" in labels["chapter"]


@pytest.mark.parametrize("title", ["Codebook", "Chart", "Adjudication", "Review", "Anonymisation", "Export"])
def test_every_screen_opens_on_hostile_data_without_a_crash(project, title):
    import asyncio

    from workbench.tui import SCREEN_COMMANDS, make_app

    assert (
        main(
            [
                "code",
                str(project),
                "--answer",
                "1",
                "--code",
                "Tema > [b]Ola[/b] \033]0;T\007",
                "--coder",
                "ola",
            ]
        )
        == 0
    )
    screen_class = next(c.screen_class for c in SCREEN_COMMANDS if c.title == title)

    async def run() -> tuple[bool, str]:
        app = make_app(project, "kari", suggestions=False)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            app.open_screen(screen_class)
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            shown = type(app.screen).__name__
            running = app.is_running
            await pilot.press("ctrl+q")
        return running, shown

    running, shown = asyncio.run(run())
    assert running and shown == screen_class.__name__


def test_the_answer_table_shows_hostile_answers_as_text(project):
    import asyncio

    from textual.widgets import DataTable

    from workbench.tui import make_app

    async def run() -> list[str]:
        app = make_app(project, "kari", suggestions=False)
        async with app.run_test(size=(160, 36)) as pilot:
            await pilot.pause()
            await pilot.press("ctrl+t")
            await pilot.pause()
            table = app.screen.query_one(DataTable)
            cells = [str(table.get_row_at(row)[3]) for row in range(table.row_count)]
            await pilot.press("ctrl+q")
        return cells

    cells = " ".join(asyncio.run(run()))
    assert_inert(cells)
    assert "␛]0;PWNED" in cells and "[@click=app.quit]" in cells.replace("\\[", "[")

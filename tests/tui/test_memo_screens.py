"""Memos on the screen: the editor on answers, codes and the project, and the memo list."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input, Static, TextArea

from workbench import coding
from workbench.coding.memos import MemoTarget, memo_text, save_memo
from workbench.screens.codebook import CodebookScreen
from workbench.screens.memo_editor import MemoEditor, ProjectMemoEditor
from workbench.screens.memos import MemoListScreen
from workbench.widgets.code_chips import CodeChips

pytestmark = pytest.mark.anyio

HOSTILE = "Se [bold]her[/] \x1b]0;tittel\x07=SUM(A1)"


def _plain(widget) -> str:
    return str(widget.render())


async def test_the_answer_memo_has_several_lines_shows_under_the_answer_and_undoes(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        answer = app.screen.answer_id
        await pilot.press("escape", "M")
        await pilot.pause()
        assert isinstance(app.screen, MemoEditor) and "whole answer" in app.screen.title_text
        await pilot.press(*"Første linje", "enter", *"Andre linje", "ctrl+s")
        await pilot.pause()
        target = MemoTarget("answer", answer)
        assert memo_text(app.store, target, "ola") == "Første linje\nAndre linje"
        assert "answer: Første linje …" in _plain(app.screen.query_one(CodeChips))
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert memo_text(app.store, target, "ola") == ""
        assert "answer:" not in _plain(app.screen.query_one(CodeChips))


async def test_escape_in_the_editor_keeps_the_memo_as_it_was(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("escape", "m", *"kladd", "escape")
        await pilot.pause()
        assert app.store.scalar("SELECT COUNT(*) FROM memos") == 0


async def test_a_code_memo_from_the_codebook_is_saved_and_undone_there(make_app):
    app = make_app()
    code = coding.create_code(app.store, "Ventetid", "ola").id
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, CodebookScreen)
        await pilot.press("M", *"Bare kommunale", "ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert memo_text(app.store, MemoTarget("code", code), "ola") == "Bare kommunale"
        assert "your memo (M): Bare kommunale" in _plain(app.screen.query_one("#codebook-definition"))
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert memo_text(app.store, MemoTarget("code", code), "ola") == ""


async def test_the_project_memo_opens_from_the_palette_with_the_saved_text(make_app):
    app = make_app()
    save_memo(app.store, MemoTarget.project(), "ola", HOSTILE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.open_screen(ProjectMemoEditor)
        await pilot.pause()
        area = app.screen.query_one(TextArea)
        assert area.text == "Se [bold]her[/] ␛]0;tittel␇=SUM(A1)"  # controls shown, never sent
        area.text = "Metoden: to kodere"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert memo_text(app.store, MemoTarget.project(), "ola") == "Metoden: to kodere"
        assert not isinstance(app.screen, MemoEditor)


def _seed(store) -> dict:
    answers = [
        row["id"] for row in store.rows("SELECT id FROM answers WHERE question_id = 'q01' ORDER BY id")
    ]
    code = coding.create_code(store, "Ventetid", "ola").id
    segment = coding.segments_of_answer(store, answers[1])[0].id
    save_memo(store, segment, "ola", "Segmentet\nmed to linjer")
    save_memo(store, MemoTarget("answer", answers[3]), "kari", "Karis svar " + HOSTILE)
    save_memo(store, MemoTarget("code", code), "kari", "Karis kode")
    save_memo(store, MemoTarget.project(), "ola", "Olas prosjekt")
    return {"answers": answers, "code": code}


def _rows(screen) -> list[list[str]]:
    table = screen.query_one(DataTable)
    return [[str(cell) for cell in table.get_row_at(index)] for index in range(table.row_count)]


async def test_the_memo_list_is_newest_first_filters_as_you_type_and_opens_answers(make_app):
    app = make_app()
    seeded = _seed(app.store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.open_screen(MemoListScreen)
        await pilot.pause()
        screen = app.screen
        assert [row[1:3] for row in _rows(screen)] == [
            ["ola", "Project"],
            ["kari", "Code Ventetid"],
            ["kari", "q01 · 4601"],
            ["ola", "q01 · 1103 ¶1"],
        ]
        assert _rows(screen)[2][3].startswith("Karis svar Se [bold]her[/] ␛]0;")
        assert screen.query_one(DataTable).region.right <= 80
        await pilot.press(*"kari svar")
        await pilot.pause()
        assert [row[2] for row in _rows(screen)] == ["q01 · 4601"]
        assert "Karis svar" in _plain(screen.query_one("#memo-preview", Static))
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.answer_id == seeded["answers"][3]


async def test_enter_on_a_code_memo_of_another_coder_shows_it_read_only(make_app):
    app = make_app()
    _seed(app.store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.open_screen(MemoListScreen)
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MemoEditor) and app.screen.read_only
        await pilot.press(*"endret", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MemoListScreen)
        assert app.store.scalar("SELECT COUNT(*) FROM memos WHERE coder = 'ola' AND target = 'code'") == 0


async def test_ctrl_e_edits_the_coders_own_memo_and_ctrl_z_takes_it_back(make_app):
    app = make_app()
    _seed(app.store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.open_screen(MemoListScreen)
        await pilot.pause()
        await pilot.press(*"olas", "ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, MemoEditor) and not app.screen.read_only
        app.screen.query_one(TextArea).text = "Olas nye prosjektnotat"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert memo_text(app.store, MemoTarget.project(), "ola") == "Olas nye prosjektnotat"
        assert app.screen.query_one(Input).value == "olas"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert memo_text(app.store, MemoTarget.project(), "ola") == "Olas prosjekt"
        await pilot.press("escape")
        assert app.screen.query_one(Input).value == ""
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, MemoListScreen)


async def test_a_blind_coder_sees_only_their_own_memos(make_app):
    app = make_app(blind=True)
    _seed(app.store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.open_screen(MemoListScreen)
        await pilot.pause()
        assert {row[1] for row in _rows(app.screen)} == {"ola"}
        assert len(_rows(app.screen)) == 2
        assert "yours only (blind)" in _plain(app.screen.query_one("#memos-title"))


async def test_a_blind_coder_exports_only_their_own_memos(make_app, tmp_path, monkeypatch):
    from textual.widgets import RadioSet

    from workbench.screens.export import ExportScreen

    monkeypatch.chdir(tmp_path)
    app = make_app(blind=True)
    _seed(app.store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        app.push_screen(ExportScreen("q01"))
        await pilot.pause()
        radio = app.screen.query_one(RadioSet)
        next(button for button in radio.query("RadioButton") if button.name == "memos").value = True
        await pilot.press("ctrl+e")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Written to" in _plain(app.screen.query_one("#export-result"))
    written = next(tmp_path.glob("exports/*/memos.csv")).read_text(encoding="utf-8-sig")
    assert "Olas prosjekt" in written and "Karis" not in written

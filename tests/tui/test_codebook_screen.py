"""Reshaping the codebook by keyboard: rename, define, new theme, cut and paste, retire, split."""

from __future__ import annotations

import pytest
from textual.widgets import Tree

from workbench import coding
from workbench.coding import Codebook
from workbench.store import answers as answer_rows
from workbench.store import codings as coding_rows

pytestmark = pytest.mark.anyio


def paths(store) -> list[str]:
    return [code["path"] for code in Codebook.from_store(store).live_rows()]


def select(app, code_id: str) -> None:
    tree = app.screen.query_one(Tree)
    stack = list(tree.root.children)
    while stack:
        node = stack.pop()
        if node.data == code_id:
            tree.move_cursor(node)
            return
        stack.extend(node.children)


async def test_rename_define_theme_move_and_retire(make_app):
    app = make_app()
    store = app.store
    meetings = coding.create_code(store, "Faste møter", "ola").id
    waiting = coding.create_code(store, "Ventetid", "ola").id
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+o")
        await pilot.pause()
        select(app, meetings)
        await pilot.press("r", *["backspace"] * 20, *"Faste møtepunkter", "enter")
        await pilot.press("d", *"Jevnlige møter", "enter")
        await pilot.press("n", *"Samarbeid", "enter")
        await pilot.pause()
        select(app, meetings)
        await pilot.press("x")
        theme = next(c["id"] for c in Codebook.from_store(store).live_rows() if c["name"] == "Samarbeid")
        select(app, theme)
        await pilot.press("p")
        await pilot.pause()
        select(app, waiting)
        await pilot.press("delete", "y")
        await pilot.pause()
        assert paths(store) == ["Samarbeid", "Samarbeid > Faste møtepunkter"]
        definitions = {c["name"]: c["definition"] for c in Codebook.from_store(store).live_rows()}
        assert definitions["Faste møtepunkter"] == "Jevnlige møter"


async def test_split_a_code_by_marking_answers(make_app):
    app = make_app()
    store = app.store
    broad = coding.create_code(store, "Samarbeid", "ola").id
    answers = answer_rows.answer_ids(store, "q01", 2024)[:3]
    for answer_id in answers:
        segment = coding_rows.segments_with_codes(store, answer_id)[0]
        coding.apply_codes(store, segment["id"], [broad], "ola")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+o")
        await pilot.pause()
        select(app, broad)
        await pilot.press("s", *"Samarbeid med DPS", "enter")
        await pilot.pause()
        await pilot.press("space", "enter")
        await pilot.pause()
        names = [
            [row["name"] for row in coding_rows.segments_with_codes(store, a)[0]["codings"]] for a in answers
        ]
        assert names == [["Samarbeid med DPS"], ["Samarbeid"], ["Samarbeid"]]


async def test_a_lead_in_is_written_in_the_codebook_and_undone_by_ctrl_z(make_app):
    app = make_app()
    store = app.store
    theme = coding.create_code(store, "Samarbeid", "ola", is_theme=True).id
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+o")
        await pilot.pause()
        select(app, theme)
        await pilot.press("l", *"Mange trekker fram samarbeid:", "enter")
        await pilot.pause()
        assert Codebook.from_store(store).code(theme).lead_in == "Mange trekker fram samarbeid:"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert Codebook.from_store(store).code(theme).lead_in == ""

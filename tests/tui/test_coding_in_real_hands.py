"""What a new user hit on the coding screen (issue 12), each reproduced through the keyboard."""

from __future__ import annotations

import threading

import pytest
from textual.widgets import Label

from workbench import coding
from workbench.coding.codebook_tree import Codebook
from workbench.screens.memos import MemoListScreen
from workbench.screens.question_choice import QuestionChoiceDialog
from workbench.settings import Settings
from workbench.store import answers as answer_rows
from workbench.store import codings as coding_rows
from workbench.widgets.answer_view import AnswerView
from workbench.widgets.code_picker import CodePicker, FilterInput
from workbench.widgets.suggestion_list import PENDING, SuggestionList

pytestmark = pytest.mark.anyio


def codes_on(store, answer_id: int) -> list[str]:
    return [
        row["name"]
        for segment in coding_rows.segments_with_codes(store, answer_id)
        for row in segment["codings"]
    ]


class Suggested:
    def __init__(self, code_id: str, score: float) -> None:
        self.code_id, self.score, self.evidence = code_id, score, ()


class PerAnswerSuggester:
    """Suggests a different first code on each answer; each call waits until released."""

    def __init__(self, code_ids: list[str]) -> None:
        self.code_ids = code_ids
        self.release = threading.Event()
        self.release.set()

    def fit(self, on_progress=None):
        return self

    def suggest(self, answer_id: int, top: int = 5):
        self.release.wait(5)
        turn = answer_id % len(self.code_ids)
        ordered = self.code_ids[turn:] + self.code_ids[:turn]
        return [Suggested(code_id, 0.5) for code_id in ordered]  # all tied


async def suggestions_shown(app, pilot) -> None:
    for _ in range(3):
        await pilot.pause()
        await app.workers.wait_for_complete()
    await pilot.pause()


@pytest.fixture
def fast_suggestions(monkeypatch):
    monkeypatch.setattr("workbench.screens.coding.FIT_DELAY_SECONDS", 0.001)
    monkeypatch.setattr("workbench.screens.coding.SUGGEST_DELAY_SECONDS", 0.001)


async def test_tab_in_the_picker_then_moving_focus_does_not_crash(make_app):
    app = make_app()
    coding.create_code(app.store, "Samarbeid", "ola", is_theme=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("tab", "escape", "i", "escape", "i")
        await pilot.pause()
        assert isinstance(app.focused, FilterInput)
        await pilot.press("tab", "ctrl+o", "escape", "escape", "shift+tab", "down", "enter")
        await pilot.pause()
        assert app.return_code is None and app.screen.question_id in {"q01", "q02"}


async def test_a_digit_never_applies_the_previous_answers_suggestion(make_app, fast_suggestions):
    app = make_app()
    code_ids = [coding.create_code(app.store, name, "ola").id for name in ("A", "B", "C")]
    suggester = PerAnswerSuggester(code_ids)
    app.suggester = suggester
    async with app.run_test(size=(120, 36)) as pilot:
        await suggestions_shown(app, pilot)
        screen = app.screen
        suggestion_list = screen.query_one(SuggestionList)
        assert suggestion_list.suggestions.answer_id == screen.answer_id
        suggester.release.clear()  # the next list takes its time
        await pilot.press("pagedown")
        second = screen.answer_id
        assert str(suggestion_list.render()) == PENDING
        await pilot.press("1")
        await pilot.pause()
        assert codes_on(app.store, second) == []
        suggester.release.set()
        await suggestions_shown(app, pilot)
        assert suggestion_list.suggestions.answer_id == second
        await pilot.press("1")
        await pilot.pause()
        first_listed = suggestion_list.suggestions.rows[0].path
        assert codes_on(app.store, second) == [first_listed]


async def test_fast_digits_all_apply_in_order_and_keep_their_numbers(make_app, fast_suggestions):
    app = make_app()
    code_ids = [coding.create_code(app.store, name, "ola").id for name in ("A", "B", "C", "D")]
    app.suggester = PerAnswerSuggester(code_ids)
    async with app.run_test(size=(120, 36)) as pilot:
        await suggestions_shown(app, pilot)
        listed = [row.path for row in app.screen.query_one(SuggestionList).suggestions.rows]
        await pilot.press("1", "2", "3", "4")
        await pilot.pause()
        assert codes_on(app.store, app.screen.answer_id) == listed
        assert [row.path for row in app.screen.query_one(SuggestionList).suggestions.rows] == listed
        shown = str(app.screen.query_one(SuggestionList).render())
        assert all(f"{number}✓" in shown for number in range(1, 5))
        events = app.store.scalar("SELECT COUNT(*) FROM events WHERE kind = 'coding.apply'")
        assert events == 4


async def test_go_to_any_question_in_two_keys(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape", "g")
        await pilot.pause()
        assert isinstance(app.screen, QuestionChoiceDialog)
        await pilot.press(*"pandemi", "enter")
        await pilot.pause()
        assert app.screen.question_id == "q02"
        assert isinstance(app.focused, FilterInput)


async def test_the_question_chooser_is_in_the_palette(make_app):
    from workbench.screens.key_list import key_rows

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        described = {row.description for row in key_rows(app, app.screen)}
        assert "Go to question" in described


async def test_the_last_question_and_answer_are_restored(project_path, tmp_path):
    from workbench.store import Store
    from workbench.tui import WorkbenchApp

    settings_file = tmp_path / "settings.json"
    store = Store(project_path)
    coding.ensure_coder(store, "ola")
    app = WorkbenchApp(store, None, Settings(), coder="ola", settings_file=settings_file)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        app.screen.go_to_question("q02")
        await pilot.press("pagedown")
        await pilot.pause()
        place = (app.screen.question_id, app.screen.answer_id)
    from workbench.settings import load_settings

    again = WorkbenchApp(store, None, load_settings(settings_file), coder="ola")
    async with again.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert (again.screen.question_id, again.screen.answer_id) == place
    other = WorkbenchApp(store, None, load_settings(settings_file), coder="kari")
    async with other.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert other.screen.question_id == "q01"
    store.close()


async def test_current_questions_codes_come_first_in_the_picker(make_app):
    app = make_app()
    store = app.store
    elsewhere = coding.create_code(store, "Fungerer godt", "ola").id
    here = coding.create_code(store, "Fungerer dårlig", "ola").id
    q01 = answer_rows.answer_ids(store, "q01", 2024)[0]
    q02 = answer_rows.answer_ids(store, "q02", 2024)[0]
    for answer, code in ((q01, here), (q02, elsewhere)):
        segment = coding_rows.segments_with_codes(store, answer)[0]
        coding.apply_codes(store, segment["id"], [code], "ola")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press(*"fungerer")
        await pilot.pause()
        options = app.screen.query_one(CodePicker).query_one("#picker-matches")
        assert options.get_option_at_index(0).id == here
        assert options.get_option_at_index(1).id == elsewhere


async def test_split_by_sentence_in_two_keys(make_app):
    app = make_app()
    code_id = coding.create_code(app.store, "Godt samarbeid", "ola").id
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("pagedown")  # "Samarbeidet fungerer godt. Men vi mangler psykologer."
        screen = app.screen
        coding.apply_codes(app.store, screen.session.segment.id, [code_id], "ola")
        screen.returned(None)
        await pilot.press("escape", "s")
        await pilot.pause()
        assert screen.query_one(AnswerView).proposed_cuts == (27,)
        await pilot.press("s")
        await pilot.pause()
        first, second = coding_rows.segments_with_codes(app.store, screen.answer_id, "ola")
        assert [row["name"] for row in first["codings"]] == ["Godt samarbeid"]
        assert second["codings"] == []
        assert screen.session.segment.id == second["id"]  # the uncoded part comes next
        assert "▶ ¶2" in str(screen.query_one("#chips").render())


async def test_removing_a_code_names_the_segment(make_app):
    app = make_app()
    a, b = (coding.create_code(app.store, name, "ola").id for name in ("A", "B"))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        segment = app.screen.session.segment.id
        coding.apply_codes(app.store, segment, [a, b], "ola")
        app.screen.returned(None)
        await pilot.press("escape", "x")
        await pilot.pause()
        assert "segment ¶1" in str(app.screen.query_one(".dialog-title", Label).render())


async def test_undo_and_redo_say_which(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press(*"Ventetid", "enter", "escape", "ctrl+z")  # escape: no definition
        await pilot.pause()
        assert codes_on(app.store, app.screen.answer_id) == []
        assert Codebook.from_store(app.store).live_rows() == []  # the created code went too
        await pilot.press("ctrl+r")
        await pilot.pause()
        messages = [notification.message for notification in app._notifications]
        assert "Undone: apply codes." in messages and "Redone: apply codes." in messages


async def test_a_multi_line_memo_and_the_memo_list(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("escape", "m")
        await pilot.pause()
        await pilot.press(*"Første linje", "enter", *"Andre linje", "ctrl+s")
        await pilot.pause()
        memo = app.store.scalar("SELECT text FROM memos")
        assert memo == "Første linje\nAndre linje"
        answer = app.screen.answer_id
        await pilot.press("pagedown")
        app.open_screen(MemoListScreen)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.answer_id == answer


async def test_every_coding_label_fits_at_80_by_24(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        for widget in screen.query("#answer-pane Label, #question-text, #respondent, #answer-position"):
            assert widget.region.width > 0 or not widget.display
        assert screen.query_one(AnswerView).region.height >= 3


async def test_a_crash_writes_a_log_and_exits_non_zero(make_app, tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_CONFIG_DIR", str(tmp_path / "crash-config"))
    app = make_app()

    def boom() -> None:
        raise RuntimeError("deliberate")

    with pytest.raises(RuntimeError, match="deliberate"):
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            app.call_later(boom)
            await pilot.pause()
    assert app.return_code == 1
    assert app.crash_log is not None and "deliberate" in app.crash_log.read_text()


async def test_the_answer_table_shows_the_answers_and_honours_the_search(make_app):
    from textual.widgets import DataTable

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("escape", "slash")
        await pilot.pause()
        await pilot.press(*"fastleg", "enter")
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert table.row_count == 3  # the search's answers only
        assert table.columns["answer"].width >= 60
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press("ctrl+u", *"psykolog", "enter")
        await pilot.pause()
        assert table.row_count == 1
        assert "search psykolog" in str(app.screen.query_one("#table-title", Label).render())


async def test_the_chart_counts_over_coded_answers_grouped_by_theme(make_app):
    from textual_plotext import PlotextPlot

    app = make_app()
    store = app.store
    theme = coding.create_code(store, "Samarbeid", "ola", is_theme=True).id
    good = coding.create_code(store, "Godt", "ola", parent_id=theme).id
    other = coding.create_code(store, "Annet", "ola").id
    for answer, code in zip(answer_rows.answer_ids(store, "q01", 2024)[:3], (good, good, other), strict=True):
        segment = coding_rows.segments_with_codes(store, answer)[0]
        coding.apply_codes(store, segment["id"], [code], "ola")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+g")
        await pilot.pause()
        title = str(app.screen.query_one("#chart-title", Label).render())
        assert "base: 3 coded (of 6 who answered)" in title
        assert [label for label, _n in app.screen._by_theme()] == ["Samarbeid > Godt", "Annet"]
        assert app.screen.query_one(PlotextPlot)


async def test_the_codebook_keeps_its_cursor_and_undoes(make_app):
    from textual.widgets import Tree

    app = make_app()
    for name in ("A", "B", "C"):
        coding.create_code(app.store, name, "ola")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.press("down", "down", "r")
        await pilot.pause()
        await pilot.press("ctrl+u", *"Cc", "enter")
        await pilot.pause()
        tree = app.screen.query_one(Tree)
        assert str(tree.cursor_node.label).startswith("Cc")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "C" in [code["name"] for code in Codebook.from_store(app.store).live_rows()]
        assert str(tree.cursor_node.label).startswith("C ")


async def test_export_ticks_differ_in_shape(make_app):
    from workbench.screens.export import ExportScreen
    from workbench.widgets.tick_box import TickBox

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(ExportScreen("q01"))
        await pilot.pause()
        box = app.screen.query_one("#export-draft", TickBox)
        assert "✓" not in str(box.render())
        box.value = True
        assert "✓" in str(box.render())


async def test_the_codebook_filters_by_question(make_app):
    from textual.widgets import Tree

    app = make_app()
    store = app.store
    here = coding.create_code(store, "Brukt i q01", "ola").id
    coding.create_code(store, "Ubrukt", "ola")
    segment = coding_rows.segments_with_codes(store, answer_rows.answer_ids(store, "q01", 2024)[0])[0]
    coding.apply_codes(store, segment["id"], [here], "ola")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        tree = app.screen.query_one(Tree)
        assert len(tree.root.children) == 2
        await pilot.press("q", *"q01", "enter")
        await pilot.pause()
        assert [node.data for node in tree.root.children] == [here]
        await pilot.press("q", "escape")
        await pilot.pause()
        assert len(tree.root.children) == 2

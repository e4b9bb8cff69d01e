"""The coding screen at 80×24, 120×36 and 60×20: one line per suggestion, only the wave's
questions, and the answer, chips and suggestions in sight even with a long memo."""

from __future__ import annotations

import pytest
from textual.geometry import Region

from workbench import coding
from workbench.ingest import import_survey
from workbench.screens.question_choice import QuestionChoiceDialog
from workbench.widgets.answer_view import AnswerView
from workbench.widgets.code_chips import CodeChips
from workbench.widgets.question_list import QuestionList
from workbench.widgets.suggestion_list import SuggestionList

pytestmark = pytest.mark.anyio

THEME = "Tilgjengelighet og samarbeid med spesialisthelsetjenesten"
NAMES = ("Lang svartid fra DPS", "[b]Faste møter[/b] med fastlegene", "Kort")


class Suggested:
    def __init__(self, code_id: str, score: float, evidence=()) -> None:
        self.code_id, self.score, self.evidence = code_id, score, evidence


class Quote:
    def __init__(self, text: str, similarity: float) -> None:
        self.text, self.similarity = text, similarity


class LongPathSuggester:
    """Suggests the long-path codes, with a long quote as evidence."""

    def __init__(self, code_ids: list[str]) -> None:
        self.code_ids = code_ids

    def fit(self, on_progress=None):
        return self

    def suggest(self, answer_id: int, top: int = 5):
        quote = "Vi venter altfor lenge på svar fra DPS, og fastlegene deltar sjelden i møtene våre. " * 2
        return [Suggested(code_id, 0.48, (Quote(quote, 0.9),)) for code_id in self.code_ids]


def lines_of(widget) -> list[str]:
    """The widget's painted lines, padding and trailing blanks stripped."""
    strips = widget.render_lines(Region(0, 0, widget.region.width, widget.region.height))
    return [strip.text.strip() for strip in strips if strip.text.strip()]


@pytest.fixture
def fast_suggestions(monkeypatch):
    monkeypatch.setattr("workbench.screens.coding.FIT_DELAY_SECONDS", 0.001)


async def shown(app, pilot) -> None:
    for _ in range(3):
        await pilot.pause()
        await app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_each_suggestion_stays_on_one_line(make_app, fast_suggestions, size):
    app = make_app()
    theme = coding.create_code(app.store, THEME, "ola", is_theme=True).id
    code_ids = [coding.create_code(app.store, name, "ola", parent_id=theme).id for name in NAMES]
    app.suggester = LongPathSuggester(code_ids)
    async with app.run_test(size=size) as pilot:
        await shown(app, pilot)
        suggestion_list = app.screen.query_one(SuggestionList)
        rows = lines_of(suggestion_list)
        numbered = [row for row in rows if row[:1].isdigit()]
        assert len(numbered) == 3, rows
        assert all(row.endswith("0.48") for row in numbered), rows
        assert "Lang svartid fra DPS" in numbered[0]  # the name whole, the theme cut or gone
        assert numbered[2].startswith("3 Tilgjengelighet") and "… > Kort" in numbered[2]
        assert "[b]Faste møter[/b]" in numbered[1]  # data shown as text, never as markup
        await pilot.press("escape", "e")
        await pilot.pause()
        with_evidence = lines_of(suggestion_list)
        assert sum(row[:1].isdigit() for row in with_evidence) == 3
        quotes = [row for row in with_evidence if row.startswith("“")]
        assert quotes and all(row.endswith("…") for row in quotes)


async def test_questions_not_asked_in_the_wave_are_not_offered(make_app, tmp_path):
    app = make_app()
    survey = tmp_path / "later.csv"
    survey.write_text("respondent_id;q01\n0301;Bedre samarbeid nå.\n", encoding="utf-8")
    questions = tmp_path / "later.yaml"
    questions.write_text("- id: q01\n  text: Samarbeidet nå?\n  kind: open\n", encoding="utf-8")
    import_survey(app.store, survey, layout="wide", wave=2025, questions_file=questions)
    app.wave = 2025
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert [option.id for option in screen.query_one(QuestionList).options] == ["q01"]
        await pilot.press("escape", "g")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, QuestionChoiceDialog)
        assert [question["id"] for question in dialog.questions] == ["q01"]


async def test_a_long_memo_leaves_the_chips_and_suggestions_in_sight(make_app):
    app = make_app()
    code_id = coding.create_code(app.store, "Faste møter", "ola").id
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        screen = app.screen
        coding.apply_codes(app.store, screen.session.segment.id, [code_id], "ola")
        memo = "Ring kommunen om dette. " * 12
        screen.session.save_memo(memo)
        screen.returned(None)
        await pilot.pause()
        chips = screen.query_one(CodeChips)
        text = "\n".join(lines_of(chips))
        assert "Faste møter" in text and "Memo" in text
        assert (
            chips.region.height >= 2 and chips.region.bottom <= screen.query_one("#answer-pane").region.bottom
        )
        assert screen.query_one(AnswerView).region.height >= 3
        assert screen.query_one(SuggestionList).region.height >= 3


async def test_a_respondent_line_that_needs_two_lines_gets_them(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        label = screen.query_one("#respondent")
        assert label.size.height == 1
        long_name = "Bydel St. Hanshaugen og omegn med et svært langt navn"
        screen.session.detail = {**screen.session.detail, "attributes": {"name": long_name, "county": "Oslo"}}
        screen.show_answer()
        await pilot.pause()
        assert label.size.height == 2 and "Oslo" in str(label.render())


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_each_picker_row_stays_on_one_line(make_app, size):
    app = make_app()
    theme = coding.create_code(app.store, THEME, "ola", is_theme=True).id
    for name in NAMES:
        coding.create_code(app.store, name, "ola", parent_id=theme)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        option_list = app.screen.query_one("#picker-matches")
        rows = [option.prompt.plain for option in option_list.options]
        assert all(len(row) <= option_list.scrollable_content_region.width for row in rows), rows
        assert any(row.endswith(" > Lang svartid fra DPS") for row in rows), rows


async def test_the_status_line_ends_with_saved_at_80_columns(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        status = app.screen.query_one("#status")
        assert lines_of(status)[0].startswith("auto-next") and lines_of(status)[0].endswith("● saved")


async def test_a_chip_that_does_not_fit_starts_a_line_of_its_own(make_app):
    app = make_app()
    theme = coding.create_code(app.store, "Bemanning", "ola", is_theme=True).id
    first = coding.create_code(app.store, "Tilskudd borte", "ola", parent_id=theme).id
    second = coding.create_code(app.store, "Stillinger ikke videreført", "ola", parent_id=theme).id
    longest = coding.create_code(app.store, "Lavterskeltilbud lagt ned etter at midlene falt bort", "ola").id
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        coding.apply_codes(app.store, screen.session.segment.id, [first, second, longest], "ola")
        screen.returned(None)
        await pilot.pause()
        rows = lines_of(screen.query_one(CodeChips))
        assert len(rows) == 3, rows  # each chip on a line of its own, one too long shortened
        assert any("Lavterskeltilbud lagt ned" in row and row.endswith("…") for row in rows), rows
        for chip in ("Bemanning > Tilskudd borte", "Bemanning > Stillinger ikke videreført"):
            assert any(row.endswith(chip) for row in rows), rows

"""The sentence hint under the suggestions and its key: split here and code, one undo step."""

from __future__ import annotations

import pytest

from workbench import coding
from workbench.store import codings as coding_rows
from workbench.suggest.results import SentencePart, Suggestion
from workbench.widgets.sentence_hint import SentenceHint

pytestmark = pytest.mark.anyio

TEXT = "Samarbeidet fungerer godt. Men vi mangler psykologer."
SECOND = TEXT.index("Men")


class PartSuggester:
    """Suggests "Godt samarbeid" for the answer and "[red]Psykologer" for its second sentence."""

    def __init__(self, codes: dict[str, str], long_answer: int) -> None:
        self.codes, self.long_answer = codes, long_answer

    def fit(self, on_progress=None):
        return self

    def suggest(self, answer_id: int, top: int = 5):
        part = SentencePart(2, SECOND, len(TEXT)) if answer_id == self.long_answer else None
        return [
            Suggestion(self.codes["Godt samarbeid"], "Godt samarbeid", "Godt samarbeid", 0.8, ()),
            Suggestion(self.codes["[red]Psykologer"], "[red]Psykologer", "[red]Psykologer", 0.5, (), part),
        ]


def segments(store, answer_id):
    """The answer as make_app's coder, ola, has segmented and coded it."""
    return [
        (TEXT[s["start"] : s["end"]], [row["name"] for row in s["codings"]])
        for s in coding_rows.segments_with_codes(store, answer_id, "ola")
    ]


async def test_split_here_and_code_from_the_hint(make_app, monkeypatch):
    monkeypatch.setattr("workbench.screens.coding.FIT_DELAY_SECONDS", 0.001)
    monkeypatch.setattr("workbench.screens.coding.SUGGEST_DELAY_SECONDS", 0.001)
    app = make_app()
    codes = {
        name: coding.create_code(app.store, name, "ola").id for name in ("Godt samarbeid", "[red]Psykologer")
    }
    long_answer = app.store.scalar("SELECT id FROM answers WHERE text = ?", (TEXT,))
    app.suggester = PartSuggester(codes, long_answer)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        hint = app.screen.query_one(SentenceHint)
        assert not hint.display  # the first answer has one sentence: no hint
        await pilot.press("ctrl+s")
        assert segments(app.store, app.screen.answer_id)[0][1] == []
        app.screen.go_to_question("q01", long_answer)
        for _step in ("suggest", "draw"):
            await pilot.pause(0.05)
            await app.workers.wait_for_complete()
        assert hint.display and "sentence 2 → [red]Psykologer" in str(hint.render())
        await pilot.press("1")  # the whole answer: Godt samarbeid
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert segments(app.store, long_answer) == [
            ("Samarbeidet fungerer godt. ", ["Godt samarbeid"]),
            ("Men vi mangler psykologer.", ["[red]Psykologer"]),
        ]
        assert not hint.display  # that part now carries its code
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert segments(app.store, long_answer) == [(TEXT, ["Godt samarbeid"])]
        assert hint.display


async def test_the_evidence_screen_highlights_the_part_of_the_highlighted_code(make_app):
    from textual.widgets import OptionList, Static

    from workbench.screens.evidence import EvidenceScreen

    app = make_app()
    long_answer = app.store.scalar("SELECT id FROM answers WHERE text = ?", (TEXT,))
    found = PartSuggester({"Godt samarbeid": "c1", "[red]Psykologer": "c2"}, long_answer).suggest(long_answer)
    async with app.run_test(size=(120, 36)) as pilot:
        await app.push_screen(EvidenceScreen(long_answer, tuple(found)))
        await pilot.pause()
        shown = app.screen.query_one("#evidence-answer", Static)
        assert [span for span in shown.content.spans if span.style == "reverse"] == []
        app.screen.query_one(OptionList).highlighted = 1
        await pilot.pause()
        (span,) = [span for span in shown.content.spans if span.style == "reverse"]
        assert shown.content.plain[span.start : span.end] == "Men vi mangler psykologer."
        assert "from sentence 2 on" in str(app.screen.query_one(OptionList).get_option_at_index(1).prompt)

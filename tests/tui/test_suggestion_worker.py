"""The suggestion worker: one call at a time, only the latest answer, new codings taken in
right after a change."""

from __future__ import annotations

import threading

import pytest

from workbench import coding
from workbench.widgets.suggestion_list import SuggestionList

pytestmark = pytest.mark.anyio


class RecordingSuggester:
    """Records its calls; ``suggest`` waits until released."""

    def __init__(self) -> None:
        self.calls: list[object] = []
        self.release = threading.Event()
        self.release.set()

    def fit(self, on_progress=None):
        return self

    def learn(self) -> None:
        self.calls.append("learn")

    def suggest(self, answer_id: int, top: int = 5):
        self.release.wait(5)
        self.calls.append(answer_id)
        return []


async def settle(app, pilot) -> None:
    for _ in range(3):
        await pilot.pause()
        await app.workers.wait_for_complete()
    await pilot.pause()


async def test_only_the_latest_answer_is_computed_while_busy(make_app, monkeypatch):
    monkeypatch.setattr("workbench.screens.coding.FIT_DELAY_SECONDS", 0.001)
    app = make_app()
    app.suggester = suggester = RecordingSuggester()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        answers = list(screen.answer_ids)
        assert suggester.calls == [answers[0]]
        suggester.release.clear()
        await pilot.press("pagedown")  # its list is being computed …
        await pilot.press("pagedown", "pagedown")  # … while the coder moves on twice
        suggester.release.set()
        await settle(app, pilot)
        assert suggester.calls == [answers[0], answers[1], answers[3]]
        assert screen.query_one(SuggestionList).suggestions.answer_id == answers[3]


async def test_new_codings_are_taken_in_before_the_next_list(make_app, monkeypatch):
    monkeypatch.setattr("workbench.screens.coding.FIT_DELAY_SECONDS", 0.001)
    app = make_app()
    coding.create_code(app.store, "Møter", "ola")
    app.suggester = suggester = RecordingSuggester()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        answers = list(app.screen.answer_ids)
        await pilot.press(*"møter", "enter")
        await settle(app, pilot)
        assert suggester.calls[-1] == "learn"  # at once, while the coder is still here
        await pilot.press("enter")
        await settle(app, pilot)
        assert suggester.calls == [answers[0], "learn", answers[1]]


class CurrentSuggester(RecordingSuggester):
    """Also answers at once while nothing new is to be learned."""

    def __init__(self) -> None:
        super().__init__()
        self.current = True
        self.at_once: list[int] = []

    def suggest_if_current(self, answer_id: int, top: int = 5):
        if not self.current:
            return None
        self.at_once.append(answer_id)
        return []


async def test_a_list_with_nothing_new_to_learn_comes_at_once(make_app, monkeypatch):
    monkeypatch.setattr("workbench.screens.coding.FIT_DELAY_SECONDS", 0.001)
    app = make_app()
    app.suggester = suggester = CurrentSuggester()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        answers = list(app.screen.answer_ids)
        await pilot.press("pagedown")
        await settle(app, pilot)
        assert suggester.at_once == [answers[0], answers[1]] and suggester.calls == []
        assert app.screen.query_one(SuggestionList).suggestions.answer_id == answers[1]
        suggester.current = False  # something new to learn: the worker computes it
        await pilot.press("pagedown")
        await settle(app, pilot)
        assert suggester.calls == [answers[2]]
        assert app.screen.query_one(SuggestionList).suggestions.answer_id == answers[2]

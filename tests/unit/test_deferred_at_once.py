"""``DeferredSuggester.suggest_if_current``: a list at once only while nothing is new."""

from __future__ import annotations

from tests.unit.coding_project import answer_id, build_project
from workbench import coding
from workbench.coding.codings import apply_codes
from workbench.store import codings as coding_rows
from workbench.suggest.deferred import DeferredSuggester
from workbench.suggest.service import Suggester

ANSWERS = {"q01": ["Gode møter med legene.", "Gode møter hver uke.", "Lang ventetid.", "Ventetid."]}


def segment_of(store, answer: int) -> str:
    return coding_rows.segments_with_codes(store, answer)[0]["id"]


def test_at_once_while_current_none_after_a_change(tmp_path):
    store = build_project(tmp_path / "p.db", ANSWERS)
    coding.ensure_coder(store, "ola")
    code = coding.create_code(store, "Møter", "ola").id
    apply_codes(store, segment_of(store, answer_id(store, "q01", 0)), [code], "ola")
    deferred = DeferredSuggester(tmp_path / "p.db", "ola")
    assert deferred.suggest_if_current(answer_id(store, "q01", 1)) is None  # not fitted yet
    deferred.store = store
    deferred._suggester = Suggester(store, coder="ola").fit()
    listed = deferred.suggest_if_current(answer_id(store, "q01", 1), top=3)
    assert [item.code_id for item in listed] == [code]
    apply_codes(store, segment_of(store, answer_id(store, "q01", 2)), [code], "ola")
    assert deferred.suggest_if_current(answer_id(store, "q01", 3)) is None  # new to learn
    deferred.learn()
    assert deferred.suggest_if_current(answer_id(store, "q01", 3)) is not None
    store.close()

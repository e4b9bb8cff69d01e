"""Never stale: a new coding, an undo or a second code reach the next suggestion at once; the
linear part is refitted in a background thread that no suggestion waits for."""

import threading

import numpy as np
from scipy import sparse
from test_suggest_support import CODER, SMALL_CORPUS, answer_id_of, build_project, code_answer, segment_of

from workbench import coding
from workbench.store import events as event_rows
from workbench.suggest import Suggester
from workbench.suggest import linear as linear_module
from workbench.suggest.changes import changed_segments
from workbench.suggest.suggester import CodeSuggester

NEW = "Fastlegene svarer aldri på telefon, helt umulig å nå dem."
LIKE_NEW = "Umulig å nå fastlegene på telefon."


def evidence_answers(suggestions) -> set[int]:
    return {item.answer_id for suggestion in suggestions for item in suggestion.evidence}


def test_after_undo_the_undone_coding_is_no_longer_evidence(tmp_path):
    answers = [(q, text) for q, text, _ in SMALL_CORPUS] + [("q1", NEW), ("q1", LIKE_NEW)]
    store = build_project(tmp_path, answers)
    for _, text, path in SMALL_CORPUS:
        code_answer(store, text, path)
    second = coding.code_for_path(store, "Telefon", CODER)
    suggester = Suggester(store, coder=CODER).fit()
    new, like_new = answer_id_of(store, NEW), answer_id_of(store, LIKE_NEW)
    assert new not in evidence_answers(suggester.suggest(like_new))
    code_answer(store, NEW, "Samarbeid > Dårlig samarbeid")
    assert new in evidence_answers(suggester.suggest(like_new))  # the new coding, at once
    coding.apply_codes(store, segment_of(store, new), [second], CODER)  # a second code
    assert new in evidence_answers(s for s in suggester.suggest(like_new) if s.code_id == second)
    coding.undo(store, CODER)
    found = suggester.suggest(like_new)
    assert new not in evidence_answers(s for s in found if s.code_id == second)
    assert new in evidence_answers(found)  # the first coding stays
    coding.undo(store, CODER)
    assert new not in evidence_answers(suggester.suggest(like_new))


def small_model():
    rows = sparse.csr_matrix(np.eye(4)[[0, 0, 1, 1, 2, 2, 3, 3, 0, 1, 2, 3]])
    labels = [("a",), ("a",), ("b",), ("b",), ("c",), ("c",), ("d",), ("d",)] * 1 + [
        ("a",),
        ("b",),
        ("c",),
        ("d",),
    ]
    return rows, labels


def test_a_deferred_linear_job_fits_from_a_copy_and_changes_nothing_until_installed():
    rows, labels = small_model()
    model = CodeSuggester(min_examples_for_linear=2, refit_every=1).fit(rows[:8], labels[:8], ["q"] * 8)
    before = model.linear_["q"]
    model.partial_fit(rows[8:], labels[8:], ["q"] * 4, refit_linear=False)
    assert model.linear_due_ == {"q"} and model.linear_["q"] is before
    job = model.linear_job()
    assert model.linear_due_ == set()
    model.forget([0])  # a change after the copy: due again, the job's result still installs
    assert model.linear_due_ == {"q"}
    result = job()
    assert model.linear_["q"] is before
    model.install_linear(result)
    inline = CodeSuggester(min_examples_for_linear=2, refit_every=1).fit(rows, labels, ["q"] * 12)
    assert np.allclose(model.linear_["q"].weights.toarray(), inline.linear_["q"].weights.toarray())


def test_a_suggestion_never_waits_for_the_linear_refit(tmp_path, monkeypatch):
    """An earlier coding taken back: its question's linear model is refitted in a thread."""
    store = build_project(tmp_path, [(q, text) for q, text, _ in SMALL_CORPUS] + [("q1", NEW)])
    for _, text, path in SMALL_CORPUS:
        code_answer(store, text, path)
    suggester = Suggester(store, coder=CODER, min_examples_for_linear=2, refit_every=1).fit()
    release, started = threading.Event(), threading.Event()
    real_fit = linear_module.fit_linear_scorer

    def slow_fit(*arguments):
        started.set()
        assert release.wait(10)
        return real_fit(*arguments)

    monkeypatch.setattr(linear_module, "fit_linear_scorer", slow_fit)
    monkeypatch.setattr("workbench.suggest.suggester.fit_linear_scorer", slow_fit)
    _, text, path = SMALL_CORPUS[0]
    coding.remove_codes(
        store, segment_of(store, answer_id_of(store, text)), [coding.code_for_path(store, path, CODER)], CODER
    )
    before = suggester.model_.linear_["q1"]
    assert suggester.suggest(answer_id_of(store, NEW))
    assert started.wait(10) and suggester.linear_refit_.is_alive()
    assert suggester.model_.linear_["q1"] is before  # the old model answers meanwhile
    release.set()
    suggester.linear_refit_.join(10)
    assert suggester.model_.linear_["q1"] is not before and not suggester.model_.linear_due_


def all_suggestions(suggester, store) -> list:
    return [suggester.suggest(answer_id_of(store, text), top=5) for _, text, _ in SMALL_CORPUS]


def test_changes_read_from_the_event_log_leave_the_suggester_as_a_fresh_fit(tmp_path):
    store = build_project(tmp_path, [(q, text) for q, text, _ in SMALL_CORPUS] + [("q1", NEW)])
    for _, text, path in SMALL_CORPUS[:-3]:
        code_answer(store, text, path)
    suggester = Suggester(store, coder=CODER).fit()
    seen = event_rows.last_event_seq(store)
    new_segment = segment_of(store, answer_id_of(store, NEW))
    code_answer(store, NEW, "Ny tema > Telefon")  # a new code created and applied
    code_answer(store, SMALL_CORPUS[-1][1], SMALL_CORPUS[-1][2])
    assert changed_segments(store, seen) == {
        new_segment,
        segment_of(store, answer_id_of(store, SMALL_CORPUS[-1][1])),
    }
    assert all_suggestions(suggester, store) == all_suggestions(Suggester(store, coder=CODER).fit(), store)
    coding.split_segment(store, new_segment, NEW.index("helt"), CODER)
    coding.rename_code(store, coding.code_for_path(store, "Ny tema > Telefon", CODER), "Mobil", CODER)
    assert all_suggestions(suggester, store) == all_suggestions(Suggester(store, coder=CODER).fit(), store)
    seen = event_rows.last_event_seq(store)
    good = coding.code_for_path(store, "Samarbeid > Godt samarbeid", CODER)
    coding.merge_codes(store, coding.code_for_path(store, "Samarbeid > Dårlig samarbeid", CODER), good, CODER)
    assert changed_segments(store, seen) is None  # a merge: every coding is read again
    assert all_suggestions(suggester, store) == all_suggestions(Suggester(store, coder=CODER).fit(), store)
    for _ in range(3):
        coding.undo(store, CODER)
        assert all_suggestions(suggester, store) == all_suggestions(
            Suggester(store, coder=CODER).fit(), store
        )

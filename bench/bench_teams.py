"""Benchmarks for team work: agreement statistics and merging two coders' project files.

Run: ``python bench/bench_teams.py [--answers 100000]``. Prints one line per measurement.
Targets: agreement for 372 respondents × 50 codes × 3 coders < 1 s; merging two
100 000-answer projects < 10 s, also when each copy holds about 10 000 divergent edits.
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


def divergent_edits(path: Path, segment_ids: list[str], code_ids: list[str], coder: str, seed: int) -> int:
    """About 10 000 row edits through the coding API: codings added and removed, codes
    renamed and defined, segments split. Returns how many row states the events hold."""
    generator = random.Random(seed)
    with open_project(path) as store:
        for number in range(1_000):
            chosen = generator.sample(segment_ids, 9)
            coding.apply_to_segments(store, chosen, [generator.choice(code_ids)], coder)
            if number % 5 == 0:
                coding.remove_codes(store, chosen[0], code_ids, coder)
            if number % 20 == 0:
                coding.define_code(store, generator.choice(code_ids), coder, definition=f"{coder} {number}")
                coding.split_segment(store, generator.choice(segment_ids), 5, coder)
        for number, code_id in enumerate(generator.sample(code_ids, 10)):
            coding.rename_code(store, code_id, f"{coder} code {number}", coder)
        return store.scalar(
            "SELECT COUNT(*) FROM events e, json_each(e.after, '$.rows') t, json_each(t.value) r "
            "WHERE e.coder = ?",
            (coder,),
        )


def bench_divergent_merge(folder: Path, answers: int) -> None:
    questions = 50
    base = folder / "divergent.db"
    segment_ids = build_survey(base, respondents=answers // questions, questions=questions)
    code_ids = add_codes(base, 50, "lead")
    code_segments(base, segment_ids, code_ids, ["lead"], seed=4, per_segment=(1, 1))
    first, second = folder / "kari.db", folder / "ola.db"
    shutil.copy(base, first)
    shutil.copy(base, second)
    edits = [divergent_edits(first, segment_ids, code_ids, "kari", 5)]
    edits.append(divergent_edits(second, segment_ids, code_ids, "ola", 6))
    timings = []
    for target, source in ((first, second), (second, first)):
        with open_project(target) as store:
            started = time.perf_counter()
            report = merge_project(store, source)
            timings.append((time.perf_counter() - started, report))
    (one, report), (other, _) = timings
    print(
        f"merge      {len(segment_ids)} answers, {edits[0]} + {edits[1]} divergent row edits: "
        f"{one:.2f} s one way, {other:.2f} s back ({len(report.conflicts)} conflicts; "
        f"{dict(report.by_coder.get('ola', {}))})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=100_000, help="answers per merged project")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        bench_agreement(Path(folder))
        bench_merge(Path(folder), arguments.answers)
        bench_divergent_merge(Path(folder), arguments.answers)


if __name__ == "__main__":
    main()

"""Waves: importing a second 100 000-answer wave with its question mapping, and the
cross-wave replay of the demo (last year's coded answers as examples for this year's).

    python bench/bench_waves.py import [--answers 100000]     # target: second wave < 10 s
    python bench/bench_waves.py replay [--shares 0,0.1,0.3] [--seeds 3]

``import``: a project holding a first wave of N answers (10 questions) gets a second wave of
N answers whose question columns were all renamed; the mapping is proposed, written, read
back and applied. ``replay``: the demo as ``workbench demo`` builds it, with its 2023 wave
coded from the hidden truth; for each continued question, a share of the 2024 answers
(shuffled per seed) counts as coded and the rest is suggested for, by a model that knows
only those 2024 codings, or also 2023's (weighted 0.5, or 1). hit@3 "known" is over
answers whose true code the model has seen.
"""

from __future__ import annotations

import argparse
import csv
import runpy
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
generator = runpy.run_path(str(HERE / "generate_project.py"))


def _second_wave_files(folder: Path, answers: int) -> tuple[Path, Path]:
    """The second wave: another sample, every question column renamed, texts reworded."""
    raw, survey = folder / "raw_2024.csv", folder / "wave_2024.csv"
    generator["write_wide_csv"](raw, answers, seed=2)
    with (
        raw.open(encoding="utf-8", newline="") as source,
        survey.open("w", encoding="utf-8", newline="") as target,
    ):
        rows = csv.reader(source, delimiter=";")
        writer = csv.writer(target, delimiter=";")
        header = next(rows)
        writer.writerow([_renamed(name) for name in header])
        writer.writerows(rows)
    questions = folder / "questions_2024.yaml"
    lines = []
    for index, question in enumerate(generator["question_ids"](10)):
        lines += [f"- id: {_renamed(question)}", f"  text: Syntetisk spørsmål {index + 1} om tjenestene i år"]
    questions.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return survey, questions


def _renamed(column: str) -> str:
    return f"s24_{column[1:]}" if column.startswith("q") else column


def bench_import(answers: int) -> None:
    from workbench.ingest import import_survey, read_survey
    from workbench.ingest.mapping import QuestionLink, QuestionMapping
    from workbench.ingest.mapping_file import write_mapping_file
    from workbench.ingest.wave_import import proposed_mapping
    from workbench.project import create_project

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        first, first_questions = folder / "wave_2023.csv", folder / "questions.yaml"
        generator["write_wide_csv"](first, answers)
        generator["write_questions_yaml"](first_questions)
        survey_path, questions_path = _second_wave_files(folder, answers)
        with create_project(folder / "p.db") as store:
            import_survey(store, first, wave=2023, questions_file=first_questions)
            started = time.perf_counter()
            survey = read_survey(survey_path, questions_file=questions_path)
            proposal = proposed_mapping(store, survey, 2024)
            propose_seconds = time.perf_counter() - started
            links = tuple(
                QuestionLink(link.form_id, "continued", ("q" + link.form_id[4:],), link.score, link.text)
                for link in proposal.links
            )
            mapping_file = folder / "map.yaml"
            write_mapping_file(mapping_file, QuestionMapping(2024, links))
            started = time.perf_counter()
            result = import_survey(
                store, survey_path, wave=2024, questions_file=questions_path, mapping_file=mapping_file
            )
            import_seconds = time.perf_counter() - started
            continued = store.scalar("SELECT COUNT(DISTINCT question_id) FROM answers WHERE wave = 2024")
    print(f"first wave: {answers} answers; second wave: {result.new_answers} answers, 10 renamed questions")
    print(f"{'step':<42}{'seconds':>10}")
    print(f"{'read second wave + propose mapping':<42}{propose_seconds:>10.2f}")
    print(f"{'import second wave with --map (target <10)':<42}{import_seconds:>10.2f}")
    print(f"second-wave answers stored under {continued} continued project questions")


CONDITIONS = (("this wave only", None), ("+2023, weight 0.5", 0.5), ("+2023, weight 1", 1.0))
REPOSITORY = HERE.parent


def _demo_project(folder: Path):
    """The demo project as ``workbench demo`` builds it (both waves, the shipped mapping)."""
    from workbench.demo.builder import build_demo_project, demo_source_files
    from workbench.ingest.mapping_edit import load_mapping
    from workbench.project import open_project

    build_demo_project(folder / "demo.db", demo_source_files())
    store = open_project(folder / "demo.db")
    return store, load_mapping(store, 2024)


def _truth(store, mapping) -> dict[int, tuple[str, ...]]:
    """True codes ("theme > code") per answer id, both waves."""
    project_of = {link.form_id: link.project_id for link in mapping.links}
    ids = {
        (row["respondent_id"], row["question_id"], row["wave"]): row["id"]
        for row in store.rows("SELECT id, respondent_id, question_id, wave FROM answers")
    }
    codes: dict[int, list[str]] = {}
    for name, wave, rename in (("demo_truth.csv", 2023, {}), ("demo_truth_2024.csv", 2024, project_of)):
        with (REPOSITORY / "corpora" / name).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                question = rename.get(row["question_id"], row["question_id"])
                answer = ids[(row["respondent_id"], question, wave)]
                codes.setdefault(answer, []).append(f"{row['theme']} > {row['code']}")
    return {answer: tuple(dict.fromkeys(found)) for answer, found in codes.items()}


def _split(store, truth, share: float, seed: int):
    """Per continued question: the 2023 answers, the 2024 answers counted coded, the rest."""
    import random

    rng = random.Random(seed)
    rows = store.rows("SELECT id, question_id, wave FROM answers WHERE is_nonresponse = 0 ORDER BY id")
    both = {r["question_id"] for r in rows if r["wave"] == 2023} & {
        r["question_id"] for r in rows if r["wave"] == 2024
    }
    earlier, coded, rest = [], [], []
    for question in sorted(both):
        earlier += [(r["id"], question) for r in rows if r["question_id"] == question and r["wave"] == 2023]
        current = [(r["id"], question) for r in rows if r["question_id"] == question and r["wave"] == 2024]
        rng.shuffle(current)
        cut = round(share * len(current))
        coded, rest = coded + current[:cut], rest + current[cut:]
    return earlier, coded, rest


def _score(vectors, truth, training, weights, rest) -> dict:
    from workbench.suggest.keystrokes import keys_for_code
    from workbench.suggest.suggester import CodeSuggester

    model = CodeSuggester()
    if training:
        ids = [answer for answer, _ in training]
        model.fit(
            vectors.answer_rows(ids), [truth[a] for a in ids], [q for _, q in training], sample_weight=weights
        )
    known = {code for answer, _ in training for code in truth[answer]}
    names = sorted(known)
    figures = {"known": 0, "hit_known": 0, "hit_all": 0, "keys": 0}
    for answer, question in rest:
        ranked = [item.code_id for item in model.suggest(vectors.answer_rows([answer]), question, top=9)]
        true = truth[answer]
        hit = any(code in ranked[:3] for code in true)
        is_known = any(code in known for code in true)
        figures["known"] += is_known
        figures["hit_known"] += hit and is_known
        figures["hit_all"] += hit
        figures["keys"] += sum(keys_for_code(c, names, c in known, c in ranked) for c in true)
    return {key: value / max(len(rest), 1) for key, value in figures.items()} | {
        "hit_known": figures["hit_known"] / max(figures["known"], 1),
        "segments": len(rest),
    }


def bench_replay(shares: list[float], seeds: int) -> None:
    import numpy as np

    from workbench.suggest.carry_over import wave_weights
    from workbench.suggest.vectors import project_vectors

    with tempfile.TemporaryDirectory() as name:
        store, mapping = _demo_project(Path(name))
        truth = _truth(store, mapping)
        vectors = project_vectors(store)
        results = {}
        for share in shares:
            for seed in range(seeds):
                earlier, coded, rest = _split(store, truth, share, seed)
                for label, weight in CONDITIONS:
                    training = coded if weight is None else earlier + coded
                    waves = (
                        [2024] * len(coded) if weight is None else [2023] * len(earlier) + [2024] * len(coded)
                    )
                    weights = wave_weights(waves, 2024, weight or 1.0)
                    results.setdefault((share, label), []).append(
                        _score(vectors, truth, training, weights, rest)
                    )
        store.close()
    print(f"demo, continued questions: 2023 fully coded, 2024 replayed; mean of {seeds} seeds")
    print(
        f"{'2024 coded':>10}  {'model knows':<20}{'segments':>9}{'known':>8}"
        f"{'hit@3 known':>13}{'hit@3 all':>11}{'keys/seg':>10}"
    )
    for (share, label), runs in results.items():
        mean = {key: float(np.mean([run[key] for run in runs])) for key in runs[0]}
        print(
            f"{share:>10.0%}  {label:<20}{mean['segments']:>9.0f}{mean['known']:>8.1%}"
            f"{mean['hit_known']:>13.3f}{mean['hit_all']:>11.3f}{mean['keys']:>10.2f}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("import", "replay"))
    parser.add_argument("--answers", type=int, default=100_000)
    parser.add_argument("--shares", default="0,0.1,0.3")
    parser.add_argument("--seeds", type=int, default=3)
    arguments = parser.parse_args(argv)
    if arguments.what == "import":
        bench_import(arguments.answers)
    else:
        bench_replay([float(share) for share in arguments.shares.split(",")], arguments.seeds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

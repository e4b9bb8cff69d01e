"""Waves: importing a second 100 000-answer wave with its question mapping, and the
cross-wave replay of the demo (last year's coded answers as examples for this year's).

    python bench/bench_waves.py import [--answers 100000]     # target: second wave < 10 s
    python bench/bench_waves.py replay [--shares 0,0.1,0.3] [--seeds 3]

``import``: a project holding a first wave of N answers (10 questions) gets a second wave of
N answers whose question columns were all renamed; the mapping is proposed, written, read
back and applied. ``replay``: see ``bench/waves_replay.py``.
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
    with raw.open(encoding="utf-8", newline="") as source, survey.open("w", encoding="utf-8", newline="") as target:
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
            result = import_survey(store, survey_path, wave=2024, questions_file=questions_path, mapping_file=mapping_file)
            import_seconds = time.perf_counter() - started
            continued = store.scalar("SELECT COUNT(DISTINCT question_id) FROM answers WHERE wave = 2024")
    print(f"first wave: {answers} answers; second wave: {result.new_answers} answers, 10 renamed questions")
    print(f"{'step':<42}{'seconds':>10}")
    print(f"{'read second wave + propose mapping':<42}{propose_seconds:>10.2f}")
    print(f"{'import second wave with --map (target <10)':<42}{import_seconds:>10.2f}")
    print(f"second-wave answers stored under {continued} continued project questions")


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
        replay = runpy.run_path(str(HERE / "waves_replay.py"))
        replay["run"]([float(share) for share in arguments.shares.split(",")], arguments.seeds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

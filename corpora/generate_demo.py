"""Generate the demo survey: answers, questions and the hidden truth.

Run ``python corpora/generate_demo.py`` from the repository root to rewrite the committed
files; ``--out DIR`` writes the same layout under another folder. The output depends only
on the seed.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
from pathlib import Path

import demo_wave2024
import yaml
from demo_compose import answers_question, compose_answer, make_writer
from demo_identifying import surroundings
from demo_phrases import QuestionBank, question_banks
from demo_units import reporting_units

DEFAULT_SEED = 2023
REPOSITORY = Path(__file__).resolve().parent.parent
ANSWERS_PATH = Path("workbench/demo/answers.csv")
QUESTIONS_PATH = Path("workbench/demo/questions.yaml")
TRUTH_PATH = Path("corpora/demo_truth.csv")
ANSWERS_2024_PATH = Path("workbench/demo/answers_2024.csv")
QUESTIONS_2024_PATH = Path("workbench/demo/questions_2024.yaml")
TRUTH_2024_PATH = Path("corpora/demo_truth_2024.csv")
ATTRIBUTE_COLUMNS = ("respondent_id", "name", "county", "size_group")
TRUTH_COLUMNS = ("respondent_id", "question_id", "text", "theme", "code")


def generate(out_dir: Path = REPOSITORY, seed: int = DEFAULT_SEED) -> dict[Path, Path]:
    """Write both waves' answers, questions and hidden truth under ``out_dir``; return paths.

    The second wave draws from its own generator (seed + 1), so the first wave's files do
    not change when the second wave's phrases do.
    """
    written = {}
    for relative, text in {**_first_wave(seed), **_second_wave(seed + 1)}.items():
        path = out_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        written[relative] = path
    return written


def _first_wave(seed: int) -> dict[Path, str]:
    questions = question_banks()
    answer_rows, truth_rows = _survey_rows(random.Random(seed), questions)
    return {
        ANSWERS_PATH: _csv_text(
            [*ATTRIBUTE_COLUMNS, *(question.id for question in questions)], answer_rows, ";"
        ),
        QUESTIONS_PATH: _questions_yaml(questions),
        TRUTH_PATH: _csv_text(list(TRUTH_COLUMNS), truth_rows, ","),
    }


def _second_wave(seed: int) -> dict[Path, str]:
    questions = demo_wave2024.form()
    answer_rows, truth_rows = demo_wave2024.survey_rows(random.Random(seed), questions)
    header = [*ATTRIBUTE_COLUMNS, demo_wave2024.CLOSED_COLUMN, *(question.id for question in questions)]
    return {
        ANSWERS_2024_PATH: _csv_text(header, answer_rows, ";"),
        QUESTIONS_2024_PATH: _questions_yaml(questions),
        TRUTH_2024_PATH: _csv_text(list(TRUTH_COLUMNS), truth_rows, ","),
    }


def _survey_rows(
    rng: random.Random, questions: tuple[QuestionBank, ...]
) -> tuple[list[list[str]], list[list[str]]]:
    """One wide row per unit, and one truth row per answer and code."""
    units = reporting_units()
    answer_rows, truth_rows = [], []
    for unit in units:
        writer = make_writer(rng, surroundings(unit, units), unit.county)
        row = [unit.id, unit.name, unit.county, unit.size_group]
        for question in questions:
            if not answers_question(rng, writer, question):
                row.append("")
                continue
            answer = compose_answer(rng, writer, question)
            row.append(answer.text)
            truth_rows += [
                [unit.id, question.id, answer.text, code.theme, code.code] for code in answer.codes
            ]
        answer_rows.append(row)
    return answer_rows, truth_rows


def _csv_text(header: list[str], rows: list[list[str]], delimiter: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def _questions_yaml(questions: tuple[QuestionBank, ...]) -> str:
    entries = [
        {
            "id": question.id,
            "text": question.text,
            "kind": question.kind,
            "chapter": question.chapter,
            "single_code": question.single_code,
        }
        for question in questions
    ]
    return yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=100)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPOSITORY, help="root folder to write under")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
    arguments = parser.parse_args(argv)
    for path in generate(arguments.out, arguments.seed).values():
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

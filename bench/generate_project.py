"""Generate large synthetic survey files (wide or long CSV) and optionally a project from them.

For benchmarks only: the text is random Norwegian-looking words, ~200 characters per answer
on average (100 000 answers make a long CSV of about 20 MB), with 10 % non-responses.

    python bench/generate_project.py --answers 100000 --layout long --out /tmp/long.csv
    python bench/generate_project.py --answers 100000 --layout wide --out /tmp/wide.csv \
        --questions-out /tmp/questions.yaml --db /tmp/big.db --coded-share 0.3

Other scripts load the functions with ``runpy.run_path("bench/generate_project.py")``.
"""

from __future__ import annotations

import argparse
import csv
import math
import random
import sys
from pathlib import Path

WORDS = (
    "vi har samarbeid med fastlegene og kommunen fungerer godt dårlig bedre enn før "
    "pandemien tjenesten brukerne oppfølging telefon video digitale møter ute tur rus "
    "psykisk helse bolig boliger mangler ansatte rekruttering kompetanse pakkeforløp nye "
    "oppgaver barnevernet barn etterlatte selvmord tilbud ingen endring som før uendret "
    "ressurser utfordring utfordringer største det er var ble for lite mye tid kontakt "
    "jevnlig faste møtepunkter lavterskel ambulant team døgn hjemmebesøk koordinator "
    "samhandling spesialisthelsetjenesten DPS sykehus økonomi tilskudd prosjekt stilling"
).split()
COUNTIES = (
    "Oslo",
    "Innlandet",
    "Viken",
    "Vestfold og Telemark",
    "Agder",
    "Rogaland",
    "Vestland",
    "Møre og Romsdal",
    "Trøndelag",
    "Nordland",
    "Troms og Finnmark",
)
NONRESPONSE_SHARE = 0.10


def question_ids(count: int) -> list[str]:
    """Question ids q01, q02, … for ``count`` questions."""
    return [f"q{number:02d}" for number in range(1, count + 1)]


def answer_text(rng: random.Random) -> str:
    """One synthetic answer: empty for a non-response, else 2 words to ~900 characters."""
    if rng.random() < NONRESPONSE_SHARE:
        return ""
    target = min(900, max(8, int(rng.lognormvariate(math.log(140), 0.7))))
    words = []
    length = 0
    while length < target:
        word = rng.choice(WORDS)
        words.append(word)
        length += len(word) + 1
    return " ".join(words).capitalize() + "."


def respondent_attributes(rng: random.Random, number: int) -> dict[str, str]:
    """Name, county and population of synthetic respondent ``number``."""
    return {
        "name": f"Kommune {number}",
        "county": rng.choice(COUNTIES),
        "population": str(int(rng.lognormvariate(math.log(5000), 1.2))),
    }


def respondent_count(answers: int, questions: int) -> int:
    return math.ceil(answers / questions)


def write_long_csv(path: Path, answers: int, questions: int = 10, seed: int = 1) -> None:
    """A long CSV (respondent, question, text, name, county, population) with ``answers`` rows."""
    rng = random.Random(seed)
    ids = question_ids(questions)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["respondent", "question", "text", "name", "county", "population"])
        for number in range(respondent_count(answers, questions)):
            attributes = respondent_attributes(rng, number)
            for question in ids[: answers - number * questions]:
                writer.writerow([f"U{number:06d}", question, answer_text(rng), *attributes.values()])


def write_wide_csv(path: Path, answers: int, questions: int = 10, seed: int = 1) -> None:
    """A wide, ``;``-separated CSV: one row per respondent, one column per question."""
    rng = random.Random(seed)
    ids = question_ids(questions)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["respondent_id", "name", "county", "population", *ids])
        for number in range(respondent_count(answers, questions)):
            attributes = respondent_attributes(rng, number)
            texts = [answer_text(rng) for _ in ids]
            writer.writerow([f"U{number:06d}", *attributes.values(), *texts])


def write_questions_yaml(path: Path, questions: int = 10) -> None:
    """A questions file naming the generated question columns."""
    lines = []
    for index, question in enumerate(question_ids(questions)):
        lines += [
            f"- id: {question}",
            f"  text: Syntetisk spørsmål {index + 1}",
            "  kind: open",
            f'  chapter: "{index // 2 + 1}"',
            "  single_code: false",
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def build_project(db_path: Path, survey_path: Path, layout: str, questions_path: Path | None):
    """Create a project at ``db_path`` and import the survey file into it (wave 2023)."""
    from workbench.ingest import import_survey
    from workbench.project import create_project

    with create_project(db_path) as store:
        return import_survey(store, survey_path, layout=layout, wave=2023, questions_file=questions_path)


def code_share(db_path: Path, share: float, coder: str = "bench", seed: int = 1) -> int:
    """Code ``share`` of the segments with one of ten codes through ``workbench.coding``."""
    from workbench import coding
    from workbench.project import open_project

    rng = random.Random(seed)
    with open_project(db_path) as store:
        coding.ensure_coder(store, coder)
        codes = [coding.create_code(store, f"Kode {n}", coder).id for n in range(10)]
        segment_ids = [row["id"] for row in store.rows("SELECT id FROM segments ORDER BY id")]
        chosen = rng.sample(segment_ids, int(len(segment_ids) * share))
        with store.atomic():
            for segment_id in chosen:
                coding.apply_codes(store, segment_id, [rng.choice(codes)], coder)
        return len(chosen)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, required=True, help="number of answer cells/rows")
    parser.add_argument("--layout", choices=("wide", "long"), default="long")
    parser.add_argument("--questions", type=int, default=10, help="number of questions")
    parser.add_argument("--out", type=Path, required=True, help="the CSV to write")
    parser.add_argument("--questions-out", type=Path, help="also write a questions YAML here")
    parser.add_argument("--db", type=Path, help="also build a project file from the CSV")
    parser.add_argument("--coded-share", type=float, default=0.0, help="share of segments to code")
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args(argv)
    writer = write_long_csv if arguments.layout == "long" else write_wide_csv
    writer(arguments.out, arguments.answers, arguments.questions, arguments.seed)
    questions_path = arguments.questions_out
    if questions_path is None and arguments.layout == "wide" and arguments.db:
        questions_path = arguments.out.with_suffix(".questions.yaml")
    if questions_path:
        write_questions_yaml(questions_path, arguments.questions)
    print(f"wrote {arguments.out} ({arguments.out.stat().st_size / 1e6:.1f} MB)")
    if arguments.db:
        print(build_project(arguments.db, arguments.out, arguments.layout, questions_path).summary())
        if arguments.coded_share:
            print(f"coded {code_share(arguments.db, arguments.coded_share)} segments")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Generate the second evaluation corpus: answers.csv, questions.yaml and truth.csv.

Usage: python corpora/second/generate.py [OUT_DIR] [--respondents N] [--seed S]
Same layout as the demo corpus (wide answers with ';', a questions list, a truth file with
respondent_id, question_id, text, theme, code), so the same tools read both.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from phrases import CODES, FILLERS, OPENINGS, QUESTIONS, SYNONYMS  # noqa: E402

ANSWER_RATE = 0.8
SECOND_CODE_RATE = 0.25
DROP_WORD_RATE = 0.3


def typo(text: str, rng: random.Random) -> str:
    """Swap two neighbouring letters once, as a hurried respondent would."""
    if len(text) < 8:
        return text
    position = rng.randrange(1, len(text) - 2)
    return text[:position] + text[position + 1] + text[position] + text[position + 2 :]


def vary(phrase: str, rng: random.Random) -> str:
    """Swap words for synonyms and sometimes drop one, keeping the meaning."""
    words = [
        rng.choice(SYNONYMS[word]) if word in SYNONYMS and rng.random() < 0.5 else word
        for word in phrase.split()
    ]
    if len(words) > 4 and rng.random() < DROP_WORD_RATE:
        del words[rng.randrange(1, len(words))]
    return " ".join(words)


def sentence(phrase: str, rng: random.Random) -> str:
    phrase = vary(phrase, rng)
    opening = rng.choice(OPENINGS)
    body = f"{opening} {phrase}".strip() if opening else phrase
    body = body[0].upper() + body[1:]
    return body if body.endswith(".") else body + "."


def answer(question: str, rng: random.Random) -> tuple[str, list[tuple[str, str]]]:
    """One answer text and its (theme, code) truth."""
    options = [(theme, code) for theme, codes in CODES[question].items() for code in codes]
    chosen = [rng.choice(options)]
    if rng.random() < SECOND_CODE_RATE:
        other = rng.choice(options)
        if other != chosen[0] and other[0] != "Ingen endring":
            chosen.append(other)
    if chosen[0][1] == "Som før":
        return rng.choice(CODES[question]["Ingen endring"]["Som før"]), chosen[:1]
    parts = [sentence(rng.choice(CODES[question][theme][code]), rng) for theme, code in chosen]
    filler = rng.choice(FILLERS)
    text = " ".join(parts + ([filler] if filler else []))
    return (typo(text, rng) if rng.random() < 0.2 else text), chosen


def generate(out_dir: Path, respondents: int, seed: int) -> None:
    rng = random.Random(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    rows, truth = [], []
    for number in range(1, respondents + 1):
        respondent = f"S{number:05d}"
        row = {"respondent_id": respondent}
        for question in QUESTIONS:
            text, codes = answer(question, rng) if rng.random() < ANSWER_RATE else ("", [])
            row[question] = text
            truth.extend([respondent, question, text, theme, code] for theme, code in codes)
        rows.append(row)
    with (out_dir / "answers.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["respondent_id", *QUESTIONS], delimiter=";")
        writer.writeheader()
        writer.writerows(rows)
    with (out_dir / "truth.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["respondent_id", "question_id", "text", "theme", "code"])
        writer.writerows(truth)
    lines = [f'- id: {qid}\n  text: "{text}"\n  kind: open\n' for qid, text in QUESTIONS.items()]
    (out_dir / "questions.yaml").write_text("".join(lines), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", nargs="?", default=str(Path(__file__).parent))
    parser.add_argument("--respondents", type=int, default=300)
    parser.add_argument("--seed", type=int, default=2024)
    arguments = parser.parse_args()
    generate(Path(arguments.out_dir), arguments.respondents, arguments.seed)


if __name__ == "__main__":
    main()

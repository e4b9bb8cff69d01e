"""Helpers for the suggestion tests: small projects built through the import and coding APIs.

(No tests here; the name only keeps the helper inside the suggestion tests' files.)
"""

from __future__ import annotations

import csv
from pathlib import Path

from workbench import coding
from workbench.ingest import import_survey
from workbench.project import create_project

CODER = "kari"

# (question, text, code path) — a hand-made corpus of short Norwegian answers.
SMALL_CORPUS = [
    ("q1", "Godt samarbeid med fastlegene, faste møter hver måned.", "Samarbeid > Godt samarbeid"),
    ("q1", "Vi har et godt samarbeid med fastlegene og møtes jevnlig.", "Samarbeid > Godt samarbeid"),
    ("q1", "Samarbeidet med fastlegene fungerer godt.", "Samarbeid > Godt samarbeid"),
    ("q1", "Fastlegene er gode samarbeidspartnere, godt samarbeid.", "Samarbeid > Godt samarbeid"),
    ("q1", "Dårlig samarbeid med fastlegene, de svarer ikke.", "Samarbeid > Dårlig samarbeid"),
    ("q1", "Samarbeidet med fastlegene er dårlig og tilfeldig.", "Samarbeid > Dårlig samarbeid"),
    ("q1", "Vanskelig å nå fastlegene, dårlig samarbeid.", "Samarbeid > Dårlig samarbeid"),
    ("q1", "Som før.", "Uendret"),
    ("q1", "som før", "Uendret"),
    ("q1", "Ingen endring fra i fjor.", "Uendret"),
    ("q1", "Mangler kapasitet i DPS, lange ventelister.", "Kapasitet > Lange ventelister"),
    ("q1", "Lange ventelister og for lite kapasitet hos DPS.", "Kapasitet > Lange ventelister"),
    ("q1", "Ventetiden i DPS er altfor lang.", "Kapasitet > Lange ventelister"),
]


def build_project(tmp_path: Path, answers: list[tuple[str, str]], name: str = "p.db"):
    """A project whose respondent r{i} gave answer i; ``answers`` are (question, text)."""
    questions = sorted({question for question, _ in answers})
    rows = [{"respondent_id": f"r{i:04d}", **dict.fromkeys(questions, "")} for i in range(len(answers))]
    for row, (question, text) in zip(rows, answers, strict=True):
        row[question] = text
    survey = tmp_path / f"{name}.csv"
    with survey.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["respondent_id", *questions], delimiter=";")
        writer.writeheader()
        writer.writerows(rows)
    store = create_project(tmp_path / name)
    import_survey(store, survey, wave=2024, question_columns=questions)
    return store


def answer_id_of(store, text: str) -> int:
    """The id of the (first) answer with exactly this text."""
    return store.scalar("SELECT id FROM answers WHERE text = ? ORDER BY id", (text,))


def segment_of(store, answer_id: int) -> str:
    return coding.segments_of_answer(store, answer_id)[0].id


def code_answer(store, text: str, path: str, coder: str = CODER) -> str:
    """Code the whole answer with this text; returns the code id."""
    code_id = coding.code_for_path(store, path, coder)
    coding.apply_codes(store, segment_of(store, answer_id_of(store, text)), [code_id], coder)
    return code_id


def small_coded_project(tmp_path: Path, skip: int = 0):
    """The small corpus imported and coded, except its last ``skip`` answers."""
    store = build_project(tmp_path, [(question, text) for question, text, _ in SMALL_CORPUS])
    for _, text, path in SMALL_CORPUS[: len(SMALL_CORPUS) - skip]:
        code_answer(store, text, path)
    return store

"""Small projects for the coding-core tests, written through the import store helpers."""

from __future__ import annotations

from pathlib import Path

from workbench.project import create_project
from workbench.store import Store, importing


def build_project(path: Path, answers: dict[str, list[str]], wave: int = 2024) -> Store:
    """A project with one respondent per answer text, per question id in ``answers``."""
    store = create_project(path)
    with store.atomic():
        importing.add_questions(
            store, [(question, f"Text of {question}", "open", None, index, 0) for index, question in enumerate(answers)]
        )
        respondents = {f"r{number:03d}": {"name": f"Unit {number}"} for number in range(max(map(len, answers.values())))}
        importing.add_respondents(store, respondents)
        importing.add_answers(
            store,
            [
                (f"r{number:03d}", question, wave, text, int(not text.strip()))
                for question, texts in answers.items()
                for number, text in enumerate(texts)
            ],
        )
        importing.add_default_segments(store, 0)
    return store


def answer_id(store: Store, question: str, number: int) -> int:
    """The id of respondent ``number``'s answer to ``question``."""
    return store.scalar(
        "SELECT id FROM answers WHERE question_id = ? AND respondent_id = ?", (question, f"r{number:03d}")
    )


def table_dump(store: Store) -> dict[str, list[tuple]]:
    """Every row of the coding tables, sorted, for before/after comparisons."""
    return {
        table: sorted(tuple(row.values()) for row in store.rows(f"SELECT * FROM {table}"))
        for table in ("codes", "segments", "codings", "memos", "coders")
    }

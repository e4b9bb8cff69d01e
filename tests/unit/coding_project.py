"""Small projects for the coding-core tests, written with plain inserts (no import API)."""

from __future__ import annotations

from pathlib import Path

from workbench.project import create_project
from workbench.store import Store, now, stable_id


def build_project(path: Path, answers: dict[str, list[str]], wave: int = 2024) -> Store:
    """A project with respondent r000, r001 … answering each question in ``answers`` in turn.

    Every non-empty answer gets its default whole-answer segment, as an import gives it.
    """
    store = create_project(path)
    with store.atomic():
        for position, question in enumerate(answers):
            store.execute(
                "INSERT INTO questions (id, text, position) VALUES (?, ?, ?)",
                (question, f"Text of {question}", position),
            )
            for number, text in enumerate(answers[question]):
                add_answer(store, f"r{number:03d}", question, text, wave)
    return store


def add_answer(store: Store, respondent: str, question: str, text: str, wave: int = 2024) -> int:
    """Insert an answer (and its respondent and default segment when needed); return its id."""
    store.execute("INSERT OR IGNORE INTO respondents (id, attributes) VALUES (?, '{}')", (respondent,))
    cursor = store.execute(
        "INSERT INTO answers (respondent_id, question_id, wave, text, is_nonresponse) VALUES (?, ?, ?, ?, ?)",
        (respondent, question, wave, text, int(not text.strip())),
    )
    if text.strip():
        store.execute(
            "INSERT INTO segments (id, answer_id, start, end, created_at) VALUES (?, ?, 0, ?, ?)",
            (stable_id("segment", respondent, question, wave), cursor.lastrowid, len(text), now()),
        )
    return cursor.lastrowid


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

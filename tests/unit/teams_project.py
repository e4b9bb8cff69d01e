"""Small projects for the team tests, written with plain inserts (no import or coding API)."""

from __future__ import annotations

from pathlib import Path

from workbench.project import create_project
from workbench.store import Store
from workbench.store.database import new_id, now, stable_id


def build_project(path: Path, respondents: int = 6, questions: tuple[str, ...] = ("q01",)) -> Store:
    """A project with one answer and one whole-answer segment per respondent and question."""
    store = create_project(path)
    with store.atomic():
        for position, question in enumerate(questions):
            store.execute(
                "INSERT INTO questions (id, text, position) VALUES (?, ?, ?)",
                (question, f"Question {question}", position),
            )
        for number in range(respondents):
            respondent = f"r{number:04d}"
            store.execute("INSERT INTO respondents (id, attributes) VALUES (?, '{}')", (respondent,))
            for question in questions:
                add_answer(store, respondent, question, f"Answer {number} to {question}.")
    return store


def add_answer(store: Store, respondent: str, question: str, text: str, wave: int = 2024) -> str:
    """Insert an answer with its default segment; return the segment id."""
    cursor = store.execute(
        "INSERT INTO answers (respondent_id, question_id, wave, text) VALUES (?, ?, ?, ?)",
        (respondent, question, wave, text),
    )
    segment_id = stable_id("segment", respondent, question, wave)
    store.execute(
        "INSERT INTO segments (id, answer_id, start, end, created_at) VALUES (?, ?, 0, ?, ?)",
        (segment_id, cursor.lastrowid, len(text), now()),
    )
    return segment_id


def add_code(store: Store, name: str, parent_id: str | None = None, code_id: str | None = None) -> str:
    """Insert a code and return its id."""
    code_id = code_id or new_id()
    with store.atomic():
        store.execute(
            "INSERT INTO codes (id, parent_id, name, is_theme, created_at) VALUES (?, ?, ?, 0, ?)",
            (code_id, parent_id, name, now()),
        )
    return code_id


def add_coding(store: Store, segment_id: str, code_id: str, coder: str) -> None:
    """Insert a coding (and the coder if new)."""
    with store.atomic():
        store.execute("INSERT OR IGNORE INTO coders (name, created_at) VALUES (?, ?)", (coder, now()))
        store.execute(
            "INSERT OR IGNORE INTO codings (id, segment_id, code_id, coder, how, created_at) "
            "VALUES (?, ?, ?, ?, 'typed', ?)",
            (new_id(), segment_id, code_id, coder, now()),
        )


def segment_ids(store: Store) -> list[str]:
    """Every segment id, in answer order."""
    return [row["id"] for row in store.rows("SELECT id FROM segments ORDER BY answer_id, start")]


def coding_triples(store: Store) -> set[tuple[str, str, str]]:
    """Every coding as (segment id, code id, coder)."""
    return {tuple(row) for row in store.db.execute("SELECT segment_id, code_id, coder FROM codings")}

"""Queries on respondents and questions (the imported survey's frame), and its waves."""

from __future__ import annotations

import json

from workbench.store.database import Store


def question_rows(store: Store, question_id: str | None = None) -> list[dict]:
    """All questions in report order, or only the one asked for."""
    if question_id is None:
        return store.rows("SELECT * FROM questions ORDER BY position, id")
    return store.rows("SELECT * FROM questions WHERE id = ?", (question_id,))


def question_ids(store: Store) -> list[str]:
    """Ids of the questions, in report order."""
    return [row["id"] for row in question_rows(store)]


def question_exists(store: Store, question_id: str) -> bool:
    """Whether the project has a question of that id."""
    return store.scalar("SELECT 1 FROM questions WHERE id = ?", (question_id,)) is not None


def next_question_position(store: Store) -> int:
    """The position after the last question's, so new questions follow the old ones."""
    return store.scalar("SELECT COALESCE(MAX(position) + 1, 0) FROM questions")


def ensure_question(store: Store, question_id: str, text: str = "", chapter: str | None = None) -> None:
    """Create a question if it does not exist yet, placed after the others."""
    store.execute(
        "INSERT OR IGNORE INTO questions (id, text, chapter, position) VALUES (?, ?, ?, ?)",
        (question_id, text, chapter, next_question_position(store)),
    )


def upsert_question(store: Store, question: dict) -> None:
    """Create a question or fill in its text, kind, chapter and single-code flag."""
    store.execute(
        """INSERT INTO questions (id, text, kind, chapter, position, single_code)
           VALUES (:id, :text, :kind, :chapter, :position, :single_code)
           ON CONFLICT(id) DO UPDATE SET text = excluded.text, kind = excluded.kind,
               chapter = excluded.chapter, single_code = excluded.single_code""",
        {"position": next_question_position(store), **question},
    )


def attributes_by_respondent(store: Store) -> dict[str, dict]:
    """Every respondent's attributes, keyed by respondent id (ordered by id)."""
    rows = store.rows("SELECT id, attributes FROM respondents ORDER BY id")
    return {row["id"]: json.loads(row["attributes"] or "{}") for row in rows}


def attribute_values(store: Store, key: str) -> list[str]:
    """The distinct values of one respondent attribute (county, size_group), sorted."""
    rows = store.rows(
        f"SELECT DISTINCT json_extract(attributes, '$.{key}') AS value FROM respondents "
        "WHERE value IS NOT NULL ORDER BY value"
    )
    return [str(row["value"]) for row in rows]


def add_respondent_if_missing(store: Store, respondent_id: str, attributes_json: str) -> None:
    """A respondent with the given attributes unless one of that id exists."""
    store.execute(
        "INSERT OR IGNORE INTO respondents (id, attributes) VALUES (?, ?)", (respondent_id, attributes_json)
    )


def upsert_respondent(store: Store, respondent_id: str, attributes: dict) -> None:
    """Create a respondent or add attributes it lacks (existing values win)."""
    existing = store.scalar("SELECT attributes FROM respondents WHERE id = ?", (respondent_id,))
    merged = {**attributes, **(json.loads(existing) if existing else {})}
    store.execute(
        "INSERT INTO respondents (id, attributes) VALUES (?, ?) "
        "ON CONFLICT(id) DO UPDATE SET attributes = excluded.attributes",
        (respondent_id, json.dumps(merged, ensure_ascii=False)),
    )


def waves(store: Store) -> list[int]:
    """The survey years present, oldest first."""
    return [row["wave"] for row in store.rows("SELECT DISTINCT wave FROM answers ORDER BY wave")]


def latest_wave(store: Store) -> int | None:
    """The newest survey year present, or None for a project without answers."""
    return store.scalar("SELECT MAX(wave) FROM answers")

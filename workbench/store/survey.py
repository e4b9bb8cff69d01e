"""Queries on respondents, questions and answers (the imported survey)."""

from __future__ import annotations

import json

from workbench.store.database import Store


def question_rows(store: Store) -> list[dict]:
    """All questions in report order."""
    return store.rows("SELECT * FROM questions ORDER BY position, id")


def respondent_attributes(store: Store, respondent_id: str) -> dict:
    """A respondent's attributes as a dictionary (empty if unknown)."""
    raw = store.scalar("SELECT attributes FROM respondents WHERE id = ?", (respondent_id,))
    return {} if raw is None else json.loads(raw)


def attributes_by_respondent(store: Store) -> dict[str, dict]:
    """Every respondent's attributes, keyed by respondent id (ordered by id)."""
    rows = store.rows("SELECT id, attributes FROM respondents ORDER BY id")
    return {row["id"]: json.loads(row["attributes"] or "{}") for row in rows}


def waves(store: Store) -> list[int]:
    """The survey years present, oldest first."""
    return [row["wave"] for row in store.rows("SELECT DISTINCT wave FROM answers ORDER BY wave")]


def answer_row(store: Store, answer_id: int) -> dict | None:
    """One answer with its respondent id, question id, wave and raw text."""
    rows = store.rows("SELECT * FROM answers WHERE id = ?", (answer_id,))
    return rows[0] if rows else None


def question_summaries(store: Store) -> list[dict]:
    """Per question: answers, non-responses and the share of answers with at least one coding."""
    return store.rows(
        """
        SELECT q.id,
               COALESCE(a.answers, 0) AS answers,
               COALESCE(a.nonresponses, 0) AS nonresponses,
               COALESCE(c.coded, 0) AS coded
        FROM questions q
        LEFT JOIN (
            SELECT question_id,
                   SUM(is_nonresponse = 0) AS answers,
                   SUM(is_nonresponse = 1) AS nonresponses
            FROM answers GROUP BY question_id
        ) a ON a.question_id = q.id
        LEFT JOIN (
            SELECT an.question_id, COUNT(DISTINCT s.answer_id) AS coded
            FROM codings k
            JOIN segments s ON s.id = k.segment_id
            JOIN answers an ON an.id = s.answer_id
            GROUP BY an.question_id
        ) c ON c.question_id = q.id
        ORDER BY q.position, q.id
        """
    )


def project_counts(store: Store) -> dict:
    """Headline numbers: respondents, coders, live codes."""
    return {
        "respondents": store.scalar("SELECT COUNT(*) FROM respondents"),
        "coders": [row["name"] for row in store.rows("SELECT name FROM coders ORDER BY name")],
        "codes": store.scalar(
            "SELECT COUNT(*) FROM codes WHERE is_theme = 0 AND merged_into IS NULL AND retired = 0"
        ),
    }

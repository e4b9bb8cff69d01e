"""Writing an imported survey: questions, respondents, answers, default segments, import log."""

from __future__ import annotations

import json
from collections.abc import Iterable

from workbench.store.database import Store, now, stable_id


def next_question_position(store: Store) -> int:
    """The position after the last question's, so new questions follow the old ones."""
    return store.scalar("SELECT COALESCE(MAX(position) + 1, 0) FROM questions")


def add_questions(store: Store, rows: Iterable[tuple]) -> None:
    """Insert (id, text, kind, chapter, position, single_code) rows; known ids are kept as they are."""
    store.executemany(
        "INSERT OR IGNORE INTO questions (id, text, kind, chapter, position, single_code) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        rows,
    )


def add_respondents(store: Store, respondents: dict[str, dict]) -> None:
    """Insert respondents; a known respondent's attributes are updated key by key."""
    store.executemany(
        "INSERT INTO respondents (id, attributes) VALUES (?, ?) "
        "ON CONFLICT(id) DO UPDATE SET attributes = json_patch(attributes, excluded.attributes)",
        (
            (respondent, json.dumps(attributes, ensure_ascii=False))
            for respondent, attributes in respondents.items()
        ),
    )


def last_answer_id(store: Store) -> int:
    """The highest answer id; answers inserted afterwards all have higher ids."""
    return store.scalar("SELECT COALESCE(MAX(id), 0) FROM answers")


def add_answers(store: Store, rows: Iterable[tuple[str, str, int, str, int]]) -> None:
    """Insert (respondent, question, wave, text, is_nonresponse) rows; existing answers stay."""
    store.executemany(
        "INSERT OR IGNORE INTO answers (respondent_id, question_id, wave, text, is_nonresponse) "
        "VALUES (?, ?, ?, ?, ?)",
        rows,
    )


def add_default_segments(store: Store, after_answer_id: int) -> tuple[int, int]:
    """Give each answer newer than ``after_answer_id`` its whole-answer segment.

    Non-responses get none. Returns (new answers, of which non-responses).
    """
    created_at = now()
    new_answers = store.db.execute(
        "SELECT id, respondent_id, question_id, wave, text, is_nonresponse FROM answers "
        "WHERE id > ?",
        (after_answer_id,),
    ).fetchall()
    store.executemany(
        "INSERT OR IGNORE INTO segments (id, answer_id, start, end, for_report, created_at) "
        "VALUES (?, ?, 0, ?, 0, ?)",
        (
            (stable_id("segment", respondent, question, wave), answer_id, len(text), created_at)
            for answer_id, respondent, question, wave, text, nonresponse in new_answers
            if not nonresponse
        ),
    )
    nonresponses = sum(row[5] for row in new_answers)
    return len(new_answers), nonresponses


def record_import(
    store: Store, *, file_name: str, file_sha256: str, layout: str, wave: int, new_answers: int
) -> None:
    """Note the import in the imports table."""
    store.execute(
        "INSERT INTO imports (file_name, file_sha256, layout, wave, imported_at, new_answers) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (file_name, file_sha256, layout, wave, now(), new_answers),
    )

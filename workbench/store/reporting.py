"""Read queries for the report exports: coded data per question, codebook, project state."""

from __future__ import annotations

import json

from workbench.store.database import Store


def export_questions(
    store: Store, *, chapter: str | None = None, question_id: str | None = None
) -> list[dict]:
    """Questions in report order, optionally only one chapter's or one question."""
    clauses, params = [], []
    if chapter is not None:
        clauses.append("chapter = ?")
        params.append(chapter)
    if question_id is not None:
        clauses.append("id = ?")
        params.append(question_id)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    return store.rows(f"SELECT * FROM questions {where} ORDER BY position, id", tuple(params))


def latest_wave(store: Store) -> int | None:
    """The newest survey year present, or None for a project without answers."""
    return store.scalar("SELECT MAX(wave) FROM answers")


def codebook_rows(store: Store) -> list[dict]:
    """Every code with its tree fields, ordered by parent and position."""
    return store.rows(
        "SELECT id, parent_id, name, definition, is_theme, codable, position, retired, "
        "merged_into FROM codes ORDER BY position, created_at, id"
    )


def reporting_units(store: Store, wave: int) -> int:
    """Respondents in the project for a wave: those with any answer row that year."""
    units = store.scalar("SELECT COUNT(DISTINCT respondent_id) FROM answers WHERE wave = ?", (wave,))
    return units or store.scalar("SELECT COUNT(*) FROM respondents")


def answered_respondents(store: Store, question_id: str, wave: int) -> list[str]:
    """Respondents who gave a real (non-empty) answer to a question in a wave."""
    rows = store.rows(
        "SELECT respondent_id FROM answers WHERE question_id = ? AND wave = ? "
        "AND is_nonresponse = 0 ORDER BY respondent_id",
        (question_id, wave),
    )
    return [row["respondent_id"] for row in rows]


def respondent_code_pairs(
    store: Store, question_id: str, wave: int, coder: str | None = None
) -> list[dict]:
    """Distinct (respondent, code) pairs coded on a question's answers in a wave."""
    coder_clause = "AND k.coder = ?" if coder else ""
    params = (question_id, wave, coder) if coder else (question_id, wave)
    return store.rows(
        f"""
        SELECT DISTINCT a.respondent_id, k.code_id
        FROM codings k
        JOIN segments s ON s.id = k.segment_id
        JOIN answers a ON a.id = s.answer_id
        WHERE a.question_id = ? AND a.wave = ? AND a.is_nonresponse = 0 {coder_clause}
        """,
        params,
    )


def coded_segments(
    store: Store, question_id: str, wave: int, *, all_segments: bool, coder: str | None = None
) -> list[dict]:
    """Coded segments of a question, one row per code: segment id, respondent id, code id.

    Only segments marked for the report unless ``all_segments``.
    """
    clauses = ["a.question_id = ?", "a.wave = ?"]
    params: list = [question_id, wave]
    if not all_segments:
        clauses.append("s.for_report = 1")
    if coder:
        clauses.append("k.coder = ?")
        params.append(coder)
    return store.rows(
        f"""
        SELECT DISTINCT s.id AS segment_id, a.respondent_id, k.code_id
        FROM segments s
        JOIN answers a ON a.id = s.answer_id
        JOIN codings k ON k.segment_id = s.id
        WHERE {' AND '.join(clauses)}
        ORDER BY s.id
        """,
        tuple(params),
    )


def all_respondent_attributes(store: Store) -> dict[str, dict]:
    """Every respondent's attributes, keyed by respondent id."""
    rows = store.rows("SELECT id, attributes FROM respondents")
    return {row["id"]: json.loads(row["attributes"] or "{}") for row in rows}


def project_state(store: Store) -> dict:
    """What identifies the project's state for a manifest: schema, last event, row counts."""
    last = store.rows("SELECT seq, at FROM events ORDER BY seq DESC LIMIT 1")
    counts = {
        table: store.scalar(f"SELECT COUNT(*) FROM {table}")
        for table in ("respondents", "questions", "answers", "segments", "codes", "codings")
    }
    return {
        "schema_version": store.schema_version(),
        "last_event_seq": last[0]["seq"] if last else None,
        "last_event_at": last[0]["at"] if last else None,
        "counts": counts,
    }


def report_segment_ids(store: Store, question_ids: list[str]) -> list[str]:
    """Ids of the segments marked for the report on the given questions (every wave)."""
    marks = ",".join("?" * len(question_ids))
    rows = store.rows(
        f"SELECT s.id FROM segments s JOIN answers a ON a.id = s.answer_id "
        f"WHERE s.for_report = 1 AND a.question_id IN ({marks}) ORDER BY s.id",
        tuple(question_ids),
    )
    return [row["id"] for row in rows]

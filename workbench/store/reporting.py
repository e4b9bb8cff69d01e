"""Read queries for the report exports: coded data per question, codebook, project state."""

from __future__ import annotations

from workbench.store.database import Store


def export_questions(store: Store, *, question_id: str | None = None) -> list[dict]:
    """Questions in report order, or only the one asked for."""
    if question_id is None:
        return store.rows("SELECT * FROM questions ORDER BY position, id")
    return store.rows("SELECT * FROM questions WHERE id = ?", (question_id,))


def latest_wave(store: Store) -> int | None:
    """The newest survey year present, or None for a project without answers."""
    return store.scalar("SELECT MAX(wave) FROM answers")


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


# Without a chosen coder, a segment settled by a consensus coder counts with the consensus
# codings only; other segments count with every coder's codings.
_DEFAULT_LAYER = """
    (k.coder IN (SELECT name FROM coders WHERE is_consensus = 1)
     OR NOT EXISTS (SELECT 1 FROM codings c JOIN coders cc ON cc.name = c.coder
                    WHERE c.segment_id = k.segment_id AND cc.is_consensus = 1))
"""


def _coder_clause(coder: str | None) -> tuple[str, tuple]:
    return ("k.coder = ?", (coder,)) if coder else (_DEFAULT_LAYER, ())


def respondent_code_pairs(store: Store, question_id: str, wave: int, coder: str | None = None) -> list[dict]:
    """Distinct (respondent, code) pairs coded on a question's answers in a wave."""
    coder_clause, coder_params = _coder_clause(coder)
    return store.rows(
        f"""
        SELECT DISTINCT a.respondent_id, k.code_id
        FROM codings k
        JOIN segments s ON s.id = k.segment_id
        JOIN answers a ON a.id = s.answer_id
        WHERE a.question_id = ? AND a.wave = ? AND a.is_nonresponse = 0 AND {coder_clause}
        """,
        (question_id, wave, *coder_params),
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
    coder_clause, coder_params = _coder_clause(coder)
    clauses.append(coder_clause)
    params.extend(coder_params)
    return store.rows(
        f"""
        SELECT DISTINCT s.id AS segment_id, a.respondent_id, k.code_id
        FROM segments s
        JOIN answers a ON a.id = s.answer_id
        JOIN codings k ON k.segment_id = s.id
        WHERE {" AND ".join(clauses)}
        ORDER BY s.id
        """,
        tuple(params),
    )


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

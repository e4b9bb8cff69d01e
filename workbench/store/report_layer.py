"""The report layer's codings: a chosen coder's, or every coder's with consensus codings
replacing theirs where a disagreement was settled; what counts and quotes are read from."""

from __future__ import annotations

from workbench.store.database import Store

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


def coded_segments_of_question(
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

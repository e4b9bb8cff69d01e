"""Counts across tables: project headline numbers, coding progress, codes in use."""

from __future__ import annotations

from workbench.store.answers import answers_coded_by
from workbench.store.coders import coder_names
from workbench.store.codes import LIVE_CODE
from workbench.store.database import Store


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
        "coders": coder_names(store),
        "codes": store.scalar(f"SELECT COUNT(*) FROM codes WHERE is_theme = 0 AND {LIVE_CODE}"),
    }


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


def question_progress_counts(store: Store, wave: int | None) -> dict[str, tuple[int, int]]:
    """Per question id: (answered, coded) answers in the wave (a whole-project count)."""
    answered = store.rows(
        "SELECT question_id AS qid, COUNT(*) AS answered FROM answers "
        "WHERE wave = ? AND is_nonresponse = 0 GROUP BY question_id",
        (wave,),
    )
    coded = store.rows(
        "SELECT a.question_id AS qid, COUNT(DISTINCT a.id) AS coded FROM codings k "
        "JOIN segments s ON s.id = k.segment_id JOIN answers a ON a.id = s.answer_id "
        "WHERE a.wave = ? GROUP BY a.question_id",
        (wave,),
    )
    coded_by_question = {row["qid"]: row["coded"] for row in coded}
    return {row["qid"]: (row["answered"], coded_by_question.get(row["qid"], 0)) for row in answered}


def sample_progress_counts(
    store: Store, wave: int | None, sample: frozenset[int], coder: str
) -> dict[str, tuple[int, int]]:
    """Per question id: (sample answers, those the coder has coded), for blind double-coding."""
    answers = store.db.execute(
        "SELECT id, question_id FROM answers WHERE wave = ? AND is_nonresponse = 0", (wave,)
    )
    coded = set(answers_coded_by(store, coder))
    counts: dict[str, tuple[int, int]] = {}
    for answer_id, question_id in answers:
        if answer_id in sample:
            answered, done = counts.get(question_id, (0, 0))
            counts[question_id] = (answered + 1, done + (answer_id in coded))
    return counts


def respondents_per_code(store: Store, question_id: str, wave: int | None) -> list[dict]:
    """Per code used in the question: its name and the number of respondents carrying it."""
    return store.rows(
        "SELECT c.id, c.name, COUNT(DISTINCT a.respondent_id) AS respondents "
        "FROM codings k JOIN segments s ON s.id = k.segment_id "
        "JOIN answers a ON a.id = s.answer_id JOIN codes c ON c.id = k.code_id "
        "WHERE a.question_id = ? AND a.wave = ? GROUP BY c.id ORDER BY respondents DESC, c.name",
        (question_id, wave),
    )


def code_usage(store: Store) -> dict[str, tuple[set[str], set[str]]]:
    """Per code id: (segment ids, respondent ids) coded with it, for codebook counts."""
    usage: dict[str, tuple[set[str], set[str]]] = {}
    rows = store.db.execute(
        "SELECT k.code_id, k.segment_id, a.respondent_id FROM codings k "
        "JOIN segments s ON s.id = k.segment_id JOIN answers a ON a.id = s.answer_id"
    )
    for code_id, segment_id, respondent_id in rows:
        segments, respondents = usage.setdefault(code_id, (set(), set()))
        segments.add(segment_id)
        respondents.add(respondent_id)
    return usage

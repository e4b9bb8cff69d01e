"""Queries on waves: the question mapping between waves' forms and codes not used in a wave."""

from __future__ import annotations

import json
from collections.abc import Iterable

from workbench.store.database import Store, now


def earlier_questions(store: Store, wave: int) -> list[dict]:
    """Questions answered in another wave: id, latest form text, and every form id they had.

    Rows: id, text, form_ids (list). Form ids recorded for ``wave`` itself count too, so a
    wave imported again maps as it did. A question imported before waves were mapped has
    its project id as its only form id and its project text.
    """
    rows = store.rows(
        """
        SELECT q.id, q.text, q.position FROM questions q
        WHERE EXISTS (SELECT 1 FROM answers a WHERE a.question_id = q.id AND a.wave != ?)
        ORDER BY q.position, q.id
        """,
        (wave,),
    )
    forms = _forms_by_question(store)
    return [
        {
            "id": row["id"],
            "text": forms[row["id"]][-1]["text"] if row["id"] in forms else row["text"],
            "form_ids": sorted({row["id"], *(form["form_id"] for form in forms.get(row["id"], []))}),
        }
        for row in rows
    ]


def _forms_by_question(store: Store) -> dict[str, list[dict]]:
    forms: dict[str, list[dict]] = {}
    for row in store.rows("SELECT question_id, form_id, text FROM question_waves ORDER BY wave"):
        forms.setdefault(row["question_id"], []).append(row)
    return forms


def record_question_waves(store: Store, wave: int, rows: Iterable[tuple]) -> None:
    """Store (question_id, form_id, text, status, sources) rows for ``wave``, replacing old ones."""
    store.executemany(
        "INSERT OR REPLACE INTO question_waves (question_id, wave, form_id, text, status, sources) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (
            (question_id, wave, form_id, text, status, json.dumps(list(sources)))
            for question_id, form_id, text, status, sources in rows
        ),
    )


def question_wave_rows(store: Store, wave: int | None = None) -> list[dict]:
    """The stored mapping (of one wave or all): question_id, wave, form_id, text, status, sources."""
    rows = store.rows(
        "SELECT * FROM question_waves WHERE (:wave IS NULL OR wave = :wave) ORDER BY wave, question_id",
        {"wave": wave},
    )
    return [{**row, "sources": json.loads(row["sources"])} for row in rows]


def mark_code_not_used(store: Store, code_id: str, wave: int, coder: str | None) -> None:
    """Note that ``code_id`` is not used in ``wave`` (kept in the codebook for other waves)."""
    store.execute(
        "INSERT OR IGNORE INTO codes_not_used (code_id, wave, marked_by, marked_at) VALUES (?, ?, ?, ?)",
        (code_id, wave, coder, now()),
    )


def unmark_code_not_used(store: Store, code_id: str, wave: int) -> None:
    """Use ``code_id`` in ``wave`` again."""
    store.execute("DELETE FROM codes_not_used WHERE code_id = ? AND wave = ?", (code_id, wave))


def codes_not_used(store: Store, wave: int) -> set[str]:
    """The ids of the codes marked as not used in ``wave``."""
    return {
        row["code_id"] for row in store.rows("SELECT code_id FROM codes_not_used WHERE wave = ?", (wave,))
    }


def codes_used_for_question(store: Store, question_ids: list[str]) -> list[dict]:
    """Codes applied to answers of these questions in any wave: code_id, wave, respondents."""
    marks = ", ".join("?" * len(question_ids))
    return store.rows(
        f"""
        SELECT k.code_id, a.wave, COUNT(DISTINCT a.respondent_id) AS respondents
        FROM codings k JOIN segments s ON s.id = k.segment_id JOIN answers a ON a.id = s.answer_id
        WHERE a.question_id IN ({marks})
        GROUP BY k.code_id, a.wave ORDER BY a.wave, k.code_id
        """,
        tuple(question_ids),
    )


def segment_waves(store: Store) -> dict[str, int]:
    """The wave of every segment's answer, keyed by segment id."""
    rows = store.rows("SELECT s.id, a.wave FROM segments s JOIN answers a ON a.id = s.answer_id")
    return {row["id"]: row["wave"] for row in rows}


def respondents_in_wave(store: Store, wave: int) -> set[str]:
    """The respondents with any answer row (a form) in ``wave``."""
    return {
        row["respondent_id"]
        for row in store.rows("SELECT DISTINCT respondent_id FROM answers WHERE wave = ?", (wave,))
    }


def question_waves_answered(store: Store, question_id: str) -> list[int]:
    """The waves in which the question has non-empty answers, oldest first."""
    rows = store.rows(
        "SELECT DISTINCT wave FROM answers WHERE question_id = ? AND is_nonresponse = 0 ORDER BY wave",
        (question_id,),
    )
    return [row["wave"] for row in rows]


def segment_lengths(store: Store, segment_ids: list[str]) -> dict[str, int]:
    """Each segment's length in characters, keyed by id."""
    lengths: dict[str, int] = {}
    for start in range(0, len(segment_ids), 500):
        chunk = segment_ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        rows = store.rows(
            f'SELECT id, "end" - start AS length FROM segments WHERE id IN ({marks})', tuple(chunk)
        )
        lengths.update({row["id"]: row["length"] for row in rows})
    return lengths


def questions_in_wave(store: Store, wave: int) -> set[str]:
    """The project questions with answer rows (a form column) in ``wave``."""
    rows = store.rows("SELECT DISTINCT question_id FROM answers WHERE wave = ?", (wave,))
    return {row["question_id"] for row in rows}


_SEGMENT_REFERENCES = (
    "codings",
    "memos",
    "assignments",
    "review_comments",
    "adjudications",
    "anonymisation_proposals",
    "anonymisation_spans",
    "anonymisation_texts",
    "anonymisation_log",
)


def worked_answers(store: Store, wave: int, question_id: str) -> int:
    """How many of the question's answers in ``wave`` carry any work: a segment other than the
    whole-answer one, or one that codings, memos, reviews, anonymisation, merge conflicts or
    events refer to. Only unworked answers can move to another question safely."""
    referenced = " OR ".join(f"s.id IN (SELECT segment_id FROM {table})" for table in _SEGMENT_REFERENCES)
    return store.scalar(
        f"""
        SELECT COUNT(DISTINCT a.id) FROM answers a JOIN segments s ON s.answer_id = a.id
        WHERE a.wave = ? AND a.question_id = ? AND (
            s.start != 0 OR s."end" != length(a.text) OR s.for_report != 0 OR {referenced}
            OR s.id IN (SELECT target FROM merge_conflicts)
            OR s.id IN (SELECT target FROM events WHERE target IS NOT NULL)
        )
        """,
        (wave, question_id),
    )


def delete_question_waves(store: Store, wave: int) -> None:
    """Forget the stored mapping of ``wave`` (before writing a new one)."""
    store.execute("DELETE FROM question_waves WHERE wave = ?", (wave,))


def copy_question(store: Store, source_id: str, new_id: str, text: str) -> None:
    """A new project question like ``source_id`` (kind, chapter, place) with its own id and text."""
    store.execute(
        "INSERT OR IGNORE INTO questions (id, text, kind, chapter, position, single_code) "
        "SELECT ?, ?, kind, chapter, position, single_code FROM questions WHERE id = ?",
        (new_id, text, source_id),
    )


def move_wave_answers(store: Store, wave: int, old_id: str, new_id: str, segment_id_of) -> int:
    """Move the question's answers of ``wave`` to ``new_id``, their whole-answer segments
    re-keyed by ``segment_id_of(respondent, question, wave)`` as an import would have made them.
    Returns how many answers moved."""
    answers = store.rows(
        "SELECT a.id, a.respondent_id, s.id AS segment_id FROM answers a "
        "LEFT JOIN segments s ON s.answer_id = a.id WHERE a.wave = ? AND a.question_id = ?",
        (wave, old_id),
    )
    store.executemany(
        "UPDATE segments SET id = ? WHERE id = ?",
        (
            (segment_id_of(row["respondent_id"], new_id, wave), row["segment_id"])
            for row in answers
            if row["segment_id"] is not None
        ),
    )
    store.execute(
        "UPDATE answers SET question_id = ? WHERE wave = ? AND question_id = ?", (new_id, wave, old_id)
    )
    return len({row["id"] for row in answers})


def drop_question_if_unused(store: Store, question_id: str) -> bool:
    """Delete a question that has no answers and no mapping rows left; whether it was deleted."""
    cursor = store.execute(
        "DELETE FROM questions WHERE id = ? AND NOT EXISTS (SELECT 1 FROM answers WHERE question_id = ?) "
        "AND NOT EXISTS (SELECT 1 FROM question_waves WHERE question_id = ?)",
        (question_id, question_id, question_id),
    )
    return cursor.rowcount > 0

"""Queries on segments: the coded spans of an answer's raw text (0-based, end-exclusive)."""

from __future__ import annotations

import json

from workbench.store.database import Store, now

_WITH_ANSWER = (
    "SELECT s.*, a.text AS answer_text, a.question_id FROM segments s JOIN answers a ON a.id = s.answer_id"
)


def _with_segment_text(rows: list[dict]) -> list[dict]:
    for row in rows:
        row["segment_text"] = row["answer_text"][row["start"] : row["end"]]
    return rows


def segment_row(store: Store, segment_id: str) -> dict | None:
    """One segment by id with its answer's text and question (None if unknown)."""
    rows = _with_segment_text(store.rows(f"{_WITH_ANSWER} WHERE s.id = ?", (segment_id,)))
    return rows[0] if rows else None


def segments_of_answer(store: Store, answer_id: int) -> list[dict]:
    """The segments of one answer in text order, each with its answer's text and question
    (``answer_text``, ``question_id``) and its own text (``segment_text``)."""
    return _with_segment_text(
        store.rows(f"{_WITH_ANSWER} WHERE s.answer_id = ? ORDER BY s.start", (answer_id,))
    )


def all_segments(store: Store) -> list[dict]:
    """Every segment, by answer and position."""
    return store.rows("SELECT * FROM segments ORDER BY answer_id, start")


_EMPTY_AND_REPLACED = """s.coder IS NULL
    AND EXISTS (SELECT 1 FROM segments own WHERE own.answer_id = s.answer_id AND own.coder IS NOT NULL
                AND own.start < s.end AND s.start < own.end)
    AND NOT EXISTS (SELECT 1 FROM codings k WHERE k.segment_id = s.id)
    AND NOT EXISTS (SELECT 1 FROM memos m WHERE m.segment_id = s.id)"""


def segments_with_answers(store: Store, question_ids: list[str] | None = None) -> list[dict]:
    """Segments of non-empty answers with their answer's key and text, in report order; a shared
    segment that carries nothing is left out where a coder has their own segmentation instead."""
    where, params = f"a.is_nonresponse = 0 AND NOT ({_EMPTY_AND_REPLACED})", []
    if question_ids:
        where += f" AND a.question_id IN ({', '.join('?' for _ in question_ids)})"
        params = list(question_ids)
    return store.rows(
        f"""SELECT s.id, s.start, s.end, s.for_report, s.created_at, s.coder, a.id AS answer_id,
                   a.respondent_id, a.question_id, a.wave, a.text AS answer_text
            FROM segments s JOIN answers a ON a.id = s.answer_id
            JOIN questions q ON q.id = a.question_id
            WHERE {where}
            ORDER BY a.wave, q.position, q.id, a.respondent_id, s.start""",
        tuple(params),
    )


def segment_exists(store: Store, segment_id: str) -> bool:
    """True when a segment with this id exists anywhere in the project."""
    return store.scalar("SELECT 1 FROM segments WHERE id = ?", (segment_id,)) is not None


def used_segment_ids(store: Store, answer_id: int) -> set[str]:
    """Ids of an answer's segments that carry a coding or a memo."""
    rows = store.rows(
        """SELECT s.id FROM segments s WHERE s.answer_id = ? AND (
               EXISTS (SELECT 1 FROM codings c WHERE c.segment_id = s.id)
               OR EXISTS (SELECT 1 FROM memos m WHERE m.segment_id = s.id))""",
        (answer_id,),
    )
    return {row["id"] for row in rows}


def insert_segment(store: Store, segment: dict) -> None:
    """Insert a segment keeping its id (``for_report``, ``created_at`` and ``coder``, the owner,
    may be left out; no owner is a shared segment)."""
    store.execute(
        "INSERT INTO segments (id, answer_id, start, end, for_report, created_at, coder) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            segment["id"],
            segment["answer_id"],
            segment["start"],
            segment["end"],
            int(segment.get("for_report") or 0),
            segment.get("created_at") or now(),
            segment.get("coder"),
        ),
    )


def replace_segments(store: Store, answer_id: int, segments: list[dict]) -> None:
    """Replace an uncoded answer's shared segmentation by the given segments (coders' own
    segments stay)."""
    store.execute(
        "DELETE FROM segments WHERE answer_id = ? AND coder IS NULL "
        "AND id NOT IN (SELECT segment_id FROM codings) "
        "AND id NOT IN (SELECT segment_id FROM memos WHERE segment_id IS NOT NULL)",
        (answer_id,),
    )
    for segment in segments:
        insert_segment(store, {**segment, "answer_id": answer_id})


def set_for_report(store: Store, segment_id: str, for_report: bool) -> None:
    """Mark or unmark a segment as chosen for the report."""
    store.execute("UPDATE segments SET for_report = ? WHERE id = ?", (int(for_report), segment_id))


def set_segment_end(store: Store, segment_id: str, end: int) -> None:
    """Move a segment's end offset."""
    store.execute("UPDATE segments SET end = ? WHERE id = ?", (end, segment_id))


def delete_segment(store: Store, segment_id: str) -> None:
    """Remove a segment (its codings and memos must be gone or moved first)."""
    store.execute("DELETE FROM segments WHERE id = ?", (segment_id,))


def segment_ids_of_answers(store: Store, answer_ids: list[int]) -> list[str]:
    """Every segment of the given answers (for bulk coding)."""
    marks = ",".join("?" * len(answer_ids))
    return [
        row["id"]
        for row in store.rows(
            f"SELECT id FROM segments WHERE answer_id IN ({marks}) ORDER BY answer_id, start", answer_ids
        )
    ]


def report_segment_ids(store: Store, question_ids: list[str]) -> list[str]:
    """Ids of the segments marked for the report on the given questions (every wave)."""
    marks = ",".join("?" * len(question_ids))
    rows = store.rows(
        f"SELECT s.id FROM segments s JOIN answers a ON a.id = s.answer_id "
        f"WHERE s.for_report = 1 AND a.question_id IN ({marks}) ORDER BY s.id",
        tuple(question_ids),
    )
    return [row["id"] for row in rows]


def segment_count(store: Store) -> int:
    """Segments of non-empty answers in the project."""
    return store.scalar(
        "SELECT COUNT(*) FROM segments s JOIN answers a ON a.id = s.answer_id WHERE a.is_nonresponse = 0"
    )


def answered_segments(store: Store, question_id: str | None = None) -> list[tuple[str, int, str]]:
    """(question id, answer id, segment id) of every shared segment of a non-empty answer (a
    coder's own segments are left out: they replace shared ones for that coder only)."""
    sql = (
        "SELECT a.question_id, a.id, s.id FROM segments s JOIN answers a ON a.id = s.answer_id "
        "WHERE a.is_nonresponse = 0 AND s.coder IS NULL"
    )
    params: tuple = ()
    if question_id is not None:
        sql += " AND a.question_id = ?"
        params = (question_id,)
    return store.db.execute(sql + " ORDER BY a.question_id, a.id, s.start", params).fetchall()


_SEGMENT_SELECT = """
    SELECT s.id, s.answer_id, s.start, s.end, s.for_report,
           substr(a.text, s.start + 1, s.end - s.start) AS text,
           a.respondent_id, a.question_id, a.wave, r.attributes
    FROM segments s
    JOIN answers a ON a.id = s.answer_id
    JOIN respondents r ON r.id = a.respondent_id
"""


def _with_attributes(rows: list[dict]) -> list[dict]:
    for row in rows:
        row["attributes"] = json.loads(row["attributes"] or "{}")
    return rows


def segments_with_attributes(store: Store, *, for_report_only: bool = True) -> list[dict]:
    """Segments with their text and respondent attributes (only report quotes by default)."""
    where = "WHERE s.for_report = 1" if for_report_only else ""
    return _with_attributes(store.rows(f"{_SEGMENT_SELECT} {where} ORDER BY a.question_id, a.id, s.start"))


def segments_by_id(store: Store, segment_ids: list[str]) -> dict[str, dict]:
    """The given segments with their own text (``text``) and respondent attributes, keyed by id
    (unknown ids are left out)."""
    found = {}
    for chunk_start in range(0, len(segment_ids), 500):
        chunk = segment_ids[chunk_start : chunk_start + 500]
        marks = ",".join("?" * len(chunk))
        rows = store.rows(f"{_SEGMENT_SELECT} WHERE s.id IN ({marks})", tuple(chunk))
        found.update((row["id"], row) for row in _with_attributes(rows))
    return found


def seen_by_coder(alias: str) -> str:
    """SQL: segment ``alias`` is in the coder's (``:coder``) segmentation of its answer: their own
    segments, and the shared ones none of their own overlaps."""
    return (
        f"({alias}.coder = :coder OR ({alias}.coder IS NULL AND NOT EXISTS (SELECT 1 FROM segments own "
        f"WHERE own.answer_id = {alias}.answer_id AND own.coder = :coder "
        f"AND own.start < {alias}.end AND {alias}.start < own.end)))"
    )


SEEN_BY_CODER = seen_by_coder("s")


def coder_segments_of_answer(store: Store, answer_id: int, coder: str | None) -> list[dict]:
    """One coder's segmentation of an answer in text order, with the answer's text and question
    and each segment's own text (``segment_text``); None: the shared segmentation."""
    return _with_segment_text(
        store.rows(
            f"{_WITH_ANSWER} WHERE s.answer_id = :answer AND {SEEN_BY_CODER} ORDER BY s.start",
            {"answer": answer_id, "coder": coder},
        )
    )


def owned_segments_of_answer(store: Store, answer_id: int, owner: str | None) -> list[dict]:
    """The segments of an answer that belong to ``owner`` (None: the shared ones), in text order."""
    return _with_segment_text(
        store.rows(
            f"{_WITH_ANSWER} WHERE s.answer_id = ? AND s.coder IS ? ORDER BY s.start", (answer_id, owner)
        )
    )


def coder_segment_ids_of_answers(store: Store, answer_ids: list[int], coder: str) -> list[str]:
    """The segments of the given answers in one coder's segmentation (for bulk coding)."""
    found = []
    for first in range(0, len(answer_ids), 500):
        chunk = answer_ids[first : first + 500]
        params = {f"a{index}": answer_id for index, answer_id in enumerate(chunk)}
        marks = ", ".join(f":{name}" for name in params)
        rows = store.rows(
            f"SELECT s.id FROM segments s WHERE s.answer_id IN ({marks}) AND {SEEN_BY_CODER} "
            "ORDER BY s.answer_id, s.start",
            {**params, "coder": coder},
        )
        found += [row["id"] for row in rows]
    return found


def _chunked_rows(store: Store, sql: str, answer_ids: list[int]) -> list[tuple]:
    found: list[tuple] = []
    for first in range(0, len(answer_ids), 500):
        chunk = answer_ids[first : first + 500]
        found += store.db.execute(sql.format(marks=",".join("?" * len(chunk))), chunk).fetchall()
    return found


def owned_segments_of_answers(store: Store, answer_ids: list[int]) -> dict[str, str]:
    """Segment id → owner of every coder's own segment of the given answers."""
    sql = "SELECT id, coder FROM segments WHERE answer_id IN ({marks}) AND coder IS NOT NULL"
    return dict(_chunked_rows(store, sql, answer_ids))


def first_shared_segments(store: Store, answer_ids: list[int]) -> dict[int, str]:
    """Answer id → its first shared segment: where a decision on the whole answer is kept."""
    sql = (
        "SELECT answer_id, id FROM segments WHERE answer_id IN ({marks}) AND coder IS NULL "
        "ORDER BY answer_id, start DESC"
    )
    return dict(_chunked_rows(store, sql, answer_ids))


def answers_segmented_apart(store: Store, coders: list[str], question_ids: list[str]) -> int:
    """Answers of the questions that two or more of the coders coded where at least one of them
    coded their own segmentation (so the coders' segments differ)."""
    if not coders or not question_ids:
        return 0
    coder_marks, question_marks = ",".join("?" * len(coders)), ",".join("?" * len(question_ids))
    return store.scalar(
        f"""SELECT COUNT(*) FROM (
                SELECT s.answer_id FROM codings k JOIN segments s ON s.id = k.segment_id
                JOIN answers a ON a.id = s.answer_id
                WHERE k.coder IN ({coder_marks}) AND a.question_id IN ({question_marks})
                GROUP BY s.answer_id
                HAVING COUNT(DISTINCT k.coder) >= 2 AND MAX(s.coder IS NOT NULL) = 1)""",
        (*coders, *question_ids),
    )

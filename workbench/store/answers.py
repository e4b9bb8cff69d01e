"""Queries on answers: one respondent's raw text for one question in one wave, and the
answer lists the coding screens filter."""

from __future__ import annotations

import json
from dataclasses import dataclass

from workbench.store.database import Store
from workbench.store.segments import seen_by_coder


@dataclass(frozen=True)
class AnswerFilter:
    """Which answers of a question to show; empty fields mean "no restriction"."""

    uncoded: bool = False
    code_id: str | None = None
    coder: str | None = None
    county: str | None = None
    size_group: str | None = None
    text: str | None = None

    def describe(self) -> str:
        """A short human label such as 'uncoded, county Agder'."""
        parts = ["uncoded"] if self.uncoded else []
        labels = {
            "code_id": "coded",
            "coder": "coder",
            "county": "county",
            "size_group": "size",
            "text": "search",
        }
        parts += [
            f"{label} {getattr(self, field)}"
            for field, label in labels.items()
            if getattr(self, field) and field != "code_id"
        ]
        if self.code_id:
            parts.append("coded with a code")
        return ", ".join(parts)


NO_FILTER = AnswerFilter()


CODED_ANSWER = (
    "EXISTS (SELECT 1 FROM segments s JOIN codings k ON k.segment_id = s.id WHERE s.answer_id = a.id{extra})"
)


def _filter_sql(answer_filter: AnswerFilter, only_coder: str | None = None) -> tuple[str, list]:
    """SQL conditions for a filter; with ``only_coder``, only that coder's codings count (blind)."""
    mine, mine_params = (" AND k.coder = ?", [only_coder]) if only_coder else ("", [])
    clauses, params = [], []
    if answer_filter.uncoded:
        clauses.append("NOT " + CODED_ANSWER.format(extra=mine))
        params += mine_params
    if answer_filter.code_id:
        clauses.append(CODED_ANSWER.format(extra=mine + " AND k.code_id = ?"))
        params += [*mine_params, answer_filter.code_id]
    if answer_filter.coder:
        clauses.append(CODED_ANSWER.format(extra=" AND k.coder = ?"))
        params.append(answer_filter.coder)
    for key in ("county", "size_group"):
        if getattr(answer_filter, key):
            clauses.append(f"json_extract(r.attributes, '$.{key}') = ?")
            params.append(getattr(answer_filter, key))
    if answer_filter.text:
        clauses.append(
            "(a.text LIKE ? OR "
            + CODED_ANSWER.format(extra=mine + " AND k.code_id IN (SELECT id FROM codes WHERE name LIKE ?)")
            + ")"
        )
        params += [f"%{answer_filter.text}%", *mine_params, f"%{answer_filter.text}%"]
    return "".join(f" AND {clause}" for clause in clauses), params


def answer_ids(
    store: Store,
    question_id: str,
    wave: int | None,
    answer_filter: AnswerFilter = NO_FILTER,
    only_coder: str | None = None,
) -> list[int]:
    """Ids of the question's answers (not non-responses) in respondent order; with
    ``only_coder``, only that coder's codings count in the filter (a blind coder's view)."""
    where, params = _filter_sql(answer_filter, only_coder)
    rows = store.db.execute(
        "SELECT a.id FROM answers a JOIN respondents r ON r.id = a.respondent_id "
        f"WHERE a.question_id = ? AND a.wave = ? AND a.is_nonresponse = 0{where} "
        "ORDER BY a.respondent_id, a.id",
        [question_id, wave, *params],
    ).fetchall()
    return [row[0] for row in rows]


def uncoded_answer_ids(
    store: Store, question_id: str, wave: int | None, coder: str | None = None
) -> list[int]:
    """Ids of the question's answers that carry no code yet (of the coder, if one is given),
    in respondent order."""
    if coder is None:
        return answer_ids(store, question_id, wave, AnswerFilter(uncoded=True))
    coded = set(answer_ids(store, question_id, wave, AnswerFilter(coder=coder)))
    return [answer for answer in answer_ids(store, question_id, wave) if answer not in coded]


def table_rows(
    store: Store,
    question_id: str | None,
    wave: int | None,
    answer_filter: AnswerFilter = NO_FILTER,
    only_coder: str | None = None,
) -> list[dict]:
    """One row per answer (of one question, or all): respondent, name, text, code names
    (only ``only_coder``'s codes when given, for blind coding)."""
    where, params = _filter_sql(answer_filter, only_coder)
    coder_clause, coder_params = (" AND k.coder = ?", [only_coder]) if only_coder else ("", [])
    question = "a.question_id = ?" if question_id else "a.question_id IS NOT ?"
    return store.rows(
        "SELECT a.id, a.question_id, a.respondent_id, "
        "json_extract(r.attributes, '$.name') AS name, a.text, "
        "(SELECT GROUP_CONCAT(name, '; ') FROM (SELECT DISTINCT c.name FROM segments s "
        " JOIN codings k ON k.segment_id = s.id JOIN codes c ON c.id = k.code_id "
        f" WHERE s.answer_id = a.id{coder_clause} ORDER BY c.name)) AS codes "
        "FROM answers a JOIN respondents r ON r.id = a.respondent_id "
        f"WHERE {question} AND a.wave = ? AND a.is_nonresponse = 0{where} "
        "ORDER BY a.question_id, a.respondent_id",
        [*coder_params, question_id, wave, *params],
    )


def answer_row(store: Store, answer_id: int) -> dict | None:
    """One answer with its respondent id, question id, wave and raw text."""
    rows = store.rows("SELECT * FROM answers WHERE id = ?", (answer_id,))
    return rows[0] if rows else None


def answer_detail(store: Store, answer_id: int) -> dict | None:
    """One answer with its text and its respondent's attributes (a dict)."""
    rows = store.rows(
        "SELECT a.id, a.respondent_id, a.question_id, a.wave, a.text, r.attributes "
        "FROM answers a JOIN respondents r ON r.id = a.respondent_id WHERE a.id = ?",
        (answer_id,),
    )
    if not rows:
        return None
    row = rows[0]
    row["attributes"] = json.loads(row["attributes"] or "{}")
    return row


def answer_text(store: Store, answer_id: int) -> str | None:
    """The raw text of one answer (None if there is no such answer)."""
    return store.scalar("SELECT text FROM answers WHERE id = ?", (answer_id,))


def answer_id_for(store: Store, respondent_id: str, question_id: str, wave: int) -> int | None:
    """The id of one respondent's answer to one question in one wave."""
    return store.scalar(
        "SELECT id FROM answers WHERE respondent_id = ? AND question_id = ? AND wave = ?",
        (respondent_id, question_id, wave),
    )


def answer_keys(store: Store) -> list[dict]:
    """Every answer's id with its respondent and question (for matching outside files)."""
    return store.rows("SELECT id, respondent_id, question_id FROM answers ORDER BY id")


def answer_texts(store: Store) -> list[dict]:
    """Every non-empty answer of the project: id, question_id, text (the representation's corpus)."""
    return store.rows("SELECT id, question_id, text FROM answers WHERE is_nonresponse = 0 ORDER BY id")


def answer_fingerprint(store: Store) -> tuple[int, int]:
    """(count, highest id) of non-empty answers: changes whenever answers are imported."""
    row = store.rows(
        "SELECT COUNT(*) AS answers, COALESCE(MAX(id), 0) AS last FROM answers WHERE is_nonresponse = 0"
    )[0]
    return row["answers"], row["last"]


def answers_of_question(store: Store, question_id: str) -> list[dict]:
    """Non-empty answers of a question: id, text."""
    return store.rows(
        "SELECT id, text FROM answers WHERE question_id = ? AND is_nonresponse = 0 ORDER BY id",
        (question_id,),
    )


def uncoded_answers(store: Store, question_id: str, coder: str | None = None) -> list[dict]:
    """Non-empty answers of a question without any coding (by ``coder`` if given): id, text."""
    return store.rows(
        """
        SELECT a.id, a.text FROM answers a
        WHERE a.question_id = :question AND a.is_nonresponse = 0
          AND NOT EXISTS (
            SELECT 1 FROM segments s JOIN codings k ON k.segment_id = s.id
            WHERE s.answer_id = a.id AND (:coder IS NULL OR k.coder = :coder)
          )
        ORDER BY a.id
        """,
        {"question": question_id, "coder": coder},
    )


def answered_answers(store: Store) -> list[dict]:
    """Every non-empty answer, in question order then respondent."""
    return store.rows(
        """SELECT a.* FROM answers a JOIN questions q ON q.id = a.question_id
           WHERE a.is_nonresponse = 0 ORDER BY a.wave, q.position, q.id, a.respondent_id"""
    )


def insert_answer(store: Store, respondent_id: str, question_id: str, wave: int, text: str) -> int:
    """Insert an answer (non-response when blank) and return its id."""
    cursor = store.execute(
        "INSERT INTO answers (respondent_id, question_id, wave, text, is_nonresponse) VALUES (?, ?, ?, ?, ?)",
        (respondent_id, question_id, wave, text, int(not text.strip())),
    )
    return cursor.lastrowid


def answer_coverage(store: Store, question_id: str, wave: int | None, coder: str | None) -> list[dict]:
    """Per non-empty answer of a question: its id and whether every segment carries a coding.

    With ``coder``: every segment of their segmentation carries one of their codings. Without:
    every coder's own segment carries a coding, and so does every shared segment no own one replaces.
    """
    wave_clause = "" if wave is None else "AND a.wave = :wave"
    if coder is None:
        counted = (
            "(s.coder IS NOT NULL OR NOT EXISTS (SELECT 1 FROM segments own "
            "WHERE own.answer_id = s.answer_id AND own.coder IS NOT NULL "
            "AND own.start < s.end AND s.start < own.end))"
        )
        coded_here = "EXISTS (SELECT 1 FROM codings k WHERE k.segment_id = s.id)"
    else:
        counted = seen_by_coder("s")
        coded_here = "EXISTS (SELECT 1 FROM codings k WHERE k.segment_id = s.id AND k.coder = :coder)"
    return store.rows(
        f"""
        SELECT a.id,
               NOT EXISTS (
                   SELECT 1 FROM segments s WHERE s.answer_id = a.id AND {counted} AND NOT {coded_here}
               ) AND EXISTS (SELECT 1 FROM segments s WHERE s.answer_id = a.id) AS coded
        FROM answers a
        WHERE a.question_id = :question AND a.is_nonresponse = 0 {wave_clause}
        ORDER BY a.wave, a.id
        """,
        {"question": question_id, "wave": wave, "coder": coder},
    )


def answered_respondents(store: Store, question_id: str, wave: int) -> list[str]:
    """Respondents who gave a real (non-empty) answer to a question in a wave."""
    rows = store.rows(
        "SELECT respondent_id FROM answers WHERE question_id = ? AND wave = ? "
        "AND is_nonresponse = 0 ORDER BY respondent_id",
        (question_id, wave),
    )
    return [row["respondent_id"] for row in rows]


def reporting_units(store: Store, wave: int) -> int:
    """Respondents in the project for a wave: those with any answer row that year."""
    units = store.scalar("SELECT COUNT(DISTINCT respondent_id) FROM answers WHERE wave = ?", (wave,))
    return units or store.scalar("SELECT COUNT(*) FROM respondents")


def answers_coded_by(store: Store, coder: str) -> list[int]:
    """Answers carrying at least one coding by the coder, in question and answer order."""
    rows = store.db.execute(
        "SELECT DISTINCT a.id, a.question_id FROM codings k JOIN segments s ON s.id = k.segment_id "
        "JOIN answers a ON a.id = s.answer_id WHERE k.coder = ? ORDER BY a.question_id, a.id",
        (coder,),
    ).fetchall()
    return [row[0] for row in rows]


def every_answer(store: Store) -> list[dict]:
    """Every answer, non-responses included, in wave, question and respondent order."""
    return store.rows(
        """SELECT a.* FROM answers a JOIN questions q ON q.id = a.question_id
           ORDER BY a.wave, q.position, q.id, a.respondent_id"""
    )

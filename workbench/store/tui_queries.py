"""Read queries the terminal UI needs: one question's answers, their codes, counts, memos.

Everything here reads, except ``save_memo``; codings and codes are only ever written
through ``workbench.coding``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from workbench.store.database import Store, new_id, now


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


def latest_wave(store: Store) -> int | None:
    """The most recent survey year in the project."""
    return store.scalar("SELECT MAX(wave) FROM answers")


def questions(store: Store) -> list[dict]:
    """All questions in report order (cheap: no counts)."""
    return store.rows("SELECT id, text, kind, chapter, single_code FROM questions ORDER BY position, id")


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
    store: Store, question_id: str, wave: int | None, answer_filter: AnswerFilter = NO_FILTER
) -> list[int]:
    """Ids of the question's answers (not non-responses) in respondent order."""
    where, params = _filter_sql(answer_filter)
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


def sample_progress_counts(
    store: Store, wave: int | None, sample: frozenset[int], coder: str
) -> dict[str, tuple[int, int]]:
    """Per question id: (sample answers, those the coder has coded), for blind double-coding."""
    answers = store.db.execute(
        "SELECT id, question_id FROM answers WHERE wave = ? AND is_nonresponse = 0", (wave,)
    )
    coded = {
        row[0]
        for row in store.db.execute(
            "SELECT DISTINCT s.answer_id FROM codings k JOIN segments s ON s.id = k.segment_id "
            "WHERE k.coder = ?",
            (coder,),
        )
    }
    counts: dict[str, tuple[int, int]] = {}
    for answer_id, question_id in answers:
        if answer_id in sample:
            answered, done = counts.get(question_id, (0, 0))
            counts[question_id] = (answered + 1, done + (answer_id in coded))
    return counts


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


def segments_with_codes(store: Store, answer_id: int) -> list[dict]:
    """The answer's segments in order, each with a list of its codings (code, theme, coder)."""
    segments = store.rows(
        "SELECT id, start, end, for_report FROM segments WHERE answer_id = ? ORDER BY start", (answer_id,)
    )
    codings = store.rows(
        "SELECT k.segment_id, k.code_id, k.coder, k.how, c.name, p.name AS theme "
        "FROM codings k JOIN segments s ON s.id = k.segment_id "
        "JOIN codes c ON c.id = k.code_id LEFT JOIN codes p ON p.id = c.parent_id "
        "WHERE s.answer_id = ? ORDER BY k.created_at",
        (answer_id,),
    )
    for segment in segments:
        segment["codings"] = [row for row in codings if row["segment_id"] == segment["id"]]
    return segments


def live_codes(store: Store) -> list[dict]:
    """Every live code and theme with its full path ("Theme > Code"), in tree order."""
    rows = store.rows(
        "SELECT id, parent_id, name, definition, is_theme, codable, colour FROM codes "
        "WHERE merged_into IS NULL AND retired = 0 ORDER BY position, name"
    )
    by_id = {row["id"]: row for row in rows}
    for row in rows:
        names, node = [], row
        while node is not None:
            names.append(node["name"])
            node = by_id.get(node["parent_id"])
        row["path"] = " > ".join(reversed(names))
    return sorted(rows, key=lambda row: row["path"].casefold())


def recent_codes(store: Store, question_id: str, coder: str, limit: int = 3) -> list[str]:
    """The codes the coder applied last in this question, newest first (cheap: uses the
    coder's own index and looks at their latest codings only)."""
    rows = store.rows(
        "SELECT k.code_id, a.question_id FROM codings k "
        "JOIN segments s ON s.id = k.segment_id JOIN answers a ON a.id = s.answer_id "
        "WHERE k.coder = ? ORDER BY k.created_at DESC LIMIT 200",
        (coder,),
    )
    recent = [row["code_id"] for row in rows if row["question_id"] == question_id]
    return list(dict.fromkeys(recent))[:limit]


def frequent_codes(store: Store, question_id: str, limit: int = 9) -> list[str]:
    """The codes used most in this question, most used first (a per-question count)."""
    rows = store.rows(
        "SELECT k.code_id, COUNT(*) AS uses FROM segments s "
        "JOIN codings k ON k.segment_id = s.id JOIN codes c ON c.id = k.code_id "
        "WHERE s.answer_id IN (SELECT id FROM answers WHERE question_id = ?) "
        "AND c.merged_into IS NULL AND c.retired = 0 "
        "GROUP BY k.code_id ORDER BY uses DESC LIMIT ?",
        (question_id, limit),
    )
    return [row["code_id"] for row in rows]


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


def segment_ids_of_answers(store: Store, answer_ids: list[int]) -> list[str]:
    """Every segment of the given answers (for bulk coding)."""
    marks = ",".join("?" * len(answer_ids))
    return [
        row["id"]
        for row in store.rows(
            f"SELECT id FROM segments WHERE answer_id IN ({marks}) ORDER BY answer_id, start", answer_ids
        )
    ]


def coding_ids_of(store: Store, code_id: str, answer_ids: list[int]) -> list[str]:
    """The codings of one code on the given answers (for splitting a code)."""
    marks = ",".join("?" * len(answer_ids))
    return [
        row["id"]
        for row in store.rows(
            "SELECT k.id FROM codings k JOIN segments s ON s.id = k.segment_id "
            f"WHERE k.code_id = ? AND s.answer_id IN ({marks})",
            [code_id, *answer_ids],
        )
    ]


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


def respondents_per_code(store: Store, question_id: str, wave: int | None) -> list[dict]:
    """Per code used in the question: its name and the number of respondents carrying it."""
    return store.rows(
        "SELECT c.id, c.name, COUNT(DISTINCT a.respondent_id) AS respondents "
        "FROM codings k JOIN segments s ON s.id = k.segment_id "
        "JOIN answers a ON a.id = s.answer_id JOIN codes c ON c.id = k.code_id "
        "WHERE a.question_id = ? AND a.wave = ? GROUP BY c.id ORDER BY respondents DESC, c.name",
        (question_id, wave),
    )


def answering_respondents(store: Store, question_id: str, wave: int | None) -> int:
    """How many respondents gave a (non-empty) answer: the base of percentages."""
    return (
        store.scalar(
            "SELECT COUNT(DISTINCT respondent_id) FROM answers "
            "WHERE question_id = ? AND wave = ? AND is_nonresponse = 0",
            (question_id, wave),
        )
        or 0
    )


def attribute_values(store: Store, key: str) -> list[str]:
    """The distinct values of one respondent attribute (county, size_group), sorted."""
    rows = store.rows(
        f"SELECT DISTINCT json_extract(attributes, '$.{key}') AS value FROM respondents "
        "WHERE value IS NOT NULL ORDER BY value"
    )
    return [str(row["value"]) for row in rows]


def coder_names(store: Store) -> list[str]:
    """Every coder in the project."""
    return [row["name"] for row in store.rows("SELECT name FROM coders ORDER BY name")]


def memo_text(store: Store, segment_id: str, coder: str) -> str:
    """The coder's memo on a segment, or an empty string."""
    return (
        store.scalar("SELECT text FROM memos WHERE segment_id = ? AND coder = ?", (segment_id, coder)) or ""
    )


def save_memo(store: Store, segment_id: str, coder: str, text: str) -> None:
    """Write (or replace) the coder's memo on a segment, logging the change."""
    before = memo_text(store, segment_id, coder)
    with store.atomic():
        store.execute("DELETE FROM memos WHERE segment_id = ? AND coder = ?", (segment_id, coder))
        if text:
            store.execute(
                "INSERT INTO memos (id, segment_id, coder, text, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (new_id(), segment_id, coder, text, now(), now()),
            )
        store.log_event("memo", coder=coder, target=segment_id, before={"text": before}, after={"text": text})


def memos_with_places(store: Store) -> list[dict]:
    """Every segment memo with where it sits: question, respondent, answer, coder, text."""
    return store.rows(
        "SELECT m.text, m.coder, m.updated_at, s.answer_id, a.question_id, a.respondent_id "
        "FROM memos m JOIN segments s ON s.id = m.segment_id JOIN answers a ON a.id = s.answer_id "
        "ORDER BY a.question_id, a.respondent_id, s.start, m.coder"
    )


def coded_respondents(store: Store, question_id: str, wave: int | None) -> int:
    """How many respondents have a coded answer to the question: the base of a chart of codes."""
    return (
        store.scalar(
            "SELECT COUNT(DISTINCT a.respondent_id) FROM answers a "
            "JOIN segments s ON s.answer_id = a.id JOIN codings k ON k.segment_id = s.id "
            "WHERE a.question_id = ? AND a.wave = ?",
            (question_id, wave),
        )
        or 0
    )

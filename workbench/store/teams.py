"""Queries for team work: codings per coder, assignments, review comments, adjudications."""

from __future__ import annotations

from collections.abc import Iterable

from workbench.store.database import Store, new_id, now, placeholders


def assigned_answer_ids(store: Store, coder: str) -> set[int]:
    """Answers holding at least one segment assigned to the coder."""
    rows = store.db.execute(
        "SELECT DISTINCT s.answer_id FROM assignments g JOIN segments s ON s.id = g.segment_id "
        "WHERE g.coder = ?",
        (coder,),
    ).fetchall()
    return {row[0] for row in rows}


def assignment_summary(store: Store, coder: str) -> tuple[int, bool]:
    """How many segments are assigned to the coder, and whether any of them is blind."""
    row = store.db.execute(
        "SELECT COUNT(*), COALESCE(MAX(blind), 0) FROM assignments WHERE coder = ?", (coder,)
    ).fetchone()
    return row[0], bool(row[1])


def add_assignments(
    store: Store, segment_ids: Iterable[str], coder: str, blind: bool, how: dict | None = None
) -> None:
    """Assign segments to a coder (existing ones stay); ``how`` (share, seed, questions) is logged."""
    created = now()
    with store.atomic():
        store.executemany(
            "INSERT OR IGNORE INTO assignments (segment_id, coder, blind, created_at) VALUES (?, ?, ?, ?)",
            ((segment_id, coder, int(blind), created) for segment_id in segment_ids),
        )
        store.log_event("assign", coder=coder, after={"blind": blind, **(how or {})})


def adjudicated(store: Store, coders_key: str) -> dict[str, str]:
    """Segment id → decision for the disagreements already settled between these coders."""
    rows = store.db.execute(
        "SELECT segment_id, decision FROM adjudications WHERE coders = ? AND decision != 'open'",
        (coders_key,),
    ).fetchall()
    return dict(rows)


def add_comment(store: Store, segment_id: str, coder: str, reviewer: str, verdict: str, text: str) -> str:
    """Store one review mark and return its id."""
    comment_id = new_id()
    with store.atomic():
        store.execute(
            "INSERT INTO review_comments (id, segment_id, coder, reviewer, verdict, text, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (comment_id, segment_id, coder, reviewer, verdict, text, now()),
        )
        store.log_event(
            "review_comment", coder=reviewer, target=segment_id, after={"verdict": verdict, "text": text}
        )
    return comment_id


def comments_for(store: Store, coder: str) -> list[dict]:
    """Review marks left on a coder's work, oldest first."""
    return store.rows("SELECT * FROM review_comments WHERE coder = ? ORDER BY created_at, id", (coder,))


def comments_on_segment(store: Store, segment_id: str) -> list[dict]:
    """Review marks on one segment, oldest first."""
    return store.rows(
        "SELECT * FROM review_comments WHERE segment_id = ? ORDER BY created_at, id", (segment_id,)
    )


def coder_pairs(store: Store) -> list[tuple[str, str]]:
    """Pairs of non-consensus coders who coded the same answers (each in their own segmentation),
    most shared answers first."""
    rows = store.db.execute(
        "WITH judged AS (SELECT DISTINCT s.answer_id, k.coder FROM codings k "
        "JOIN segments s ON s.id = k.segment_id "
        "JOIN coders c ON c.name = k.coder WHERE c.is_consensus = 0) "
        "SELECT a.coder, b.coder, COUNT(*) AS shared FROM judged a JOIN judged b "
        "ON b.answer_id = a.answer_id AND a.coder < b.coder "
        "GROUP BY a.coder, b.coder ORDER BY shared DESC, a.coder, b.coder"
    ).fetchall()
    return [(first, second) for first, second, _ in rows]


def reviewable_coders(store: Store) -> list[str]:
    """Non-consensus coders with at least one coding."""
    rows = store.db.execute(
        "SELECT c.name FROM coders c WHERE c.is_consensus = 0 "
        "AND EXISTS (SELECT 1 FROM codings k WHERE k.coder = c.name) ORDER BY c.name"
    ).fetchall()
    return [row[0] for row in rows]


def adjudication_row(store: Store, segment_id: str, coders_key: str) -> dict | None:
    """The decision on one segment between a pair of coders (decision 'open' when undone)."""
    rows = store.rows(
        "SELECT * FROM adjudications WHERE segment_id = ? AND coders = ?", (segment_id, coders_key)
    )
    return rows[0] if rows else None


def write_adjudication(store: Store, row: dict) -> None:
    """Store a decision with its codes (JSON list) and the decision it replaced (JSON or None)."""
    store.execute(
        "INSERT INTO adjudications "
        "(id, segment_id, coders, decision, decided_by, decided_at, codes, previous) "
        "VALUES (:id, :segment_id, :coders, :decision, :decided_by, :decided_at, :codes, :previous) "
        "ON CONFLICT (segment_id, coders) DO UPDATE SET decision = excluded.decision, "
        "decided_by = excluded.decided_by, decided_at = excluded.decided_at, codes = excluded.codes, "
        "previous = excluded.previous",
        {"id": new_id(), **row},
    )


def settled_segments(store: Store) -> dict[str, dict]:
    """Per settled segment: decision, code ids (JSON list; '[]' for "neither"), who and when.

    For the report layer: a settled segment counts the consensus codes only. When several
    coder pairs were settled on one segment, the latest decision stands.
    """
    rows = store.rows(
        "SELECT segment_id, coders, decision, codes, decided_by, decided_at FROM adjudications "
        "WHERE decision != 'open' ORDER BY decided_at, id"
    )
    return {row["segment_id"]: row for row in rows}


def _within(answer_ids: frozenset[int] | None) -> tuple[str, list]:
    if answer_ids is None:
        return "", []
    ids = sorted(answer_ids)
    return f" AND a.id IN ({placeholders(ids) or 'NULL'})", ids


def code_usage_of(
    store: Store, coder: str | None, answer_ids: frozenset[int] | None
) -> dict[str, tuple[set[str], set[str]]]:
    """Per code id: (segment ids, respondent ids), counting one coder's codings (None: anyone's)
    within some answers (None: all), for the codebook's counts."""
    inside, params = _within(answer_ids)
    mine, mine_params = (" AND k.coder = ?", [coder]) if coder else ("", [])
    usage: dict[str, tuple[set[str], set[str]]] = {}
    rows = store.db.execute(
        "SELECT k.code_id, k.segment_id, a.respondent_id FROM codings k "
        "JOIN segments s ON s.id = k.segment_id JOIN answers a ON a.id = s.answer_id "
        f"WHERE 1 = 1{mine}{inside}",
        [*mine_params, *params],
    )
    for code_id, segment_id, respondent_id in rows:
        segments, respondents = usage.setdefault(code_id, (set(), set()))
        segments.add(segment_id)
        respondents.add(respondent_id)
    return usage


def respondents_per_code_of(
    store: Store, question_id: str, wave: int | None, coder: str | None, answer_ids: frozenset[int] | None
) -> tuple[int, list[dict]]:
    """(base, per code name and respondents) for the chart, as one coder sees the question."""
    inside, params = _within(answer_ids)
    mine, mine_params = (" AND k.coder = ?", [coder]) if coder else ("", [])
    base = store.scalar(
        "SELECT COUNT(DISTINCT a.respondent_id) FROM answers a "
        f"WHERE a.question_id = ? AND a.wave = ? AND a.is_nonresponse = 0{inside}",
        [question_id, wave, *params],
    )
    rows = store.rows(
        "SELECT c.id, c.name, COUNT(DISTINCT a.respondent_id) AS respondents "
        "FROM codings k JOIN segments s ON s.id = k.segment_id "
        "JOIN answers a ON a.id = s.answer_id JOIN codes c ON c.id = k.code_id "
        f"WHERE a.question_id = ? AND a.wave = ?{mine}{inside} "
        "GROUP BY c.id ORDER BY respondents DESC, c.name",
        [question_id, wave, *mine_params, *params],
    )
    return base or 0, rows


def coded_respondents_of(
    store: Store, question_id: str, wave: int | None, coder: str | None, answer_ids: frozenset[int] | None
) -> int:
    """Respondents with a coded answer to the question (``coder``'s codings only, if given):
    the base of a chart of codes, as one coder sees the question."""
    inside, params = _within(answer_ids)
    mine, mine_params = (" AND k.coder = ?", [coder]) if coder else ("", [])
    count = store.scalar(
        "SELECT COUNT(DISTINCT a.respondent_id) FROM answers a "
        "JOIN segments s ON s.answer_id = a.id JOIN codings k ON k.segment_id = s.id "
        f"WHERE a.question_id = ? AND a.wave = ?{mine}{inside}",
        [question_id, wave, *mine_params, *params],
    )
    return count or 0


def assignment_events(store: Store) -> list[dict]:
    """What each ``assign`` run recorded (coder, blind, share, seed, questions), oldest first."""
    return store.rows("SELECT coder, at, after FROM events WHERE kind = 'assign' ORDER BY seq")


def sample_progress(store: Store, coder: str) -> list[dict]:
    """Per question: answers in the coder's sample, those the coder coded, and answered answers."""
    return store.rows(
        "WITH sample AS (SELECT DISTINCT s.answer_id FROM assignments g "
        "JOIN segments s ON s.id = g.segment_id WHERE g.coder = :coder) "
        "SELECT a.question_id, COUNT(*) AS assigned, SUM(EXISTS (SELECT 1 FROM codings k "
        "JOIN segments s ON s.id = k.segment_id WHERE s.answer_id = a.id AND k.coder = :coder)) AS coded, "
        "(SELECT COUNT(*) FROM answers b WHERE b.question_id = a.question_id AND b.is_nonresponse = 0) "
        "AS answered FROM answers a JOIN sample ON sample.answer_id = a.id "
        "GROUP BY a.question_id ORDER BY a.question_id",
        {"coder": coder},
    )


def assigned_coders(store: Store) -> list[str]:
    """Coders holding a double-coding sample."""
    return [row[0] for row in store.db.execute("SELECT DISTINCT coder FROM assignments ORDER BY coder")]


def adjudication_counts(store: Store, coders_key: str) -> dict[str, int]:
    """Per question id: decisions standing between a pair of coders."""
    rows = store.db.execute(
        "SELECT a.question_id, COUNT(*) FROM adjudications j JOIN segments s ON s.id = j.segment_id "
        "JOIN answers a ON a.id = s.answer_id WHERE j.coders = ? AND j.decision != 'open' "
        "GROUP BY a.question_id",
        (coders_key,),
    ).fetchall()
    return dict(rows)


def questions_coded_by(store: Store, coder: str) -> list[str]:
    """Questions in which the coder has at least one coding."""
    rows = store.db.execute(
        "SELECT DISTINCT a.question_id FROM codings k JOIN segments s ON s.id = k.segment_id "
        "JOIN answers a ON a.id = s.answer_id WHERE k.coder = ? ORDER BY a.question_id",
        (coder,),
    ).fetchall()
    return [row[0] for row in rows]


def answer_text_and_respondent(store: Store, answer_id: int) -> dict:
    """One answer's raw text, respondent and question."""
    return store.rows("SELECT text, respondent_id, question_id FROM answers WHERE id = ?", (answer_id,))[0]

"""The report layer's codings: one coder's, with the consensus layer's codings (or none, for a
"neither" decision) on every segment whose disagreement was settled; what counts and quotes are
read from, and the project's primary coder who chooses it by default."""

from __future__ import annotations

from workbench.store.database import Store

# The report layer: one coder's codings, with the consensus coder's codings (or none, for a
# "neither" decision) on every segment whose disagreement was settled.
_SETTLED = """
    SELECT segment_id FROM adjudications
    UNION SELECT c.segment_id FROM codings c JOIN coders cc ON cc.name = c.coder
    WHERE cc.is_consensus = 1
"""
# A settled shared segment of an answer the layer coder segmented on their own settles the
# whole answer (adjudication's unit there is the answer): their own segments give way too.
_SETTLED_ANSWERS = f"""
    SELECT answer_id FROM segments WHERE coder IS NULL AND id IN ({_SETTLED})
"""
_LAYER = f"""
    ((k.coder = ? AND k.segment_id NOT IN ({_SETTLED})
      AND NOT (s.coder IS NOT NULL AND s.answer_id IN ({_SETTLED_ANSWERS})))
     OR (k.segment_id IN ({_SETTLED})
         AND k.coder IN (SELECT name FROM coders WHERE is_consensus = 1)))
"""
PRIMARY_CODER_SETTING = "primary_coder"


def independent_coders(store: Store) -> list[str]:
    """Coders other than a consensus layer who hold at least one coding, by name."""
    rows = store.rows(
        "SELECT c.name FROM coders c WHERE c.is_consensus = 0 "
        "AND EXISTS (SELECT 1 FROM codings k WHERE k.coder = c.name) ORDER BY c.name"
    )
    return [row["name"] for row in rows]


def consensus_coders(store: Store) -> list[str]:
    """Names of the consensus layers."""
    return [row["name"] for row in store.rows("SELECT name FROM coders WHERE is_consensus = 1 ORDER BY name")]


def primary_coder(store: Store) -> str | None:
    """The coder whose codings the report shows unless another is chosen."""
    return store.get_setting(PRIMARY_CODER_SETTING)


def set_primary_coder(store: Store, name: str) -> None:
    """Remember the project's primary coder (logged as an event)."""
    with store.atomic():
        before = primary_coder(store)
        store.set_setting(PRIMARY_CODER_SETTING, name)
        store.log_event("primary_coder", coder=name, before=before, after=name)


def settled_segment_count(store: Store) -> int:
    """Segments whose disagreement was settled into the consensus layer."""
    return store.scalar(f"SELECT COUNT(*) FROM ({_SETTLED})")


def answered_by_question(store: Store, wave: int) -> dict[str, list[str]]:
    """Question id → respondents who gave a real answer in the wave (one scan of answers)."""
    found: dict[str, list[str]] = {}
    for question_id, respondent_id in store.db.execute(
        "SELECT question_id, respondent_id FROM answers WHERE wave = ? AND is_nonresponse = 0 "
        "ORDER BY question_id, respondent_id",
        (wave,),
    ):
        found.setdefault(question_id, []).append(respondent_id)
    return found


def layer_code_pairs(store: Store, wave: int, coder: str | None, question_id: str | None = None) -> list:
    """Distinct (question id, respondent id, code id) of the report layer's codings in a wave."""
    clause, params = ("AND a.question_id = ?", (question_id,)) if question_id else ("", ())
    return store.db.execute(
        f"""
        SELECT DISTINCT a.question_id, a.respondent_id, k.code_id
        FROM codings k
        JOIN segments s ON s.id = k.segment_id
        JOIN answers a ON a.id = s.answer_id
        WHERE a.wave = ? AND a.is_nonresponse = 0 {clause} AND {_LAYER}
        """,
        (wave, *params, coder),
    ).fetchall()


def layer_segments(
    store: Store, question_id: str, wave: int, *, all_segments: bool, coder: str | None
) -> list[dict]:
    """The report layer's coded segments of a question, one row per code, in segment order."""
    marked = "" if all_segments else "AND s.for_report = 1"
    return store.rows(
        f"""
        SELECT DISTINCT s.id AS segment_id, a.respondent_id, k.code_id
        FROM segments s
        JOIN answers a ON a.id = s.answer_id
        JOIN codings k ON k.segment_id = s.id
        WHERE a.question_id = ? AND a.wave = ? {marked} AND {_LAYER}
        ORDER BY a.respondent_id, s.start, s.id
        """,
        (question_id, wave, coder),
    )

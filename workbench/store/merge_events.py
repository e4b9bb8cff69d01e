"""Queries behind replaying another copy's events (``review/merge_apply.py``) and merge conflicts.

They read the temp tables ``team_merge`` fills (answer map, new events, row touches) and the
attached other file (``other``).
"""

from __future__ import annotations

from workbench.store.database import Store
from workbench.store.team_merge import ALIAS


def note_events(store: Store) -> int:
    """Copy the other file's unseen events in and index every row state in the joint log.

    Returns how many events came in, not counting the other copy's own merge records (so
    two copies merged back and forth settle); ``temp.merge_touches`` then holds each event's row
    states with their origin: only here (mine), in both files (shared) or new (theirs).
    """
    copied = _copy_new_events(store)
    _index_row_touches(store)
    return copied


def _copy_new_events(store: Store) -> int:
    """Copy the other file's events this one lacks; returns how many, its merge records left out."""
    store.execute(
        "INSERT INTO temp.merge_new_events SELECT o.id FROM other.events o "
        "WHERE NOT EXISTS (SELECT 1 FROM main.events e WHERE e.id = o.id)"
    )
    store.execute(
        "INSERT INTO main.events (id, action_id, at, coder, kind, target, before, after) "
        "SELECT o.id, o.action_id, o.at, o.coder, o.kind, o.target, o.before, o.after "
        "FROM other.events o JOIN temp.merge_new_events n ON n.id = o.id ORDER BY o.seq"
    )
    return store.scalar(
        "SELECT COUNT(*) FROM other.events o JOIN temp.merge_new_events n ON n.id = o.id "
        "WHERE o.kind != 'merge'"
    )


def _index_row_touches(store: Store) -> None:
    """Fill ``temp.merge_touches``: one row per row state each event of the joint log records."""
    store.execute(
        "INSERT INTO temp.merge_touches SELECT t.key, r.key, e.id, e.at, e.kind, e.coder, "
        "CASE WHEN n.id IS NOT NULL THEN 'theirs' "
        "WHEN EXISTS (SELECT 1 FROM other.events x WHERE x.id = e.id) THEN 'shared' ELSE 'mine' END, "
        "CASE WHEN r.type = 'object' THEN r.value END, "
        "json_type(e.before, '$.rows.' || t.key || '.\"' || r.key || '\"') = 'null' "
        "FROM main.events e LEFT JOIN temp.merge_new_events n ON n.id = e.id, "
        "json_each(CASE WHEN json_valid(e.after) THEN e.after ELSE '{}' END, '$.rows') t, "
        "json_each(t.value) r WHERE t.type = 'object'"
    )


def touches_of_their_rows(store: Store) -> list[dict]:
    """Every row state in the joint log of rows the new events touched, oldest first."""
    return store.rows(
        "SELECT * FROM temp.merge_touches m WHERE EXISTS (SELECT 1 FROM temp.merge_touches n "
        "WHERE n.tbl = m.tbl AND n.row_id = m.row_id AND n.origin = 'theirs') "
        "ORDER BY m.tbl, m.row_id, m.at, m.event_id"
    )


def segment_rows_touched_by_me(store: Store) -> list[str]:
    """Ids of segments that events only this file holds changed."""
    rows = store.db.execute(
        "SELECT DISTINCT row_id FROM temp.merge_touches WHERE tbl = 'segments' AND origin = 'mine'"
    ).fetchall()
    return [row[0] for row in rows]


def rows_in(store: Store, schema: str, table: str, ids: list[str]) -> dict[str, dict]:
    """Rows of a tracked table in ``main`` or ``other``, keyed by id."""
    if schema not in ("main", ALIAS) or table not in ("codes", "segments", "memos", "codings"):
        raise ValueError(f"not a mergeable table: {schema}.{table}")
    found: dict[str, dict] = {}
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        marks = ", ".join("?" * len(chunk))
        for row in store.rows(f"SELECT * FROM {schema}.{table} WHERE id IN ({marks})", tuple(chunk)):
            found[row["id"]] = row
    return found


def answer_map(store: Store) -> dict[int, int]:
    """The other file's answer id → this file's, for answers both hold."""
    return dict(store.db.execute("SELECT other_id, own_id FROM temp.merge_answer_map").fetchall())


def answers_with_other_text_ids(store: Store) -> dict[int, int]:
    """This file's answer id → the other file's, for matched answers whose texts differ."""
    return dict(store.db.execute("SELECT own_id, other_id FROM temp.merge_text_differs").fetchall())


def spans_of_answers(store: Store, schema: str, answer_ids: list[int]) -> dict[int, list[tuple]]:
    """Per answer id (of that file): its segments as sorted (start, end, id)."""
    if schema not in ("main", ALIAS):
        raise ValueError(f"not a project schema: {schema}")
    spans: dict[int, list[tuple]] = {answer_id: [] for answer_id in answer_ids}
    for start in range(0, len(answer_ids), 900):
        chunk = answer_ids[start : start + 900]
        marks = ", ".join("?" * len(chunk))
        for answer_id, begin, end, segment_id in store.db.execute(
            f"SELECT answer_id, start, end, id FROM {schema}.segments WHERE answer_id IN ({marks}) "
            "ORDER BY answer_id, start, end, id",
            tuple(chunk),
        ):
            spans[answer_id].append((begin, end, segment_id))
    return spans


def answer_rows(store: Store, schema: str, answer_id: int) -> dict:
    """One answer of either file, with its segments, their codings and memos (for a conflict)."""
    if schema not in ("main", ALIAS):
        raise ValueError(f"not a project schema: {schema}")
    answer = store.rows(
        f"SELECT id, text, respondent_id, question_id FROM {schema}.answers WHERE id = ?", (answer_id,)
    )[0]
    segments = store.rows(f"SELECT * FROM {schema}.segments WHERE answer_id = ? ORDER BY start", (answer_id,))
    ids = tuple(row["id"] for row in segments)
    marks = ", ".join("?" * len(ids)) or "NULL"
    codings = store.rows(f"SELECT * FROM {schema}.codings WHERE segment_id IN ({marks})", ids)
    memos = store.rows(f"SELECT * FROM {schema}.memos WHERE segment_id IN ({marks})", ids)
    return {**answer, "segments": segments, "codings": codings, "memos": memos}


def orphaned_codings(store: Store) -> list[dict]:
    """Codings whose segment or code is gone, with the other file's span of their segment.

    Only codings the new events touched, or on segments and codes they touched, can be orphans.
    """
    return store.rows(
        "WITH theirs AS (SELECT tbl, row_id FROM temp.merge_touches WHERE origin = 'theirs') "
        "SELECT k.id, k.segment_id, k.code_id, k.coder, m.own_id AS answer_id, o.start, o.end, "
        "EXISTS (SELECT 1 FROM main.codes c WHERE c.id = k.code_id) AS code_exists "
        "FROM main.codings k LEFT JOIN other.segments o ON o.id = k.segment_id "
        "LEFT JOIN temp.merge_answer_map m ON m.other_id = o.answer_id "
        "WHERE (k.id IN (SELECT row_id FROM theirs WHERE tbl = 'codings') "
        "OR k.segment_id IN (SELECT row_id FROM theirs WHERE tbl = 'segments') "
        "OR k.code_id IN (SELECT row_id FROM theirs WHERE tbl = 'codes')) "
        "AND (NOT EXISTS (SELECT 1 FROM main.segments s WHERE s.id = k.segment_id) "
        "OR NOT EXISTS (SELECT 1 FROM main.codes c WHERE c.id = k.code_id))"
    )


def orphaned_memos(store: Store) -> list[dict]:
    """Memos whose segment is gone, with the other file's span of that segment; and code
    memos whose code is gone (``segment_id`` None: nowhere to move them)."""
    return store.rows(
        "SELECT k.id, k.segment_id, m.own_id AS answer_id, o.start, o.end FROM main.memos k "
        "LEFT JOIN other.segments o ON o.id = k.segment_id "
        "LEFT JOIN temp.merge_answer_map m ON m.other_id = o.answer_id "
        "WHERE (k.segment_id IS NOT NULL "
        "AND NOT EXISTS (SELECT 1 FROM main.segments s WHERE s.id = k.segment_id)) "
        "OR (k.code_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM main.codes c WHERE c.id = k.code_id))"
    )


def codings_on_merged_codes(store: Store) -> list[dict]:
    """Codings whose code was merged into another (to be moved onto the surviving code)."""
    return store.rows(
        "SELECT id, segment_id, code_id, coder FROM codings "
        "WHERE code_id IN (SELECT id FROM codes WHERE merged_into IS NOT NULL) ORDER BY id"
    )


def coding_triples_of_segments(store: Store, segment_ids: list[str]) -> dict[tuple, str]:
    """(segment id, code id, coder) → coding id for the codings of these segments."""
    found: dict[tuple, str] = {}
    for start in range(0, len(segment_ids), 900):
        chunk = segment_ids[start : start + 900]
        marks = ", ".join("?" * len(chunk))
        for coding_id, segment_id, code_id, coder in store.db.execute(
            f"SELECT id, segment_id, code_id, coder FROM codings WHERE segment_id IN ({marks})", tuple(chunk)
        ):
            found[(segment_id, code_id, coder)] = coding_id
    return found


def set_coding_place(store: Store, coding_id: str, segment_id: str, code_id: str) -> None:
    """Move a coding onto another segment and/or code."""
    store.execute(
        "UPDATE codings SET segment_id = ?, code_id = ? WHERE id = ?", (segment_id, code_id, coding_id)
    )


def set_memo_segment(store: Store, memo_id: str, segment_id: str) -> None:
    """Move a memo onto another segment."""
    store.execute("UPDATE memos SET segment_id = ? WHERE id = ?", (segment_id, memo_id))


def add_conflict(store: Store, row: dict) -> None:
    """Remember one merge conflict (kind, target, description, mine, theirs as JSON, other file)."""
    store.execute(
        "INSERT INTO merge_conflicts (id, kind, target, description, mine, theirs, other_file, created_at) "
        "VALUES (:id, :kind, :target, :description, :mine, :theirs, :other_file, :created_at)",
        row,
    )


def open_conflicts(store: Store) -> list[dict]:
    """Merge conflicts not settled yet, oldest first."""
    return store.rows("SELECT * FROM merge_conflicts WHERE settled IS NULL ORDER BY created_at, id")


def settle_conflict_row(store: Store, conflict_id: str, side: str, at: str) -> None:
    """Mark a conflict as settled by taking one side."""
    store.execute(
        "UPDATE merge_conflicts SET settled = ?, settled_at = ? WHERE id = ?", (side, at, conflict_id)
    )


def set_answer_text(store: Store, answer_id: int, text: str) -> None:
    """Replace an answer's raw text (settling a text conflict by taking the other copy's)."""
    store.execute("UPDATE answers SET text = ? WHERE id = ?", (text, answer_id))


def segment_owners(store: Store, segment_ids: list[str]) -> dict[str, str | None]:
    """The owner (a coder; None: shared) of each segment id, read from this file, the other one
    or, for a segment both deleted, the joint event log's states of it."""
    found: dict[str, str | None] = {}
    for start in range(0, len(segment_ids), 300):
        chunk = segment_ids[start : start + 300]
        marks = ", ".join("?" * len(chunk))
        for row_id, owner in store.db.execute(
            f"SELECT id, coder FROM main.segments WHERE id IN ({marks}) UNION ALL "
            f"SELECT id, coder FROM {ALIAS}.segments WHERE id IN ({marks}) UNION ALL "
            "SELECT row_id, json_extract(state, '$.coder') FROM temp.merge_touches "
            f"WHERE tbl = 'segments' AND row_id IN ({marks}) AND json_extract(state, '$.coder') IS NOT NULL",
            (*chunk, *chunk, *chunk),
        ):
            found[row_id] = found.get(row_id) or owner
    return found


def owner_spans_of_answers(store: Store, schema: str, answer_ids: list[int]) -> dict[tuple, list[tuple]]:
    """Per (answer id of that file, owner): its segments as sorted (start, end, id)."""
    if schema not in ("main", ALIAS):
        raise ValueError(f"not a project schema: {schema}")
    spans: dict[tuple, list[tuple]] = {}
    for start in range(0, len(answer_ids), 900):
        chunk = answer_ids[start : start + 900]
        marks = ", ".join("?" * len(chunk))
        for answer_id, owner, begin, end, segment_id in store.db.execute(
            f"SELECT answer_id, coder, start, end, id FROM {schema}.segments WHERE answer_id IN ({marks}) "
            "ORDER BY answer_id, start, end, id",
            tuple(chunk),
        ):
            spans.setdefault((answer_id, owner), []).append((begin, end, segment_id))
    return spans

"""Queries on codings: who applied which code to which segment, when and how."""

from __future__ import annotations

from collections.abc import Sequence

from workbench.store.codes import LIVE_CODE
from workbench.store.database import Store, now, placeholders
from workbench.store.segments import SEEN_BY_CODER


def codings_of_segment(store: Store, segment_id: str) -> list[dict]:
    """Every coding on one segment."""
    return store.rows("SELECT * FROM codings WHERE segment_id = ?", (segment_id,))


def coding_keys_of_segment(store: Store, segment_id: str, coder: str) -> dict[str, str]:
    """Code id -> coding id for one coder's codings on one segment."""
    # "+coder" keeps SQLite on the segment index; the coder index would scan all their codings.
    rows = store.execute(
        "SELECT code_id, id FROM codings WHERE segment_id = ? AND +coder = ?", (segment_id, coder)
    )
    return dict(rows.fetchall())


def codes_of_segment(store: Store, segment_id: str, coder: str) -> list[str]:
    """Code ids a coder applied to one segment."""
    return list(coding_keys_of_segment(store, segment_id, coder))


def insert_codings(store: Store, rows: list[dict]) -> None:
    """Add coding rows (id, segment_id, code_id, coder, how, created_at)."""
    store.executemany(
        "INSERT INTO codings (id, segment_id, code_id, coder, how, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        [
            (row["id"], row["segment_id"], row["code_id"], row["coder"], row["how"], row["created_at"])
            for row in rows
        ],
    )


def insert_coding_if_new(store: Store, coding: dict) -> bool:
    """Insert a coding keeping its id; False when it (or the same triple) already exists."""
    cursor = store.execute(
        "INSERT OR IGNORE INTO codings (id, segment_id, code_id, coder, how, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (
            coding["id"],
            coding["segment_id"],
            coding["code_id"],
            coding["coder"],
            coding.get("how") or "imported",
            coding.get("created_at") or now(),
        ),
    )
    return cursor.rowcount == 1


def delete_codings(store: Store, coding_ids: list[str]) -> None:
    """Remove codings by id."""
    store.executemany("DELETE FROM codings WHERE id = ?", [(cid,) for cid in coding_ids])


def move_codings_to_segment(store: Store, coding_ids: list[str], segment_id: str) -> None:
    """Attach the given codings to another segment."""
    store.executemany(
        "UPDATE codings SET segment_id = ? WHERE id = ?", [(segment_id, cid) for cid in coding_ids]
    )


def codings_by_id(store: Store, coding_ids: list[str]) -> list[dict]:
    """Coding rows by id (unknown ids left out)."""
    found = []
    for start in range(0, len(coding_ids), 500):
        chunk = coding_ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        found += store.rows(f"SELECT * FROM codings WHERE id IN ({marks})", tuple(chunk))
    return found


def all_codings(store: Store) -> list[dict]:
    """Every coding, oldest first."""
    return store.rows("SELECT * FROM codings ORDER BY created_at, id")


def coding_count(store: Store, code_id: str) -> int:
    """How many codings (all coders) carry this code."""
    return store.scalar("SELECT COUNT(*) FROM codings WHERE code_id = ?", (code_id,))


def coding_ids_of_code(store: Store, code_id: str) -> list[str]:
    """Ids of every coding carrying this code."""
    rows = store.execute("SELECT id FROM codings WHERE code_id = ?", (code_id,))
    return [row[0] for row in rows]


def coding_ids_of_code_on_answers(store: Store, code_id: str, answer_ids: list[int]) -> list[str]:
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


def colliding_coding_ids(store: Store, source_id: str, target_id: str) -> list[str]:
    """Codings of ``source_id`` whose segment and coder already carry ``target_id``."""
    rows = store.execute(
        "SELECT s.id FROM codings s JOIN codings t ON t.segment_id = s.segment_id "
        "AND t.coder = s.coder AND t.code_id = ? WHERE s.code_id = ?",
        (target_id, source_id),
    )
    return [row[0] for row in rows]


def recode(store: Store, coding_ids: list[str], code_id: str) -> None:
    """Point the given codings at another code."""
    store.executemany("UPDATE codings SET code_id = ? WHERE id = ?", [(code_id, cid) for cid in coding_ids])


def move_code_codings(store: Store, source_id: str, target_id: str) -> None:
    """Point every coding of ``source_id`` at ``target_id`` (collisions removed first)."""
    store.execute("UPDATE codings SET code_id = ? WHERE code_id = ?", (target_id, source_id))


def codings_of_coders(
    store: Store, coders: Sequence[str], question_id: str | None = None
) -> list[tuple[str, int, str, str, str]]:
    """(question id, answer id, segment id, coder, code id) of every coding by the given coders,
    optionally in one question."""
    sql = (
        "SELECT a.question_id, a.id, k.segment_id, k.coder, k.code_id FROM codings k "
        "JOIN segments s ON s.id = k.segment_id JOIN answers a ON a.id = s.answer_id "
        f"WHERE k.coder IN ({placeholders(coders)})"
    )
    params: list = list(coders)
    if question_id is not None:
        sql += " AND a.question_id = ?"
        params.append(question_id)
    return store.db.execute(sql, params).fetchall()


def codings_with_text(store: Store, coder: str | None = None) -> list[dict]:
    """One row per coding of a live or merged code, in coding order.

    Rows: segment_id, answer_id, question_id, start, end, answer_text, code_id, coder,
    created_at, wave. Codes merged into others are reported under the code they were merged into
    (resolved by ``live_code_id``); retired codes are left out by the caller.
    """
    return store.rows(
        """
        SELECT s.id AS segment_id, s.answer_id, a.question_id, s.start, s."end",
               a.text AS answer_text, k.code_id, k.coder, k.created_at, a.wave
        FROM codings k
        JOIN segments s ON s.id = k.segment_id
        JOIN answers a ON a.id = s.answer_id
        WHERE (:coder IS NULL OR k.coder = :coder)
        ORDER BY k.created_at, k.rowid
        """,
        {"coder": coder},
    )


def segments_with_codes(store: Store, answer_id: int, coder: str | None = None) -> list[dict]:
    """The answer's segments in order, each with a list of its codings (code, theme, coder);
    with ``coder``, that coder's segmentation (their own segments if any, else the shared ones)."""
    seen = SEEN_BY_CODER if coder is not None else "1"
    segments = store.rows(
        f"SELECT s.id, s.start, s.end, s.for_report FROM segments s WHERE s.answer_id = :answer "
        f"AND {seen} ORDER BY s.start",
        {"answer": answer_id, "coder": coder},
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
    """The live codes used most in this question, most used first (a per-question count)."""
    rows = store.rows(
        "SELECT k.code_id, COUNT(*) AS uses FROM segments s JOIN codings k ON k.segment_id = s.id "
        "WHERE s.answer_id IN (SELECT id FROM answers WHERE question_id = ?) "
        f"AND k.code_id IN (SELECT id FROM codes WHERE {LIVE_CODE}) "
        "GROUP BY k.code_id ORDER BY uses DESC LIMIT ?",
        (question_id, limit),
    )
    return [row["code_id"] for row in rows]


def delete_coding(store: Store, coding_id: str) -> None:
    """Remove one coding by id (an edited cell of an imported spreadsheet replaced it)."""
    store.execute("DELETE FROM codings WHERE id = ?", (coding_id,))


def codings_with_text_of_segments(
    store: Store, segment_ids: list[str], coder: str | None = None
) -> list[dict]:
    """The rows of ``codings_with_text`` for these segments only, in coding order."""
    found: list[dict] = []
    for start in range(0, len(segment_ids), 500):
        chunk = segment_ids[start : start + 500]
        found += store.rows(
            f"""
            SELECT s.id AS segment_id, s.answer_id, a.question_id, s.start, s."end",
                   a.text AS answer_text, k.code_id, k.coder, k.created_at, a.wave, k.rowid AS coding_rowid
            FROM codings k
            JOIN segments s ON s.id = k.segment_id
            JOIN answers a ON a.id = s.answer_id
            WHERE s.id IN ({placeholders(chunk)}) AND (? IS NULL OR k.coder = ?)
            """,
            [*chunk, coder, coder],
        )
    found.sort(key=lambda row: (row["created_at"], row["coding_rowid"]))
    for row in found:
        del row["coding_rowid"]
    return found

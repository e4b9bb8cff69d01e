"""Bulk reads and id-preserving writes for the interchange formats (REFI-QDA, method XLSX).

Interchange files carry their own UUIDs for codes, segments and codings; importing keeps
them, so a project exported and imported again has the same identities.
"""

from __future__ import annotations

import json

from workbench.store.database import Store, now


def unmerged_codes(store: Store) -> list[dict]:
    """Every code not merged away (retired ones included), parents before children."""
    rows = store.rows("SELECT * FROM codes WHERE merged_into IS NULL ORDER BY position, created_at, id")
    return _parents_first(rows)


def all_codes(store: Store) -> list[dict]:
    """Every code including merged ones, parents before children."""
    return _parents_first(store.rows("SELECT * FROM codes ORDER BY position, created_at, id"))


def _parents_first(rows: list[dict]) -> list[dict]:
    by_parent: dict[str | None, list[dict]] = {}
    for row in rows:
        by_parent.setdefault(row["parent_id"], []).append(row)
    ordered: list[dict] = []
    known = {row["id"] for row in rows}
    pending = [row for row in rows if row["parent_id"] is None or row["parent_id"] not in known]
    while pending:
        row = pending.pop(0)
        ordered.append(row)
        pending[0:0] = by_parent.get(row["id"], [])
    return ordered


def coder_rows(store: Store) -> list[dict]:
    """All coders by name."""
    return store.rows("SELECT * FROM coders ORDER BY name")


def answered_answers(store: Store) -> list[dict]:
    """Every non-empty answer, in question order then respondent."""
    return store.rows(
        """SELECT a.* FROM answers a JOIN questions q ON q.id = a.question_id
           WHERE a.is_nonresponse = 0 ORDER BY a.wave, q.position, q.id, a.respondent_id"""
    )


def segment_rows(store: Store) -> list[dict]:
    """Every segment, by answer and position."""
    return store.rows("SELECT * FROM segments ORDER BY answer_id, start")


def coding_rows(store: Store) -> list[dict]:
    """Every coding, oldest first."""
    return store.rows("SELECT * FROM codings ORDER BY created_at, id")


def memo_rows(store: Store) -> list[dict]:
    """Every memo, oldest first."""
    return store.rows("SELECT * FROM memos ORDER BY created_at, id")


def answer_id_for(store: Store, respondent_id: str, question_id: str, wave: int) -> int | None:
    """The local id of an answer identified by its natural key."""
    return store.scalar(
        "SELECT id FROM answers WHERE respondent_id = ? AND question_id = ? AND wave = ?",
        (respondent_id, question_id, wave),
    )


def answer_text(store: Store, answer_id: int) -> str | None:
    """The raw text of one answer."""
    return store.scalar("SELECT text FROM answers WHERE id = ?", (answer_id,))


def upsert_respondent(store: Store, respondent_id: str, attributes: dict) -> None:
    """Create a respondent or add attributes it lacks (existing values win)."""
    existing = store.scalar("SELECT attributes FROM respondents WHERE id = ?", (respondent_id,))
    merged = {**attributes, **(json.loads(existing) if existing else {})}
    store.execute(
        "INSERT INTO respondents (id, attributes) VALUES (?, ?) "
        "ON CONFLICT(id) DO UPDATE SET attributes = excluded.attributes",
        (respondent_id, json.dumps(merged, ensure_ascii=False)),
    )


def ensure_question(store: Store, question_id: str, text: str = "", chapter: str | None = None):
    """Create a question if it does not exist yet, placed after the others."""
    position = store.scalar("SELECT COALESCE(MAX(position), -1) + 1 FROM questions")
    store.execute(
        "INSERT OR IGNORE INTO questions (id, text, chapter, position) VALUES (?, ?, ?, ?)",
        (question_id, text, chapter, position),
    )


def insert_answer(store: Store, respondent_id: str, question_id: str, wave: int, text: str) -> int:
    """Insert an answer (non-response when blank) and return its id."""
    cursor = store.execute(
        "INSERT INTO answers (respondent_id, question_id, wave, text, is_nonresponse) VALUES (?, ?, ?, ?, ?)",
        (respondent_id, question_id, wave, text, int(not text.strip())),
    )
    return cursor.lastrowid


def insert_code(store: Store, code: dict) -> bool:
    """Insert a code row keeping its id; False when that id already exists."""
    columns = [
        "id",
        "parent_id",
        "name",
        "definition",
        "colour",
        "is_theme",
        "codable",
        "position",
        "retired",
        "merged_into",
        "created_at",
        "created_by",
    ]
    values = [code.get(column) for column in columns]
    columns.append("lead_in")
    values.append(code.get("lead_in") or "")
    cursor = store.execute(
        f"INSERT OR IGNORE INTO codes ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
        values,
    )
    return cursor.rowcount == 1


def set_code_merged_into(store: Store, code_id: str, target_id: str) -> None:
    """Record that a code was merged into another."""
    store.execute("UPDATE codes SET merged_into = ? WHERE id = ?", (target_id, code_id))


def segments_of(store: Store, answer_id: int) -> list[dict]:
    """The segments of one answer by position."""
    return store.rows("SELECT * FROM segments WHERE answer_id = ? ORDER BY start", (answer_id,))


def insert_segment(store: Store, segment: dict) -> None:
    """Insert a segment keeping its id."""
    store.execute(
        "INSERT INTO segments (id, answer_id, start, end, for_report, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        (
            segment["id"],
            segment["answer_id"],
            segment["start"],
            segment["end"],
            int(segment.get("for_report") or 0),
            segment.get("created_at") or now(),
        ),
    )


def replace_segments(store: Store, answer_id: int, segments: list[dict]) -> None:
    """Replace an uncoded answer's segmentation by the given segments."""
    store.execute(
        "DELETE FROM segments WHERE answer_id = ? AND id NOT IN (SELECT segment_id FROM codings) "
        "AND id NOT IN (SELECT segment_id FROM memos)",
        (answer_id,),
    )
    for segment in segments:
        insert_segment(store, {**segment, "answer_id": answer_id})


def set_for_report(store: Store, segment_id: str, for_report: bool) -> None:
    """Mark or unmark a segment as chosen for the report."""
    store.execute("UPDATE segments SET for_report = ? WHERE id = ?", (int(for_report), segment_id))


def insert_coding(store: Store, coding: dict) -> bool:
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


def insert_memo(store: Store, memo: dict) -> bool:
    """Insert a memo keeping its id; False when that id already exists."""
    stamp = memo.get("created_at") or now()
    cursor = store.execute(
        "INSERT OR IGNORE INTO memos (id, segment_id, coder, text, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (memo["id"], memo["segment_id"], memo["coder"], memo["text"], stamp, memo.get("updated_at") or stamp),
    )
    return cursor.rowcount == 1


def used_segment_ids(store: Store, answer_id: int) -> set[str]:
    """Ids of an answer's segments that carry a coding or a memo."""
    rows = store.rows(
        """SELECT s.id FROM segments s WHERE s.answer_id = ? AND (
               EXISTS (SELECT 1 FROM codings c WHERE c.segment_id = s.id)
               OR EXISTS (SELECT 1 FROM memos m WHERE m.segment_id = s.id))""",
        (answer_id,),
    )
    return {row["id"] for row in rows}


def segment_exists(store: Store, segment_id: str) -> bool:
    """True when a segment with this id exists anywhere in the project."""
    return store.scalar("SELECT 1 FROM segments WHERE id = ?", (segment_id,)) is not None


def segments_with_answers(store: Store, question_ids: list[str] | None = None) -> list[dict]:
    """Segments of non-empty answers with their answer's key and text, in report order."""
    where, params = "a.is_nonresponse = 0", []
    if question_ids:
        where += f" AND a.question_id IN ({', '.join('?' for _ in question_ids)})"
        params = list(question_ids)
    return store.rows(
        f"""SELECT s.id, s.start, s.end, s.for_report, s.created_at, a.id AS answer_id,
                   a.respondent_id, a.question_id, a.wave, a.text AS answer_text
            FROM segments s JOIN answers a ON a.id = s.answer_id
            JOIN questions q ON q.id = a.question_id
            WHERE {where}
            ORDER BY a.wave, q.position, q.id, a.respondent_id, s.start""",
        tuple(params),
    )


def upsert_question(store: Store, question: dict) -> None:
    """Create a question or fill in its text, kind, chapter and single-code flag."""
    position = store.scalar("SELECT COALESCE(MAX(position), -1) + 1 FROM questions")
    store.execute(
        """INSERT INTO questions (id, text, kind, chapter, position, single_code)
           VALUES (:id, :text, :kind, :chapter, :position, :single_code)
           ON CONFLICT(id) DO UPDATE SET text = excluded.text, kind = excluded.kind,
               chapter = excluded.chapter, single_code = excluded.single_code""",
        {"position": position, **question},
    )


def memo_texts(store: Store, segment_id: str, coder: str) -> list[str]:
    """A coder's memo texts on one segment, oldest first."""
    rows = store.rows(
        "SELECT text FROM memos WHERE segment_id = ? AND coder = ? ORDER BY created_at, id",
        (segment_id, coder),
    )
    return [row["text"] for row in rows]


def every_answer(store: Store) -> list[dict]:
    """Every answer, non-responses included, in wave, question and respondent order."""
    return store.rows(
        """SELECT a.* FROM answers a JOIN questions q ON q.id = a.question_id
           ORDER BY a.wave, q.position, q.id, a.respondent_id"""
    )


def approval_rows(store: Store) -> dict[str, dict]:
    """Segment id → its approved anonymised text (hash, text, approver, time)."""
    rows = store.rows("SELECT * FROM anonymisation_texts WHERE approved_by IS NOT NULL")
    return {row["segment_id"]: row for row in rows}


def restore_approval(store: Store, segment_id: str, approval: dict) -> None:
    """Keep an approval carried by an interchange file, unless the segment already has one."""
    store.execute(
        "INSERT OR IGNORE INTO anonymisation_texts "
        "(segment_id, segment_hash, final_text, approved_by, approved_at) VALUES (?, ?, ?, ?, ?)",
        (
            segment_id,
            approval["segment_hash"],
            approval.get("final_text"),
            approval["approved_by"],
            approval.get("approved_at"),
        ),
    )


def delete_coding(store: Store, coding_id: str) -> None:
    """Remove one coding by id (an edited cell of an imported spreadsheet replaced it)."""
    store.execute("DELETE FROM codings WHERE id = ?", (coding_id,))

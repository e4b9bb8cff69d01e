"""Queries on coders, segments and codings (who applied which code where)."""

from __future__ import annotations

from workbench.store.database import Store


def insert_coder(store: Store, name: str, is_consensus: bool, created_at: str) -> None:
    """Add a coder unless one of that name exists."""
    store.execute(
        "INSERT OR IGNORE INTO coders (name, is_consensus, created_at) VALUES (?, ?, ?)",
        (name, int(is_consensus), created_at),
    )


def answer_text(store: Store, answer_id: int) -> str | None:
    """The raw text of one answer (None if there is no such answer)."""
    return store.scalar("SELECT text FROM answers WHERE id = ?", (answer_id,))


def segment_row(store: Store, segment_id: str) -> dict | None:
    """One segment by id."""
    rows = store.rows("SELECT * FROM segments WHERE id = ?", (segment_id,))
    return rows[0] if rows else None


def segments_with_text(store: Store, answer_id: int) -> list[dict]:
    """The segments of one answer in text order, each with its answer's raw text."""
    return store.rows(
        "SELECT s.*, a.text AS answer_text FROM segments s JOIN answers a ON a.id = s.answer_id "
        "WHERE s.answer_id = ? ORDER BY s.start",
        (answer_id,),
    )


def insert_segment(store: Store, row: dict) -> None:
    """Add one segment row (all columns given)."""
    columns = ", ".join(row)
    marks = ", ".join("?" * len(row))
    store.execute(f"INSERT INTO segments ({columns}) VALUES ({marks})", tuple(row.values()))


def set_segment_end(store: Store, segment_id: str, end: int) -> None:
    """Move a segment's end offset."""
    store.execute("UPDATE segments SET end = ? WHERE id = ?", (end, segment_id))


def delete_segment(store: Store, segment_id: str) -> None:
    """Remove a segment (its codings and memos must be gone or moved first)."""
    store.execute("DELETE FROM segments WHERE id = ?", (segment_id,))


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


def insert_codings(store: Store, rows: list[dict]) -> None:
    """Add coding rows (id, segment_id, code_id, coder, how, created_at)."""
    store.executemany(
        "INSERT INTO codings (id, segment_id, code_id, coder, how, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        [
            (row["id"], row["segment_id"], row["code_id"], row["coder"], row["how"], row["created_at"])
            for row in rows
        ],
    )


def delete_codings(store: Store, coding_ids: list[str]) -> None:
    """Remove codings by id."""
    store.executemany("DELETE FROM codings WHERE id = ?", [(cid,) for cid in coding_ids])


def move_codings_to_segment(store: Store, coding_ids: list[str], segment_id: str) -> None:
    """Attach the given codings to another segment."""
    store.executemany(
        "UPDATE codings SET segment_id = ? WHERE id = ?", [(segment_id, cid) for cid in coding_ids]
    )


def memo_ids_of_segment(store: Store, segment_id: str) -> list[str]:
    """Ids of the memos written on one segment."""
    rows = store.execute("SELECT id FROM memos WHERE segment_id = ?", (segment_id,))
    return [row[0] for row in rows]


def move_memos_to_segment(store: Store, memo_ids: list[str], segment_id: str) -> None:
    """Attach the given memos to another segment."""
    store.executemany("UPDATE memos SET segment_id = ? WHERE id = ?", [(segment_id, mid) for mid in memo_ids])


def coding_rows(store: Store, coding_ids: list[str]) -> list[dict]:
    """Coding rows by id (unknown ids left out)."""
    found = []
    for start in range(0, len(coding_ids), 500):
        chunk = coding_ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        found += store.rows(f"SELECT * FROM codings WHERE id IN ({marks})", tuple(chunk))
    return found


def answer_coverage(store: Store, question_id: str, wave: int | None, coder: str | None) -> list[dict]:
    """Per non-empty answer of a question: its id and whether every segment carries a coding."""
    coder_clause = "" if coder is None else "AND k.coder = :coder"
    wave_clause = "" if wave is None else "AND a.wave = :wave"
    return store.rows(
        f"""
        SELECT a.id,
               NOT EXISTS (
                   SELECT 1 FROM segments s WHERE s.answer_id = a.id AND NOT EXISTS (
                       SELECT 1 FROM codings k WHERE k.segment_id = s.id {coder_clause})
               ) AND EXISTS (SELECT 1 FROM segments s WHERE s.answer_id = a.id) AS coded
        FROM answers a
        WHERE a.question_id = :question AND a.is_nonresponse = 0 {wave_clause}
        ORDER BY a.wave, a.id
        """,
        {"question": question_id, "wave": wave, "coder": coder},
    )


def answer_id_for(store: Store, respondent_id: str, question_id: str, wave: int) -> int | None:
    """The id of one respondent's answer to one question in one wave."""
    return store.scalar(
        "SELECT id FROM answers WHERE respondent_id = ? AND question_id = ? AND wave = ?",
        (respondent_id, question_id, wave),
    )


def add_question_if_missing(store: Store, question_id: str) -> None:
    """A question known only by id (from a coded spreadsheet), placed after the others."""
    store.execute(
        "INSERT OR IGNORE INTO questions (id, text, position) "
        "VALUES (?, '', (SELECT COALESCE(MAX(position) + 1, 0) FROM questions))",
        (question_id,),
    )


def add_respondent_if_missing(store: Store, respondent_id: str, attributes_json: str) -> None:
    """A respondent with the given attributes unless one of that id exists."""
    store.execute(
        "INSERT OR IGNORE INTO respondents (id, attributes) VALUES (?, ?)", (respondent_id, attributes_json)
    )


def add_answer(store: Store, respondent_id: str, question_id: str, wave: int, text: str) -> int:
    """Insert one non-empty answer (without segments) and return its id."""
    cursor = store.execute(
        "INSERT INTO answers (respondent_id, question_id, wave, text, is_nonresponse) VALUES (?, ?, ?, ?, 0)",
        (respondent_id, question_id, wave, text),
    )
    return cursor.lastrowid

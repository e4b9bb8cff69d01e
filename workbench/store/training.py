"""Read-only queries behind suggestions: coded segments with their texts, uncoded answers."""

from __future__ import annotations

from workbench.store.database import Store


def answer_texts(store: Store) -> list[dict]:
    """Every non-empty answer of the project: id, question_id, text (the representation's corpus)."""
    return store.rows("SELECT id, question_id, text FROM answers WHERE is_nonresponse = 0 ORDER BY id")


def answer_fingerprint(store: Store) -> tuple[int, int]:
    """(count, highest id) of non-empty answers: changes whenever answers are imported."""
    row = store.rows(
        "SELECT COUNT(*) AS answers, COALESCE(MAX(id), 0) AS last FROM answers WHERE is_nonresponse = 0"
    )[0]
    return row["answers"], row["last"]


def coded_segments(store: Store, coder: str | None = None) -> list[dict]:
    """One row per coding of a live or merged code, in coding order.

    Rows: segment_id, answer_id, question_id, start, end, answer_text, code_id, coder,
    created_at. Codes merged into others are reported under the code they were merged into
    (resolved by ``live_code_id``); retired codes are left out by the caller.
    """
    return store.rows(
        """
        SELECT s.id AS segment_id, s.answer_id, a.question_id, s.start, s."end",
               a.text AS answer_text, k.code_id, k.coder, k.created_at
        FROM codings k
        JOIN segments s ON s.id = k.segment_id
        JOIN answers a ON a.id = s.answer_id
        WHERE (:coder IS NULL OR k.coder = :coder)
        ORDER BY k.created_at, k.rowid
        """,
        {"coder": coder},
    )


def code_rows(store: Store) -> list[dict]:
    """Every code (live, merged or retired): id, parent_id, name, is_theme, retired, merged_into."""
    return store.rows("SELECT id, parent_id, name, is_theme, retired, merged_into, created_at FROM codes")


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


def answers_of_question(store: Store, question_id: str) -> list[dict]:
    """Non-empty answers of a question: id, text."""
    return store.rows(
        "SELECT id, text FROM answers WHERE question_id = ? AND is_nonresponse = 0 ORDER BY id",
        (question_id,),
    )


def segments_of_answer(store: Store, answer_id: int) -> list[dict]:
    """An answer's segments with their text spans: id, start, end, answer text, question_id."""
    return store.rows(
        """
        SELECT s.id, s.start, s."end", a.text AS answer_text, a.question_id
        FROM segments s JOIN answers a ON a.id = s.answer_id
        WHERE s.answer_id = ? ORDER BY s.start
        """,
        (answer_id,),
    )


def question_exists(store: Store, question_id: str) -> bool:
    """Whether the project has a question of that id."""
    return store.scalar("SELECT 1 FROM questions WHERE id = ?", (question_id,)) is not None


def coder_exists(store: Store, coder: str) -> bool:
    """Whether the coder has any codings in the project."""
    return store.scalar("SELECT 1 FROM codings WHERE coder = ? LIMIT 1", (coder,)) is not None


def segment_row(store: Store, segment_id: str) -> list[dict]:
    """One segment with its answer's text and question (empty list if unknown)."""
    return store.rows(
        """
        SELECT s.id, s.answer_id, s.start, s."end", a.text AS answer_text, a.question_id
        FROM segments s JOIN answers a ON a.id = s.answer_id WHERE s.id = ?
        """,
        (segment_id,),
    )


def answer_keys(store: Store) -> list[dict]:
    """Every answer's id with its respondent and question (for matching outside files)."""
    return store.rows("SELECT id, respondent_id, question_id FROM answers ORDER BY id")


def last_event_seq(store: Store) -> int:
    """The newest event's number: every coding or codebook change appends one."""
    return store.scalar("SELECT COALESCE(MAX(seq), 0) FROM events")


def code_definitions(store: Store) -> list[dict]:
    """Every live codable code: id, name, definition, parent_id (the suggester's definition examples)."""
    return store.rows(
        """
        SELECT id, name, definition, parent_id FROM codes
        WHERE retired = 0 AND merged_into IS NULL AND codable = 1
        ORDER BY created_at, id
        """
    )


def cached_vectors(store: Store, model: str, hashes: list[str]) -> dict[str, bytes]:
    """Stored vectors of the given text hashes for one model: hash -> vector bytes."""
    found: dict[str, bytes] = {}
    for start in range(0, len(hashes), 500):
        chunk = hashes[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        found.update(
            (row["text_hash"], row["vector"])
            for row in store.rows(
                f"SELECT text_hash, vector FROM embeddings WHERE model = ? AND text_hash IN ({marks})",
                (model, *chunk),
            )
        )
    return found


def save_vectors(store: Store, model: str, vectors: list[tuple[str, bytes]]) -> None:
    """Store vectors (text hash, bytes) of one model, replacing any of the same key."""
    with store.atomic():
        store.executemany(
            "INSERT OR REPLACE INTO embeddings (text_hash, model, vector) VALUES (?, ?, ?)",
            [(text_hash, model, vector) for text_hash, vector in vectors],
        )


def has_vector_cache(store: Store) -> bool:
    """Whether the project file has the vector cache (a read-only older file may not)."""
    return (
        store.scalar("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'embeddings'") is not None
    )

"""Writing an imported survey: questions, respondents, answers, default segments, import log."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable

from workbench.store.database import PROJECT_NAMESPACE, Store, now

_NAMESPACE_BYTES = PROJECT_NAMESPACE.bytes


def add_questions(store: Store, rows: Iterable[tuple]) -> None:
    """Insert (id, text, kind, chapter, position, single_code) rows; known ids are kept as they are."""
    store.executemany(
        "INSERT OR IGNORE INTO questions (id, text, kind, chapter, position, single_code) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        rows,
    )


def add_respondents(store: Store, respondents: dict[str, dict]) -> None:
    """Insert respondents; a known respondent's attributes are updated key by key."""
    store.executemany(
        "INSERT INTO respondents (id, attributes) VALUES (?, ?) "
        "ON CONFLICT(id) DO UPDATE SET attributes = json_patch(attributes, excluded.attributes)",
        (
            (respondent, json.dumps(attributes, ensure_ascii=False))
            for respondent, attributes in respondents.items()
        ),
    )


def last_answer_id(store: Store) -> int:
    """The highest answer id (0 for none)."""
    return store.scalar("SELECT COALESCE(MAX(id), 0) FROM answers")


def respondent_question_pairs(store: Store, wave: int) -> set[tuple[str, str]]:
    """The (respondent, question) pairs that already have an answer in ``wave``."""
    return set(
        store.db.execute("SELECT respondent_id, question_id FROM answers WHERE wave = ?", (wave,)).fetchall()
    )


def add_answers(store: Store, wave: int, first_id: int, answers: list[tuple[str, str, str]]) -> None:
    """Insert (respondent, question, raw text) answers with ids ``first_id``, ``first_id + 1`` …

    Each non-empty answer gets its whole-answer segment; an empty or whitespace-only one is
    a non-response and gets none. Ids are given, not left to SQLite, so the segments can be
    written without reading the answers back.
    """
    store.executemany(
        "INSERT INTO answers (id, respondent_id, question_id, wave, text, is_nonresponse) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (
            (first_id + offset, respondent, question, wave, text, int(not text.strip()))
            for offset, (respondent, question, text) in enumerate(answers)
        ),
    )
    created_at = now()
    store.executemany(
        "INSERT INTO segments (id, answer_id, start, end, for_report, created_at) VALUES (?, ?, 0, ?, 0, ?)",
        (
            (default_segment_id(respondent, question, wave), first_id + offset, len(text), created_at)
            for offset, (respondent, question, text) in enumerate(answers)
            if text.strip()
        ),
    )


def default_segment_id(respondent: str, question: str, wave: int) -> str:
    """``stable_id("segment", respondent, question, wave)``, computed without ``uuid.UUID``.

    Building a UUID object per answer took a third of a large import; this is the same
    uuid5 (SHA-1 over namespace and name, version and variant bits set), as a test checks.
    """
    name = f"segment\x1f{respondent}\x1f{question}\x1f{wave}".encode()
    digest = bytearray(hashlib.sha1(_NAMESPACE_BYTES + name).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50
    digest[8] = (digest[8] & 0x3F) | 0x80
    hex_digits = digest.hex()
    return f"{hex_digits[:8]}-{hex_digits[8:12]}-{hex_digits[12:16]}-{hex_digits[16:20]}-{hex_digits[20:]}"


def record_import(
    store: Store, *, file_name: str, file_sha256: str, layout: str, wave: int, new_answers: int
) -> None:
    """Note the import in the imports table."""
    store.execute(
        "INSERT INTO imports (file_name, file_sha256, layout, wave, imported_at, new_answers) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (file_name, file_sha256, layout, wave, now(), new_answers),
    )


def wave_answers_by_key(store: Store, wave: int) -> dict[tuple[str, str], tuple[int, str]]:
    """(respondent, question) -> (answer id, raw text) for every answer of ``wave``."""
    rows = store.db.execute(
        "SELECT respondent_id, question_id, id, text FROM answers WHERE wave = ?", (wave,)
    ).fetchall()
    return {(respondent, question): (answer_id, text) for respondent, question, answer_id, text in rows}


def segment_spans(store: Store, answer_id: int) -> list[tuple[int, int, int]]:
    """(start, end, codings) of each segment of one answer, in text order."""
    return [
        tuple(row)
        for row in store.db.execute(
            "SELECT s.start, s.end, (SELECT COUNT(*) FROM codings c WHERE c.segment_id = s.id) "
            "FROM segments s WHERE s.answer_id = ? ORDER BY s.start",
            (answer_id,),
        ).fetchall()
    ]


def replace_answer_text(store: Store, answer_id: int, text: str, segment_id: str) -> None:
    """Give an unsplit answer new raw text; its whole-answer segment (and codings) follow it."""
    store.execute(
        "UPDATE answers SET text = ?, is_nonresponse = ? WHERE id = ?",
        (text, int(not text.strip()), answer_id),
    )
    if not text.strip():
        store.execute("DELETE FROM segments WHERE answer_id = ?", (answer_id,))
        return
    store.execute(
        "INSERT INTO segments (id, answer_id, start, end, for_report, created_at) VALUES (?, ?, 0, ?, 0, ?) "
        "ON CONFLICT(id) DO UPDATE SET end = excluded.end",
        (segment_id, answer_id, len(text), now()),
    )

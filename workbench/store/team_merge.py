"""Bringing another project file's rows into this one, by UUID, in one transaction.

The other file is attached (``ATTACH DATABASE``) and copied with ``INSERT … SELECT``; rows that
exist already are kept as they are, so merging is idempotent. Answers carry local integer ids,
so they are matched by respondent, question and wave and segments are re-pointed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from workbench.store.database import Store

ALIAS = "other"

_UNTOUCHED = "NOT EXISTS (SELECT 1 FROM temp.merge_touches t WHERE t.tbl = '{table}' AND t.row_id = o.id)"
_SAME_TEXT = "m.other_id NOT IN (SELECT other_id FROM temp.merge_text_differs)"

# (table, statement) in dependency order; each copies the other file's new rows. Survey rows
# first; then, after the events are noted, rows no event ever touched (imported ones).
SURVEY_STATEMENTS = (
    (
        "respondents",
        "INSERT OR IGNORE INTO main.respondents (id, attributes) "
        "SELECT id, attributes FROM other.respondents",
    ),
    (
        "questions",
        "INSERT OR IGNORE INTO main.questions (id, text, kind, chapter, position, single_code) "
        "SELECT id, text, kind, chapter, position, single_code FROM other.questions",
    ),
    (
        "answers",
        "INSERT OR IGNORE INTO main.answers (respondent_id, question_id, wave, text, is_nonresponse) "
        "SELECT respondent_id, question_id, wave, text, is_nonresponse FROM other.answers ORDER BY id",
    ),
    (
        "answer map",
        "INSERT INTO temp.merge_answer_map (other_id, own_id) SELECT o.id, a.id "
        "FROM other.answers o JOIN main.answers a "
        "ON a.respondent_id = o.respondent_id AND a.question_id = o.question_id AND a.wave = o.wave",
    ),
    (
        "answer texts",
        "INSERT INTO temp.merge_text_differs (other_id, own_id) SELECT m.other_id, m.own_id "
        "FROM temp.merge_answer_map m JOIN main.answers a ON a.id = m.own_id "
        "JOIN other.answers o ON o.id = m.other_id WHERE a.text != o.text",
    ),
    (
        "coders",
        "INSERT OR IGNORE INTO main.coders (name, is_consensus, created_at) "
        "SELECT name, is_consensus, created_at FROM other.coders",
    ),
)

UNTOUCHED_STATEMENTS = (
    (
        "segments",
        "INSERT OR IGNORE INTO main.segments (id, answer_id, start, end, for_report, created_at, coder) "
        "SELECT o.id, m.own_id, o.start, o.end, o.for_report, o.created_at, o.coder FROM other.segments o "
        f"JOIN temp.merge_answer_map m ON m.other_id = o.answer_id WHERE {_SAME_TEXT} "
        "AND " + _UNTOUCHED.format(table="segments"),
    ),
    (
        "codes",
        "INSERT OR IGNORE INTO main.codes (id, parent_id, name, definition, example_segment_id, "
        "colour, is_theme, codable, position, retired, merged_into, created_at, created_by) "
        "SELECT id, parent_id, name, definition, example_segment_id, colour, is_theme, codable, "
        "position, retired, merged_into, created_at, created_by FROM other.codes o "
        "WHERE " + _UNTOUCHED.format(table="codes"),
    ),
    (
        "codings",
        "INSERT OR IGNORE INTO main.codings (id, segment_id, code_id, coder, how, created_at) "
        "SELECT id, segment_id, code_id, coder, how, created_at FROM other.codings o "
        "WHERE o.segment_id IN (SELECT id FROM main.segments) AND " + _UNTOUCHED.format(table="codings"),
    ),
    (
        "memos",
        "INSERT OR IGNORE INTO main.memos (id, target, segment_id, answer_id, code_id, coder, text, "
        "created_at, updated_at) SELECT o.id, o.target, o.segment_id, m.own_id, o.code_id, o.coder, o.text, "
        "o.created_at, o.updated_at FROM other.memos o LEFT JOIN temp.merge_answer_map m "
        "ON m.other_id = o.answer_id WHERE (o.segment_id IN (SELECT id FROM main.segments) "
        "OR m.own_id IS NOT NULL OR o.code_id IN (SELECT id FROM main.codes) OR o.target = 'project') "
        "AND " + _UNTOUCHED.format(table="memos"),
    ),
)

TEAM_STATEMENTS = (
    (
        "imports",
        "INSERT INTO main.imports (file_name, file_sha256, layout, wave, imported_at, new_answers) "
        "SELECT file_name, file_sha256, layout, wave, imported_at, new_answers FROM other.imports o "
        "WHERE NOT EXISTS (SELECT 1 FROM main.imports i WHERE i.file_sha256 = o.file_sha256 "
        "AND i.imported_at = o.imported_at)",
    ),
    (
        "assignments",
        "INSERT OR IGNORE INTO main.assignments (segment_id, coder, blind, created_at) "
        "SELECT segment_id, coder, blind, created_at FROM other.assignments "
        "WHERE segment_id IN (SELECT id FROM main.segments)",
    ),
    (
        "review comments",
        "INSERT OR IGNORE INTO main.review_comments "
        "(id, segment_id, coder, reviewer, verdict, text, created_at) "
        "SELECT id, segment_id, coder, reviewer, verdict, text, created_at FROM other.review_comments "
        "WHERE segment_id IN (SELECT id FROM main.segments)",
    ),
    (
        "adjudications",
        "INSERT INTO main.adjudications "
        "(id, segment_id, coders, decision, decided_by, decided_at, codes, previous) "
        "SELECT id, segment_id, coders, decision, decided_by, decided_at, codes, previous "
        "FROM other.adjudications WHERE segment_id IN (SELECT id FROM main.segments) "
        "ON CONFLICT (segment_id, coders) DO UPDATE SET decision = excluded.decision, "
        "decided_by = excluded.decided_by, decided_at = excluded.decided_at, id = excluded.id, "
        "codes = excluded.codes, previous = excluded.previous "
        "WHERE excluded.decided_at > adjudications.decided_at",
    ),
)

HANDLED_TABLES = {
    "settings",
    "respondents",
    "questions",
    "answers",
    "segments",
    "coders",
    "codes",
    "codings",
    "memos",
    "events",
    "imports",
    "assignments",
    "review_comments",
    "adjudications",
    "merge_conflicts",
}


@contextmanager
def attached(store: Store, other_path: Path) -> Iterator[None]:
    """The other project file attached as ``other`` for the duration of the block."""
    store.execute(f"ATTACH DATABASE ? AS {ALIAS}", (str(other_path),))
    try:
        yield
    finally:
        store.execute(f"DETACH DATABASE {ALIAS}")


def _temp_tables(store: Store) -> None:
    store.execute("PRAGMA defer_foreign_keys = ON")
    for name, columns in (
        ("merge_answer_map", "other_id INTEGER PRIMARY KEY, own_id INTEGER NOT NULL"),
        ("merge_text_differs", "other_id INTEGER PRIMARY KEY, own_id INTEGER NOT NULL"),
        ("merge_new_events", "id TEXT PRIMARY KEY"),
        ("merge_new_segments", "id TEXT PRIMARY KEY"),
        ("merge_touches", _TOUCH_COLUMNS),
    ):
        store.execute(f"CREATE TEMP TABLE IF NOT EXISTS {name} ({columns})")
        store.execute(f"DELETE FROM temp.{name}")
    store.execute("CREATE INDEX IF NOT EXISTS temp.merge_touches_by_row ON merge_touches (tbl, row_id)")


def _run(store: Store, statements) -> dict[str, int]:
    return {table: store.execute(statement).rowcount for table, statement in statements}


def copy_survey(store: Store) -> dict[str, int]:
    """Phase 1 (inside ``atomic()``): survey rows and coders; answers matched, texts compared."""
    _temp_tables(store)
    changed = _run(store, SURVEY_STATEMENTS)
    del changed["answer map"], changed["answer texts"]
    return changed


def copy_untouched(store: Store) -> dict[str, int]:
    """Phase 2, after ``note_events``: rows of the tracked tables that no event ever touched."""
    store.execute(
        "INSERT INTO temp.merge_new_segments SELECT o.id FROM other.segments o "
        "WHERE NOT EXISTS (SELECT 1 FROM main.segments s WHERE s.id = o.id)"
    )
    return _run(store, UNTOUCHED_STATEMENTS)


def copy_team_rows(store: Store) -> dict[str, int]:
    """Phase 3: imports, assignments, comments, adjudications (later decision wins), other tables."""
    changed = _run(store, TEAM_STATEMENTS)
    changed.update(_copy_other_tables(store))
    return changed


def _columns(store: Store, schema: str, table: str) -> list[dict]:
    return store.rows(f"PRAGMA {schema}.table_info({table})")


def _copy_other_tables(store: Store) -> dict[str, int]:
    """Tables added by other features: keyed rows by key, log rows when not there yet."""
    changed = {}
    for table, how in sorted(mergeable_extra_tables(store).items()):
        columns = [column for column in _columns(store, "main", table) if not (how == "log" and column["pk"])]
        names = ", ".join(f'"{column["name"]}"' for column in columns)
        if how == "keyed":
            statement = f'INSERT OR IGNORE INTO main."{table}" ({names}) SELECT {names} FROM other."{table}"'
        else:
            same = " AND ".join(f'm."{column["name"]}" IS o."{column["name"]}"' for column in columns)
            statement = (
                f'INSERT INTO main."{table}" ({names}) SELECT {names} FROM other."{table}" o '
                f'WHERE NOT EXISTS (SELECT 1 FROM main."{table}" m WHERE {same})'
            )
        changed[table] = store.execute(statement).rowcount
    return changed


def _extra_tables(store: Store) -> set[str]:
    query = (
        "SELECT name FROM {}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND sql NOT LIKE 'CREATE VIRTUAL%'"
    )
    own = {row["name"] for row in store.rows(query.format("main"))}
    theirs = {row["name"] for row in store.rows(query.format(ALIAS))}
    virtual = {
        row["name"]
        for row in store.rows("SELECT name FROM main.sqlite_master WHERE sql LIKE 'CREATE VIRTUAL%'")
    }
    shadows = {name for name in own if any(name.startswith(f"{table}_") for table in virtual)}
    return (own & theirs) - HANDLED_TABLES - shadows


def _merge_kind(own: list[dict]) -> str:
    """ "keyed" (a declared key other than the rowid: copy by key) or "log" (copy unseen rows)."""
    keys = [column for column in own if column["pk"]]
    if len(keys) == 1 and keys[0]["type"].upper() == "INTEGER" or not keys:
        return "log"
    return "keyed"


def mergeable_extra_tables(store: Store) -> dict[str, str]:
    """Other features' tables with the same columns in both files and no local answer ids."""
    mergeable = {}
    for table in _extra_tables(store):
        own, theirs = _columns(store, "main", table), _columns(store, ALIAS, table)
        names = {column["name"] for column in own}
        if names == {column["name"] for column in theirs} and "answer_id" not in names:
            mergeable[table] = _merge_kind(own)
    return mergeable


def unmerged_tables(store: Store) -> list[str]:
    """Tables present in both files that the merge leaves alone (reported to the user)."""
    return sorted(_extra_tables(store) - set(mergeable_extra_tables(store)))


def segments_with_other_span(store: Store) -> list[dict]:
    """Segments whose id exists in both files with different offsets (ours were kept)."""
    return store.rows(
        "SELECT s.id, s.answer_id, s.start, s.end, o.start AS other_start, o.end AS other_end "
        "FROM other.segments o JOIN main.segments s ON s.id = o.id "
        "WHERE (s.start != o.start OR s.end != o.end) "
        "AND NOT EXISTS (SELECT 1 FROM temp.merge_touches t WHERE t.tbl = 'segments' AND t.row_id = s.id) "
        "ORDER BY s.answer_id, s.start"
    )


def overlapping_segments(store: Store) -> list[dict]:
    """Pairs of different segments of one answer and one owner (a coder, or shared) whose spans
    overlap, in answers both files hold."""
    return store.rows(
        "SELECT s1.answer_id, a.respondent_id, a.question_id, a.wave, s1.id AS first_id, "
        "s2.id AS second_id FROM segments s1 JOIN segments s2 ON s2.answer_id = s1.answer_id "
        "AND s1.id < s2.id AND s1.start < s2.end AND s2.start < s1.end AND s1.coder IS s2.coder "
        "JOIN answers a ON a.id = s1.answer_id "
        "WHERE s1.answer_id IN (SELECT own_id FROM temp.merge_answer_map) "
        "AND (s1.id IN (SELECT id FROM temp.merge_new_segments) "
        "OR s2.id IN (SELECT id FROM temp.merge_new_segments)) "
        "ORDER BY s1.answer_id"
    )


def answers_with_other_text(store: Store) -> int:
    """Answers matched by respondent, question and wave whose raw text differs (ours kept)."""
    return store.scalar(
        "SELECT COUNT(*) FROM temp.merge_answer_map m JOIN main.answers a ON a.id = m.own_id "
        "JOIN other.answers o ON o.id = m.other_id WHERE a.text != o.text"
    )


def codes_differing(store: Store) -> list[dict]:
    """Codes with the same id in both files but another name, parent or state (ours kept)."""
    return store.rows(
        "SELECT c.id, c.name, o.name AS other_name FROM other.codes o JOIN main.codes c ON c.id = o.id "
        "WHERE c.name != o.name OR c.parent_id IS NOT o.parent_id OR c.retired != o.retired "
        "OR c.merged_into IS NOT o.merged_into ORDER BY c.name"
    )


# One row per (event, row state) of the tracked tables; origin: mine | shared | theirs.
_TOUCH_COLUMNS = (
    "tbl TEXT, row_id TEXT, event_id TEXT, at TEXT, kind TEXT, coder TEXT, origin TEXT, "
    "state TEXT, inserted INTEGER"
)

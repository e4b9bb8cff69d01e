"""Memos on answers, codes and the project, not only on segments.

SQLite cannot drop the NOT NULL of ``memos.segment_id`` in place, so the table is rebuilt:
``target`` names what a memo is about and exactly the matching id column is filled (none for
the project). Existing memos become segment memos; rows written without ``target`` (undo of
an older event, an older merge conflict) default to segment memos too.
"""

VERSION = 10

STATEMENTS = [
    """CREATE TABLE memos_with_targets (
        id TEXT PRIMARY KEY,
        target TEXT NOT NULL DEFAULT 'segment'
            CHECK (target IN ('segment', 'answer', 'code', 'project')),
        segment_id TEXT REFERENCES segments(id),
        answer_id INTEGER REFERENCES answers(id),
        code_id TEXT REFERENCES codes(id),
        coder TEXT NOT NULL,
        text TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((segment_id IS NOT NULL) = (target = 'segment')),
        CHECK ((answer_id IS NOT NULL) = (target = 'answer')),
        CHECK ((code_id IS NOT NULL) = (target = 'code'))
    )""",
    "INSERT INTO memos_with_targets (id, target, segment_id, coder, text, created_at, updated_at) "
    "SELECT id, 'segment', segment_id, coder, text, created_at, updated_at FROM memos",
    "DROP TABLE memos",
    "ALTER TABLE memos_with_targets RENAME TO memos",
    "CREATE INDEX memos_by_segment ON memos (segment_id)",
    "CREATE INDEX memos_by_answer ON memos (answer_id)",
    "CREATE INDEX memos_by_code ON memos (code_id)",
]

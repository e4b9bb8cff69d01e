"""Team work: double-coding assignments, review comments, adjudication decisions."""

VERSION = 3

STATEMENTS = [
    # A segment given to a coder for double coding; blind hides the other coders' codes.
    """CREATE TABLE assignments (
        segment_id TEXT NOT NULL REFERENCES segments(id),
        coder TEXT NOT NULL,
        blind INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        PRIMARY KEY (segment_id, coder)
    )""",
    "CREATE INDEX assignments_by_coder ON assignments (coder)",
    # A reviewer's mark on another coder's coding of a segment; UUIDs travel with merge.
    """CREATE TABLE review_comments (
        id TEXT PRIMARY KEY,
        segment_id TEXT NOT NULL REFERENCES segments(id),
        coder TEXT NOT NULL,
        reviewer TEXT NOT NULL,
        verdict TEXT NOT NULL CHECK (verdict IN ('agree', 'comment')),
        text TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    )""",
    "CREATE INDEX review_comments_by_segment ON review_comments (segment_id)",
    # One settled disagreement between two coders; the decision's codes sit with the consensus coder.
    """CREATE TABLE adjudications (
        id TEXT PRIMARY KEY,
        segment_id TEXT NOT NULL REFERENCES segments(id),
        coders TEXT NOT NULL,
        decision TEXT NOT NULL,
        decided_by TEXT NOT NULL,
        decided_at TEXT NOT NULL,
        UNIQUE (segment_id, coders)
    )""",
]

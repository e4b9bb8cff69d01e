"""Anonymisation: proposed spans with the reviewer's decisions, approvals, and the log.
No foreign keys to segments: splitting or merging segments must never be blocked here;
rows of a vanished or changed segment are simply stale (their hash no longer matches).

Nothing here is ever exported: exports read approved text through ``workbench.anonymise.leak``.
"""

VERSION = 4

STATEMENTS = [
    # Which text of a segment was last run through the detector (even if nothing was found).
    """CREATE TABLE anonymisation_proposals (
        segment_id TEXT PRIMARY KEY,
        segment_hash TEXT NOT NULL,
        detections INTEGER NOT NULL,
        proposed_at TEXT NOT NULL
    )""",
    # One proposed span of a segment's text (offsets relative to the segment), valid only
    # while the segment's hash is unchanged. decision: open | accepted | rejected | edited.
    """CREATE TABLE anonymisation_spans (
        id TEXT PRIMARY KEY,
        segment_id TEXT NOT NULL,
        segment_hash TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        placeholder TEXT NOT NULL,
        certain INTEGER NOT NULL,
        decision TEXT NOT NULL DEFAULT 'open'
            CHECK (decision IN ('open', 'accepted', 'rejected', 'edited')),
        replacement TEXT,
        decided_by TEXT,
        decided_at TEXT,
        proposed_at TEXT NOT NULL
    )""",
    "CREATE INDEX anonymisation_spans_by_segment ON anonymisation_spans (segment_id, start)",
    # The reviewer's final text for a segment; approved only while segment_hash matches.
    """CREATE TABLE anonymisation_texts (
        segment_id TEXT PRIMARY KEY,
        segment_hash TEXT NOT NULL,
        final_text TEXT,
        approved_by TEXT,
        approved_at TEXT
    )""",
    """CREATE TABLE anonymisation_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        coder TEXT,
        segment_id TEXT NOT NULL,
        action TEXT NOT NULL,
        detail TEXT
    )""",
    "CREATE INDEX anonymisation_log_by_segment ON anonymisation_log (segment_id, seq)",
]

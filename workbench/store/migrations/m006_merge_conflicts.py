"""Merge conflicts waiting to be settled; adjudications remember their codes and what they replaced."""

VERSION = 6

STATEMENTS = [
    # One thing two copies decided differently since they last shared a state. ``mine`` and
    # ``theirs`` are JSON: the values each copy holds; ``settled`` is 'mine' or 'theirs' once taken.
    """CREATE TABLE merge_conflicts (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('rename', 'segmentation', 'answer text')),
        target TEXT NOT NULL,
        description TEXT NOT NULL,
        mine TEXT NOT NULL,
        theirs TEXT NOT NULL,
        other_file TEXT NOT NULL,
        created_at TEXT NOT NULL,
        settled TEXT CHECK (settled IN ('mine', 'theirs')),
        settled_at TEXT
    )""",
    "CREATE INDEX merge_conflicts_open ON merge_conflicts (settled, created_at)",
    # The settled codes (JSON list of code ids; [] for "neither") and the decision this one
    # replaced (JSON {decision, codes} or null), so a decision can be undone. decision 'open'
    # marks an undone decision (kept, so the undo crosses a merge as the later decision).
    "ALTER TABLE adjudications ADD COLUMN codes TEXT NOT NULL DEFAULT '[]'",
    "ALTER TABLE adjudications ADD COLUMN previous TEXT",
]

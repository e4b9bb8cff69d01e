"""Waves: how each wave's form questions continue earlier ones, and codes not used in a wave."""

VERSION = 9

STATEMENTS = [
    # One row per project question and wave: the id and text the wave's file used, and how
    # the question relates to earlier waves. sources: JSON list of earlier project question ids.
    # A continued question keeps its project id, so its answers of every wave sit together.
    """CREATE TABLE question_waves (
        question_id TEXT NOT NULL REFERENCES questions(id),
        wave INTEGER NOT NULL,
        form_id TEXT NOT NULL,
        text TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('new', 'continued', 'split', 'merged')),
        sources TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (question_id, wave),
        UNIQUE (wave, form_id)
    )""",
    # A code of last year's codebook that the coders decided not to use in this wave.
    """CREATE TABLE codes_not_used (
        code_id TEXT NOT NULL REFERENCES codes(id),
        wave INTEGER NOT NULL,
        marked_by TEXT,
        marked_at TEXT NOT NULL,
        PRIMARY KEY (code_id, wave)
    )""",
]

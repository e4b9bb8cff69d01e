"""The core schema: respondents, questions, answers, segments, codebook, codings, events."""

VERSION = 1

STATEMENTS = [
    """CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    # Attributes are a JSON object of imported columns (name, county, size_group, ...).
    """CREATE TABLE respondents (
        id TEXT PRIMARY KEY,
        attributes TEXT NOT NULL DEFAULT '{}'
    )""",
    """CREATE TABLE questions (
        id TEXT PRIMARY KEY,
        text TEXT NOT NULL DEFAULT '',
        kind TEXT NOT NULL DEFAULT 'open' CHECK (kind IN ('open', 'comment', 'other')),
        chapter TEXT,
        position INTEGER NOT NULL DEFAULT 0,
        single_code INTEGER NOT NULL DEFAULT 0
    )""",
    """CREATE TABLE answers (
        id INTEGER PRIMARY KEY,
        respondent_id TEXT NOT NULL REFERENCES respondents(id),
        question_id TEXT NOT NULL REFERENCES questions(id),
        wave INTEGER NOT NULL,
        text TEXT NOT NULL,
        is_nonresponse INTEGER NOT NULL DEFAULT 0,
        UNIQUE (respondent_id, question_id, wave)
    )""",
    "CREATE INDEX answers_by_question ON answers (question_id, wave)",
    # A segment is a span of its answer's raw text: 0-based, end-exclusive code points.
    """CREATE TABLE segments (
        id TEXT PRIMARY KEY,
        answer_id INTEGER NOT NULL REFERENCES answers(id),
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        for_report INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        CHECK (start >= 0 AND end > start)
    )""",
    "CREATE INDEX segments_by_answer ON segments (answer_id, start)",
    """CREATE TABLE coders (
        name TEXT PRIMARY KEY,
        is_consensus INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
    )""",
    # The codebook tree: main theme -> sub-theme -> code. Themes are containers unless codable.
    """CREATE TABLE codes (
        id TEXT PRIMARY KEY,
        parent_id TEXT REFERENCES codes(id),
        name TEXT NOT NULL,
        definition TEXT NOT NULL DEFAULT '',
        example_segment_id TEXT,
        colour TEXT,
        is_theme INTEGER NOT NULL DEFAULT 0,
        codable INTEGER NOT NULL DEFAULT 1,
        position INTEGER NOT NULL DEFAULT 0,
        retired INTEGER NOT NULL DEFAULT 0,
        merged_into TEXT REFERENCES codes(id),
        created_at TEXT NOT NULL,
        created_by TEXT
    )""",
    "CREATE INDEX codes_by_parent ON codes (parent_id, position)",
    """CREATE TABLE codings (
        id TEXT PRIMARY KEY,
        segment_id TEXT NOT NULL REFERENCES segments(id),
        code_id TEXT NOT NULL REFERENCES codes(id),
        coder TEXT NOT NULL REFERENCES coders(name),
        how TEXT NOT NULL CHECK (how IN ('typed', 'suggestion', 'bulk', 'imported', 'consensus')),
        created_at TEXT NOT NULL,
        UNIQUE (segment_id, code_id, coder)
    )""",
    "CREATE INDEX codings_by_code ON codings (code_id)",
    "CREATE INDEX codings_by_coder ON codings (coder, created_at)",
    """CREATE TABLE memos (
        id TEXT PRIMARY KEY,
        segment_id TEXT NOT NULL REFERENCES segments(id),
        coder TEXT NOT NULL,
        text TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX memos_by_segment ON memos (segment_id)",
    # Append-only: one row per change; an action groups the events of one user step.
    """CREATE TABLE events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        action_id TEXT NOT NULL,
        at TEXT NOT NULL,
        coder TEXT,
        kind TEXT NOT NULL,
        target TEXT,
        before TEXT,
        after TEXT
    )""",
    "CREATE INDEX events_by_coder ON events (coder, seq)",
    """CREATE TABLE imports (
        id INTEGER PRIMARY KEY,
        file_name TEXT NOT NULL,
        file_sha256 TEXT NOT NULL,
        layout TEXT NOT NULL,
        wave INTEGER,
        imported_at TEXT NOT NULL,
        new_answers INTEGER NOT NULL
    )""",
]

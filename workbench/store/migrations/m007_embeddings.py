"""Cached sentence vectors of the meaning-aware suggestion engine.

A vector is keyed by the hash of the exact text embedded and the model that embedded it, so a
changed text or another model is simply a miss; nothing here is ever exported.
"""

VERSION = 7

STATEMENTS = [
    """CREATE TABLE embeddings (
        text_hash TEXT NOT NULL,
        model TEXT NOT NULL,
        vector BLOB NOT NULL,
        PRIMARY KEY (text_hash, model)
    ) WITHOUT ROWID""",
]

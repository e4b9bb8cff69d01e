"""Indexes for the coding core: undo looks events up by action, history by kind."""

VERSION = 2

STATEMENTS = [
    "CREATE INDEX events_by_action ON events (action_id)",
    "CREATE INDEX events_by_kind ON events (kind, seq)",
    "CREATE INDEX codes_by_merged_into ON codes (merged_into)",
]

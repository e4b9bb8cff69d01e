"""Queries for the REFI-QDA interchange: rows it carries that no other query reads whole, and
counts of what it cannot carry."""

from __future__ import annotations

from workbench.store.database import Store


def codes_not_used_rows(store: Store) -> list[dict]:
    """Every code marked as not used in a wave: code_id, wave, marked_by (by wave, code)."""
    return store.rows("SELECT code_id, wave, marked_by FROM codes_not_used ORDER BY wave, code_id")


def team_rows_by_segment(store: Store) -> dict[str, dict[str, list[dict]]]:
    """Segment id → its adjudications (open ones too), assignments and review comments, each
    kind oldest first."""
    found: dict[str, dict[str, list[dict]]] = {}
    for kind, sql in (
        ("adjudications", "SELECT * FROM adjudications ORDER BY decided_at, id"),
        ("assignments", "SELECT * FROM assignments ORDER BY created_at, coder"),
        ("review_comments", "SELECT * FROM review_comments ORDER BY created_at, id"),
    ):
        for row in store.rows(sql):
            found.setdefault(row["segment_id"], {}).setdefault(kind, []).append(row)
    return found


def insert_assignment_if_new(store: Store, segment_id: str, coder: str, blind: bool, created_at: str) -> None:
    """Give a segment to a coder for double coding unless it already is."""
    store.execute(
        "INSERT OR IGNORE INTO assignments (segment_id, coder, blind, created_at) VALUES (?, ?, ?, ?)",
        (segment_id, coder, int(blind), created_at),
    )


def insert_review_comment_if_new(store: Store, row: dict) -> None:
    """Add a review comment keeping its id, unless that id exists."""
    store.execute(
        "INSERT OR IGNORE INTO review_comments (id, segment_id, coder, reviewer, verdict, text, created_at) "
        "VALUES (:id, :segment_id, :coder, :reviewer, :verdict, :text, :created_at)",
        row,
    )


def uncarried_counts(store: Store) -> dict[str, int]:
    """Counts of rows an interchange file leaves out: events, the import and anonymisation logs,
    open merge conflicts, and span decisions not yet approved."""
    return {
        "events": store.scalar("SELECT COUNT(*) FROM events"),
        "imports": store.scalar("SELECT COUNT(*) FROM imports"),
        "anonymisation_log": store.scalar("SELECT COUNT(*) FROM anonymisation_log"),
        "merge_conflicts": store.scalar("SELECT COUNT(*) FROM merge_conflicts WHERE settled IS NULL"),
        "anonymisation_spans": store.scalar(
            "SELECT COUNT(*) FROM anonymisation_spans s WHERE s.decision != 'open' AND NOT EXISTS "
            "(SELECT 1 FROM anonymisation_texts t WHERE t.segment_id = s.segment_id "
            "AND t.approved_by IS NOT NULL)"
        ),
    }


def adjudication_id_taken(store: Store, adjudication_id: str) -> bool:
    """Whether an adjudication row already has this id."""
    return store.scalar("SELECT 1 FROM adjudications WHERE id = ?", (adjudication_id,)) is not None


def set_code_origin(
    store: Store, code_id: str, created_at: str, created_by: str | None, example_segment_id: str | None
) -> None:
    """Give a code its creation time, author and example segment as another project had them."""
    store.execute(
        "UPDATE codes SET created_at = ?, created_by = ?, example_segment_id = ? WHERE id = ?",
        (created_at, created_by, example_segment_id, code_id),
    )


def set_coding_details(store: Store, coding_id: str, code_id: str | None, how: str | None) -> None:
    """Point a coding at another code and/or say how it was made (None leaves a field as is);
    a change that would repeat a coding of the same segment, code and coder is skipped."""
    store.execute(
        "UPDATE OR IGNORE codings SET code_id = COALESCE(?, code_id), how = COALESCE(?, how) WHERE id = ?",
        (code_id, how, coding_id),
    )


def all_settings(store: Store) -> dict[str, str]:
    """Every project setting, by key."""
    return {row["key"]: row["value"] for row in store.rows("SELECT key, value FROM settings ORDER BY key")}

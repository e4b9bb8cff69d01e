"""Queries for the REFI-QDA interchange: rows it carries that no other query reads whole, and
counts of what it cannot carry."""

from __future__ import annotations

from workbench.store.database import Store


def codes_not_used_rows(store: Store) -> list[dict]:
    """Every code marked as not used in a wave: code_id, wave, marked_by (by wave, code)."""
    return store.rows("SELECT code_id, wave, marked_by FROM codes_not_used ORDER BY wave, code_id")


def adjudications_by_segment(store: Store) -> dict[str, list[dict]]:
    """Every adjudication row (open ones too), grouped by segment id, oldest first."""
    found: dict[str, list[dict]] = {}
    for row in store.rows("SELECT * FROM adjudications ORDER BY decided_at, id"):
        found.setdefault(row["segment_id"], []).append(row)
    return found


def uncarried_counts(store: Store, deleted_code_ids: list[str]) -> dict[str, int]:
    """Counts of rows an interchange file leaves out: codings of the given (deleted) codes,
    events, assignments, review comments, and span decisions of segments not yet approved."""
    marks = ", ".join("?" * len(deleted_code_ids))
    deleted = (
        store.scalar(f"SELECT COUNT(*) FROM codings WHERE code_id IN ({marks})", tuple(deleted_code_ids))
        if deleted_code_ids
        else 0
    )
    return {
        "deleted_codings": deleted,
        "events": store.scalar("SELECT COUNT(*) FROM events"),
        "assignments": store.scalar("SELECT COUNT(*) FROM assignments"),
        "review_comments": store.scalar("SELECT COUNT(*) FROM review_comments"),
        "anonymisation_spans": store.scalar(
            "SELECT COUNT(*) FROM anonymisation_spans s WHERE s.decision != 'open' AND NOT EXISTS "
            "(SELECT 1 FROM anonymisation_texts t WHERE t.segment_id = s.segment_id "
            "AND t.approved_by IS NOT NULL)"
        ),
    }


def adjudication_id_taken(store: Store, adjudication_id: str) -> bool:
    """Whether an adjudication row already has this id."""
    return store.scalar("SELECT 1 FROM adjudications WHERE id = ?", (adjudication_id,)) is not None

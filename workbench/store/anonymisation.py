"""SQL of the anonymisation layer: proposed spans, decisions, final texts, approvals, log."""

from __future__ import annotations

import json

from workbench.store.database import Store, new_id, now


def spans_of(store: Store, segment_id: str, segment_hash: str) -> list[dict]:
    """Proposed spans of a segment that belong to its current text, ordered by position."""
    return store.rows(
        "SELECT * FROM anonymisation_spans WHERE segment_id = ? AND segment_hash = ? ORDER BY start",
        (segment_id, segment_hash),
    )


def proposed_hashes(store: Store) -> dict[str, str]:
    """For each segment with proposals, the segment hash they were made for."""
    rows = store.rows("SELECT segment_id, segment_hash FROM anonymisation_proposals")
    return {row["segment_id"]: row["segment_hash"] for row in rows}


def replace_proposals(store: Store, segment_id: str, segment_hash: str, spans: list[dict]) -> None:
    """Drop a segment's stale proposals and store new ones (call inside ``atomic()``)."""
    store.execute(
        "DELETE FROM anonymisation_spans WHERE segment_id = ? AND segment_hash != ?",
        (segment_id, segment_hash),
    )
    stamp = now()
    store.execute(
        "INSERT INTO anonymisation_proposals (segment_id, segment_hash, detections, proposed_at) "
        "VALUES (?, ?, ?, ?) ON CONFLICT(segment_id) DO UPDATE SET segment_hash = excluded.segment_hash, "
        "detections = excluded.detections, proposed_at = excluded.proposed_at",
        (segment_id, segment_hash, len(spans), stamp),
    )
    store.executemany(
        "INSERT INTO anonymisation_spans (id, segment_id, segment_hash, start, end, kind, text, "
        "placeholder, certain, proposed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(new_id(), segment_id, segment_hash, *_span_values(span), stamp) for span in spans],
    )


def _span_values(span: dict) -> tuple:
    return (span["start"], span["end"], span["kind"], span["text"], span["placeholder"], int(span["certain"]))


def span_row(store: Store, span_id: str) -> dict | None:
    rows = store.rows("SELECT * FROM anonymisation_spans WHERE id = ?", (span_id,))
    return rows[0] if rows else None


def set_decision(store: Store, span_id: str, decision: str, replacement: str | None, coder: str) -> None:
    store.execute(
        "UPDATE anonymisation_spans SET decision = ?, replacement = ?, decided_by = ?, decided_at = ? "
        "WHERE id = ?",
        (decision, replacement, coder, now(), span_id),
    )


def text_row(store: Store, segment_id: str) -> dict | None:
    """The stored final text and approval of a segment (whatever hash it was made for)."""
    rows = store.rows("SELECT * FROM anonymisation_texts WHERE segment_id = ?", (segment_id,))
    return rows[0] if rows else None


def save_text(
    store: Store, segment_id: str, segment_hash: str, final_text: str | None, approved_by: str | None
) -> None:
    """Store the final text; ``approved_by`` None clears any approval."""
    store.execute(
        "INSERT INTO anonymisation_texts (segment_id, segment_hash, final_text, approved_by, approved_at) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT(segment_id) DO UPDATE SET segment_hash = excluded.segment_hash, "
        "final_text = excluded.final_text, approved_by = excluded.approved_by, "
        "approved_at = excluded.approved_at",
        (segment_id, segment_hash, final_text, approved_by, now() if approved_by else None),
    )


def log(store: Store, segment_id: str, action: str, coder: str | None, detail: object = None) -> None:
    """Append a decision to the anonymisation log (call inside ``atomic()``)."""
    store.execute(
        "INSERT INTO anonymisation_log (at, coder, segment_id, action, detail) VALUES (?, ?, ?, ?, ?)",
        (now(), coder, segment_id, action, json.dumps(detail, ensure_ascii=False)),
    )


def log_rows(store: Store, segment_id: str) -> list[dict]:
    return store.rows("SELECT * FROM anonymisation_log WHERE segment_id = ? ORDER BY seq", (segment_id,))


def approval_rows(store: Store) -> dict[str, dict]:
    """Segment id → its approved anonymised text (hash, text, approver, time)."""
    rows = store.rows("SELECT * FROM anonymisation_texts WHERE approved_by IS NOT NULL")
    return {row["segment_id"]: row for row in rows}


def restore_approval(store: Store, segment_id: str, approval: dict) -> None:
    """Keep an approval carried by an interchange file, unless the segment already has one."""
    store.execute(
        "INSERT OR IGNORE INTO anonymisation_texts "
        "(segment_id, segment_hash, final_text, approved_by, approved_at) VALUES (?, ?, ?, ?, ?)",
        (
            segment_id,
            approval["segment_hash"],
            approval.get("final_text"),
            approval["approved_by"],
            approval.get("approved_at"),
        ),
    )

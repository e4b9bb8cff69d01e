"""Team work on one segment, carried in its selection's ``Description`` JSON.

``"adjudications"``: settled disagreements (id, coders, decision, codes, decided_by,
decided_at, previous); ``"assignments"``: the segment given to a coder for double coding
(coder, blind, created_at); ``"review_comments"``: a reviewer's marks (id, coder, reviewer,
verdict, text, created_at). Reading keeps what the project already has and skips any entry
that does not read as one workbench wrote.
"""

from __future__ import annotations

import json

from workbench.store import Store, teams
from workbench.store import interchange as interchange_rows

FIELDS = {
    "adjudications": ("id", "coders", "decision", "codes", "decided_by", "decided_at", "previous"),
    "assignments": ("coder", "blind", "created_at"),
    "review_comments": ("id", "coder", "reviewer", "verdict", "text", "created_at"),
}
_TEXT_FIELDS = {
    "adjudications": ("coders", "decision", "decided_by", "decided_at"),
    "assignments": ("coder", "created_at"),
    "review_comments": ("id", "coder", "reviewer", "text", "created_at"),
}
VERDICTS = ("agree", "comment")


def team_marks(rows: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """The segment's team rows (kind → rows) as the JSON entries of its selection."""
    return {
        kind: [{key: row[key] for key in FIELDS[kind]} for row in rows[kind]]
        for kind in FIELDS
        if rows.get(kind)
    }


def read_team_marks(marks: dict) -> dict[str, list[dict]]:
    """The readable team entries of a selection's JSON, by kind."""
    found = {}
    for kind, text_fields in _TEXT_FIELDS.items():
        entries = marks.get(kind) if isinstance(marks.get(kind), list) else []
        found[kind] = [
            entry
            for entry in entries
            if isinstance(entry, dict) and all(isinstance(entry.get(key), str) for key in text_fields)
        ]
    found["review_comments"] = [row for row in found["review_comments"] if row.get("verdict") in VERDICTS]
    return found


def restore_team_marks(store: Store, segment_id: str, found: dict, code_ids: dict[str, str]) -> None:
    """Add the segment's carried team rows the project does not have yet."""
    for row in found.get("adjudications", []):
        restore_adjudication(store, segment_id, row, code_ids)
    for row in found.get("assignments", []):
        interchange_rows.insert_assignment_if_new(
            store, segment_id, row["coder"], bool(row.get("blind")), row["created_at"]
        )
    for row in found.get("review_comments", []):
        interchange_rows.insert_review_comment_if_new(
            store, {**{key: row[key] for key in FIELDS["review_comments"]}, "segment_id": segment_id}
        )


def _free_id(store: Store, adjudication_id: object) -> bool:
    if not isinstance(adjudication_id, str):
        return False
    return not interchange_rows.adjudication_id_taken(store, adjudication_id)


def restore_adjudication(store: Store, segment_id: str, row: dict, code_ids: dict[str, str]) -> None:
    """Keep a settled disagreement unless the segment has one for that pair; its codes are
    mapped onto the project's codes as the codings were."""
    if teams.adjudication_row(store, segment_id, row["coders"]) is not None:
        return
    try:
        codes = [code_ids.get(code, code) for code in json.loads(row.get("codes") or "[]")]
    except (TypeError, ValueError):
        codes = []
    previous = row.get("previous")
    teams.write_adjudication(
        store,
        {
            **({"id": row["id"]} if _free_id(store, row.get("id")) else {}),
            **{key: row[key] for key in _TEXT_FIELDS["adjudications"]},
            "segment_id": segment_id,
            "codes": json.dumps([str(code) for code in codes]),
            "previous": previous if isinstance(previous, str) else None,
        },
    )

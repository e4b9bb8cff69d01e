"""Queries on the codebook: the tree of themes and codes."""

from __future__ import annotations

from workbench.store.database import Store

_LIVE = "retired = 0 AND merged_into IS NULL"
_UPDATABLE = {
    "parent_id",
    "name",
    "definition",
    "lead_in",
    "example_segment_id",
    "colour",
    "is_theme",
    "codable",
    "position",
    "retired",
    "merged_into",
}


def code_row(store: Store, code_id: str) -> dict | None:
    """One code (live or not) by id."""
    rows = store.rows("SELECT * FROM codes WHERE id = ?", (code_id,))
    return rows[0] if rows else None


def live_children(store: Store, parent_id: str | None) -> list[dict]:
    """The live codes directly under ``parent_id`` (None: top level), in display order."""
    return store.rows(
        f"SELECT * FROM codes WHERE parent_id IS ? AND {_LIVE} ORDER BY position, created_at",
        (parent_id,),
    )


def live_codes(store: Store) -> list[dict]:
    """Every live code, in display order within each parent."""
    return store.rows(f"SELECT * FROM codes WHERE {_LIVE} ORDER BY position, created_at")


def all_codes(store: Store) -> list[dict]:
    """Every code, including retired and merged ones."""
    return store.rows("SELECT * FROM codes ORDER BY created_at")


def insert_code(store: Store, row: dict) -> None:
    """Add one code row (all columns given)."""
    columns = ", ".join(row)
    marks = ", ".join("?" * len(row))
    store.execute(f"INSERT INTO codes ({columns}) VALUES ({marks})", tuple(row.values()))


def update_code(store: Store, code_id: str, **fields) -> None:
    """Change some columns of one code."""
    unknown = set(fields) - _UPDATABLE
    if unknown:
        raise ValueError(f"not updatable: {sorted(unknown)}")
    assignments = ", ".join(f"{name} = ?" for name in fields)
    store.execute(f"UPDATE codes SET {assignments} WHERE id = ?", (*fields.values(), code_id))


def coding_count(store: Store, code_id: str) -> int:
    """How many codings (all coders) carry this code."""
    return store.scalar("SELECT COUNT(*) FROM codings WHERE code_id = ?", (code_id,))


def coding_counts(store: Store) -> dict[str, int]:
    """Codings per code id, for every code that has any."""
    rows = store.rows("SELECT code_id, COUNT(*) AS n FROM codings GROUP BY code_id")
    return {row["code_id"]: row["n"] for row in rows}


def coding_ids_of_code(store: Store, code_id: str) -> list[str]:
    """Ids of every coding carrying this code."""
    rows = store.execute("SELECT id FROM codings WHERE code_id = ?", (code_id,))
    return [row[0] for row in rows]


def colliding_coding_ids(store: Store, source_id: str, target_id: str) -> list[str]:
    """Codings of ``source_id`` whose segment and coder already carry ``target_id``."""
    rows = store.execute(
        "SELECT s.id FROM codings s JOIN codings t ON t.segment_id = s.segment_id "
        "AND t.coder = s.coder AND t.code_id = ? WHERE s.code_id = ?",
        (target_id, source_id),
    )
    return [row[0] for row in rows]


def recode(store: Store, coding_ids: list[str], code_id: str) -> None:
    """Point the given codings at another code."""
    store.executemany("UPDATE codings SET code_id = ? WHERE id = ?", [(code_id, cid) for cid in coding_ids])


def move_code_codings(store: Store, source_id: str, target_id: str) -> None:
    """Point every coding of ``source_id`` at ``target_id`` (collisions removed first)."""
    store.execute("UPDATE codings SET code_id = ? WHERE code_id = ?", (target_id, source_id))


def codes_with_example_segment(store: Store, segment_id: str) -> list[str]:
    """Ids of codes whose example segment is ``segment_id``."""
    rows = store.execute("SELECT id FROM codes WHERE example_segment_id = ?", (segment_id,))
    return [row[0] for row in rows]


def code_count(store: Store) -> int:
    """How many codes exist, live or not."""
    return store.scalar("SELECT COUNT(*) FROM codes")

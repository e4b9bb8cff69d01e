"""Queries on the codebook: the tree of themes and codes."""

from __future__ import annotations

from workbench.store.database import Store

# A live code is neither retired nor merged into another: the one place this is written.
LIVE_CODE = "retired = 0 AND merged_into IS NULL"


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
        f"SELECT * FROM codes WHERE parent_id IS ? AND {LIVE_CODE} ORDER BY position, created_at, id",
        (parent_id,),
    )


def live_codes(store: Store) -> list[dict]:
    """Every live code, in display order within each parent."""
    return store.rows(f"SELECT * FROM codes WHERE {LIVE_CODE} ORDER BY position, created_at, id")


def all_codes(store: Store) -> list[dict]:
    """Every code, including retired and merged ones, oldest first."""
    return store.rows("SELECT * FROM codes ORDER BY created_at, id")


def insert_code(store: Store, row: dict) -> None:
    """Add one code row (all columns given)."""
    columns = ", ".join(row)
    marks = ", ".join("?" * len(row))
    store.execute(f"INSERT INTO codes ({columns}) VALUES ({marks})", tuple(row.values()))


def insert_code_if_new(store: Store, code: dict) -> bool:
    """Insert a code row keeping its id; False when that id already exists."""
    columns = [
        "id",
        "parent_id",
        "name",
        "definition",
        "colour",
        "is_theme",
        "codable",
        "position",
        "retired",
        "merged_into",
        "created_at",
        "created_by",
    ]
    values = [code.get(column) for column in columns]
    columns.append("lead_in")
    values.append(code.get("lead_in") or "")
    cursor = store.execute(
        f"INSERT OR IGNORE INTO codes ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
        values,
    )
    return cursor.rowcount == 1


def update_code(store: Store, code_id: str, **fields) -> None:
    """Change some columns of one code."""
    unknown = set(fields) - _UPDATABLE
    if unknown:
        raise ValueError(f"not updatable: {sorted(unknown)}")
    assignments = ", ".join(f"{name} = ?" for name in fields)
    store.execute(f"UPDATE codes SET {assignments} WHERE id = ?", (*fields.values(), code_id))


def set_code_merged_into(store: Store, code_id: str, target_id: str) -> None:
    """Record that a code was merged into another."""
    store.execute("UPDATE codes SET merged_into = ? WHERE id = ?", (target_id, code_id))


def codes_with_example_segment(store: Store, segment_id: str) -> list[str]:
    """Ids of codes whose example segment is ``segment_id``."""
    rows = store.execute("SELECT id FROM codes WHERE example_segment_id = ?", (segment_id,))
    return [row[0] for row in rows]


def code_count(store: Store) -> int:
    """How many codes exist, live or not."""
    return store.scalar("SELECT COUNT(*) FROM codes")


def code_definitions(store: Store) -> list[dict]:
    """Every live codable code: id, name, definition, parent_id (the suggester's definition examples)."""
    return store.rows(
        f"SELECT id, name, definition, parent_id FROM codes WHERE {LIVE_CODE} AND codable = 1 "
        "ORDER BY created_at, id"
    )

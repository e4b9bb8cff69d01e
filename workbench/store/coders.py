"""Queries on coders: the named people (and consensus layers) codings belong to."""

from __future__ import annotations

from workbench.store.database import Store


def insert_coder(store: Store, name: str, is_consensus: bool, created_at: str) -> None:
    """Add a coder unless one of that name exists."""
    store.execute(
        "INSERT OR IGNORE INTO coders (name, is_consensus, created_at) VALUES (?, ?, ?)",
        (name, int(is_consensus), created_at),
    )


def all_coders(store: Store) -> list[dict]:
    """Every coder (name, consensus flag, created) by name."""
    return store.rows("SELECT * FROM coders ORDER BY name")


def coder_names(store: Store) -> list[str]:
    """Every coder in the project."""
    return [row["name"] for row in all_coders(store)]


def coder_exists(store: Store, name: str) -> bool:
    """Whether a coder of that name is known to the project."""
    return store.scalar("SELECT 1 FROM coders WHERE name = ?", (name,)) is not None

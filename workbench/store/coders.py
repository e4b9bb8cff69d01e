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

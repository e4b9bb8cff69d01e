"""The vector cache: text embeddings kept in the project file, keyed by text hash and model."""

from __future__ import annotations

from workbench.store.database import Store, placeholders


def cached_vectors(store: Store, model: str, hashes: list[str]) -> dict[str, bytes]:
    """Stored vectors of the given text hashes for one model: hash -> vector bytes."""
    found: dict[str, bytes] = {}
    for start in range(0, len(hashes), 500):
        chunk = hashes[start : start + 500]
        marks = placeholders(chunk)
        sql = f"SELECT text_hash, vector FROM embeddings WHERE model = ? AND text_hash IN ({marks})"
        found.update((row["text_hash"], row["vector"]) for row in store.rows(sql, (model, *chunk)))
    return found


def save_vectors(store: Store, model: str, vectors: list[tuple[str, bytes]]) -> None:
    """Store vectors (text hash, bytes) of one model, replacing any of the same key."""
    with store.atomic():
        store.executemany(
            "INSERT OR REPLACE INTO embeddings (text_hash, model, vector) VALUES (?, ?, ?)",
            [(text_hash, model, vector) for text_hash, vector in vectors],
        )


def has_vector_cache(store: Store) -> bool:
    """Whether the project file has the vector cache (a read-only older file may not)."""
    return (
        store.scalar("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'embeddings'") is not None
    )

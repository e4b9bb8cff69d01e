"""A growing matrix of unit-length rows with cheap appends and similarity queries."""

from __future__ import annotations

import numpy as np
from scipy import sparse

_PENDING_LIMIT = 64
_BLOCK_LIMIT = 8
FEW_FEATURES = 1000


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
        return stacked(self.parts())

    def parts(self) -> list:
        """The row blocks as they are now (never changed later): ``stacked`` joins them."""
        return self._blocks + self._pending

    def row(self, index: int):
        """Row ``index`` alone (1 x features), read from its block."""
        for part in self._blocks + self._pending:
            if index < part.shape[0]:
                return part[index : index + 1]
            index -= part.shape[0]
        raise IndexError("row index out of range")

    def similarities(self, queries) -> np.ndarray:
        """Dot products of every stored row with every query row: shape (count, queries)."""
        parts = self._blocks + self._pending
        if not parts:
            return np.zeros((0, queries.shape[0]), dtype=np.float32)
        right = _as_columns(queries)
        if not _few_features(queries) or not sparse.issparse(parts[0]):
            return np.vstack([_dense(part @ right) for part in parts])
        queries = queries.tocsr()  # a CSC query would convert every block to CSC first
        blocks = [_dense(queries @ block).T for block in self._transposed()]
        return np.vstack(blocks + [_dense(part @ right) for part in self._pending])

    def _transposed(self) -> list:
        """Each sparse block as features x rows (kept while the block lives): a short query
        then reads only the columns of its own features, not every stored value."""
        known = {id(pair[0]): pair for pair in getattr(self, "_transposes", [])}
        self._transposes = [
            known[id(block)] if id(block) in known else (block, block.T.tocsr()) for block in self._blocks
        ]
        return [pair[1] for pair in self._transposes]

    def __getstate__(self) -> dict:
        return {name: value for name, value in vars(self).items() if name != "_transposes"}


def stacked(parts: list):
    """Row blocks as one matrix (None when there are none)."""
    return _stack(parts) if parts else None


def _few_features(queries) -> bool:
    """Sparse queries of a few hundred features each (answers, sentences; not code centroids)."""
    return sparse.issparse(queries) and queries.nnz <= FEW_FEATURES * queries.shape[0]


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

"""Which training rows carry which code in which question, with each cell's centroid norm.

A cell is one (code, group) pair, the group being a question id or the definition group. The
squared norm of the sum of a cell's rows is kept current as rows arrive, so a cosine to the
cell's centroid costs one ``bincount`` over the similarities already computed.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
from scipy import sparse


class CellNorms:
    """The (row, cell) pairs of a suggester and the squared norm of each cell's summed rows."""

    def __init__(self):
        self.group_ids: dict = {}
        self.cell_ids: dict[tuple[int, int], int] = {}
        self.cell_class = np.zeros(0, dtype=np.int64)
        self.cell_group = np.zeros(0, dtype=np.int64)
        self.pair_rows = np.zeros(0, dtype=np.int64)
        self.pair_cells = np.zeros(0, dtype=np.int64)
        self.sq_norms = np.zeros(0, dtype=np.float64)

    def group_id(self, group, create: bool = True) -> int:
        """The number of a group (-1 for a group never seen, when not creating)."""
        if group not in self.group_ids:
            if not create:
                return -1
            self.group_ids[group] = len(self.group_ids)
        return self.group_ids[group]

    def cell(self, class_index: int, group) -> int:
        """The cell of a code in a group, created when new."""
        key = (class_index, self.group_id(group))
        if key not in self.cell_ids:
            self.cell_ids[key] = len(self.cell_ids)
            self.cell_class = np.append(self.cell_class, key[0])
            self.cell_group = np.append(self.cell_group, key[1])
            self.sq_norms = np.append(self.sq_norms, 0.0)
        return self.cell_ids[key]

    def add(self, stored, X, rows: np.ndarray, cells: np.ndarray, first: int) -> None:
        """Take in the batch ``X`` (rows ``first`` onwards); ``stored`` holds the earlier rows."""
        touched = np.unique(cells)
        if len(touched):
            membership = _membership(rows, cells, X.shape[0], touched)
            batch_sums = membership.T @ X  # one summed vector per touched cell
            batch_gram = _dense(batch_sums @ batch_sums.T)
            cross = stored.similarities(batch_sums)  # earlier rows x touched cells
            for column, cell in enumerate(touched):
                members = self.pair_rows[self.pair_cells == cell]
                old_dot = float(cross[members, column].sum()) if len(members) else 0.0
                self.sq_norms[cell] += 2.0 * old_dot + float(batch_gram[column, column])
        self.pair_rows = np.concatenate([self.pair_rows, rows + first])
        self.pair_cells = np.concatenate([self.pair_cells, cells])

    def remove(self, stored, rows: list[int]) -> None:
        """Take rows out of their cells: ||S - r||² = ||S||² - 2<S, r> + ||r||²."""
        for row in rows:
            mine = self.pair_rows == row
            if not mine.any():
                continue
            similarities = stored.similarities(stored.row(row))[:, 0]
            for cell in np.unique(self.pair_cells[mine]):
                members = self.pair_rows[self.pair_cells == cell]
                self.sq_norms[cell] += -2.0 * float(similarities[members].sum()) + float(similarities[row])
            keep = ~mine
            self.pair_rows, self.pair_cells = self.pair_rows[keep], self.pair_cells[keep]

    def class_groups(self, skip) -> dict[int, set]:
        """Per code, the groups (other than ``skip``) where it still has rows."""
        groups_of: dict[int, set] = {}
        name_of = {number: group for group, number in self.group_ids.items()}
        for cell in np.unique(self.pair_cells):
            group = name_of[int(self.cell_group[cell])]
            if group != skip:
                groups_of.setdefault(int(self.cell_class[cell]), set()).add(group)
        return defaultdict(set, groups_of)

    def class_sums(self, row_weight: np.ndarray, n_classes: int) -> np.ndarray:
        """Per code, the summed weight of its rows."""
        classes = self.cell_class[self.pair_cells]
        return np.bincount(classes, weights=row_weight[self.pair_rows], minlength=n_classes)

    def best_cosines(self, similarities: np.ndarray, n_classes: int, groups=None) -> np.ndarray:
        """Per code, its best cell's centroid cosine (cells of ``groups`` only, when given)."""
        sums = np.bincount(
            self.pair_cells, weights=similarities[self.pair_rows], minlength=len(self.sq_norms)
        )
        cosines = np.clip(sums, 0, None) / np.sqrt(np.maximum(self.sq_norms, 1e-12))
        chosen = np.isin(self.cell_group, groups) if groups is not None else np.ones(len(cosines), dtype=bool)
        best = np.zeros(n_classes)
        np.maximum.at(best, self.cell_class[chosen], cosines[chosen])
        return best

    def rows_of_class(self, class_index: int) -> np.ndarray:
        """The training rows carrying a code, in any group."""
        return self.pair_rows[self.cell_class[self.pair_cells] == class_index]


def _membership(rows, cells, row_count, touched):
    """A sparse 0/1 matrix: batch rows x touched cells."""
    column = {int(cell): position for position, cell in enumerate(touched)}
    data = np.ones(len(rows), dtype=np.float32)
    columns = [column[int(cell)] for cell in cells]
    return sparse.csr_matrix((data, (rows, columns)), shape=(row_count, len(touched)))


def _dense(matrix) -> np.ndarray:
    return matrix.toarray() if hasattr(matrix, "toarray") else np.asarray(matrix)

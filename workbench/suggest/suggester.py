"""The code suggester: kNN voting, code centroids and a one-vs-rest linear model, blended.

Rows are unit-length vectors from a representation; labels are tuples of code ids; groups are
question ids (neighbours and codes of the same question weigh more). ``partial_fit`` adds
newly coded segments cheaply; the linear models (one per question, over that question's
segments) are refitted only on a schedule.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from sklearn.base import BaseEstimator

from workbench.suggest.linear import fit_linear_scorer
from workbench.suggest.rows import GrowingRows


@dataclass(frozen=True)
class RankedCode:
    """One suggested code: its blended score and the training rows that support it."""

    code_id: str
    score: float
    evidence: tuple[tuple[int, float], ...]  # (training row, similarity), most similar first


class CodeSuggester(BaseEstimator):
    """Suggests codes for a text vector from previously coded segments."""

    def __init__(
        self,
        n_neighbors=15,
        power=2.0,
        other_question_weight=0.3,
        knn_weight=0.5,
        centroid_weight=0.2,
        linear_weight=0.3,
        min_examples_for_linear=5,
        refit_every=25,
        C=1.0,
        random_state=0,
    ):
        self.n_neighbors = n_neighbors
        self.power = power
        self.other_question_weight = other_question_weight
        self.knn_weight = knn_weight
        self.centroid_weight = centroid_weight
        self.linear_weight = linear_weight
        self.min_examples_for_linear = min_examples_for_linear
        self.refit_every = refit_every
        self.C = C
        self.random_state = random_state

    def fit(self, X, y, groups=None, sample_weight=None):
        """Learn from coded rows, forgetting anything learned before.

        ``sample_weight`` scales each row's neighbour vote (e.g. lower for an earlier wave).
        """
        self.rows_ = GrowingRows()
        self.weights_ = np.zeros(0)
        self.labels_: list[tuple[str, ...]] = []
        self.groups_: list = []
        self.classes_: list[str] = []
        self.class_index_: dict[str, int] = {}
        self.class_groups_: dict[int, set] = defaultdict(set)
        self.pair_rows_ = np.zeros(0, dtype=np.int64)
        self.pair_classes_ = np.zeros(0, dtype=np.int64)
        self.class_sq_norms_ = np.zeros(0, dtype=np.float64)
        self.group_rows_: dict = defaultdict(list)
        self.linear_: dict = {}
        self.rows_at_last_refit_: dict = {}
        self._add(X, y, groups, sample_weight)
        self._refit_linear(list(self.group_rows_))
        return self

    def partial_fit(self, X, y, groups=None, sample_weight=None):
        """Add newly coded rows; the linear model is refitted when enough have arrived."""
        if not hasattr(self, "rows_"):
            return self.fit(X, y, groups, sample_weight)
        known = self.rows_.count
        self._add(X, y, groups, sample_weight)
        self._refit_linear([group for group in dict.fromkeys(self.groups_[known:]) if self._refit_due(group)])
        return self

    def _refit_due(self, group) -> bool:
        """A question's linear model is refitted after ``refit_every`` rows or 10 % growth."""
        last = self.rows_at_last_refit_.get(group, 0)
        return len(self.group_rows_[group]) - last >= max(self.refit_every, 0.1 * last)

    @property
    def n_rows_(self) -> int:
        """Number of coded rows learned so far."""
        return self.rows_.count

    def _add(self, X, y, groups, sample_weight=None) -> None:
        labels = [tuple(codes) for codes in y]
        groups = list(groups) if groups is not None else [None] * len(labels)
        if len(labels) == 0:
            return
        weights = np.ones(len(labels)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
        self.weights_ = np.concatenate([getattr(self, "weights_", np.zeros(0)), weights])
        new_rows, new_classes = self._new_pairs(labels, groups)
        self._update_norms(X, new_rows, new_classes)
        self.pair_rows_ = np.concatenate([self.pair_rows_, new_rows + self.rows_.count])
        self.pair_classes_ = np.concatenate([self.pair_classes_, new_classes])
        for row, group in enumerate(groups, start=self.rows_.count):
            self.group_rows_[group].append(row)
        self.rows_.append(X)
        self.labels_.extend(labels)
        self.groups_.extend(groups)

    def _new_pairs(self, labels, groups):
        rows, classes = [], []
        for row, (codes, group) in enumerate(zip(labels, groups, strict=True)):
            for code in dict.fromkeys(codes):
                if code not in self.class_index_:
                    self.class_index_[code] = len(self.classes_)
                    self.classes_.append(code)
                index = self.class_index_[code]
                self.class_groups_[index].add(group)
                rows.append(row)
                classes.append(index)
        return np.array(rows, dtype=np.int64), np.array(classes, dtype=np.int64)

    def _update_norms(self, X, new_rows, new_classes) -> None:
        """Keep ||sum of a code's rows||² current: the denominator of centroid cosines."""
        norms = np.zeros(len(self.classes_), dtype=np.float64)
        norms[: len(self.class_sq_norms_)] = self.class_sq_norms_
        touched = np.unique(new_classes)
        if len(touched) == 0:
            self.class_sq_norms_ = norms
            return
        membership = _membership(new_rows, new_classes, X.shape[0], touched)
        batch_sums = membership.T @ X  # one summed vector per touched code
        batch_gram = _dense(batch_sums @ batch_sums.T)
        cross = self.rows_.similarities(batch_sums)  # old rows x touched codes
        for column, code in enumerate(touched):
            members = self.pair_rows_[self.pair_classes_ == code]
            old_dot = float(cross[members, column].sum()) if len(members) else 0.0
            norms[code] += 2.0 * old_dot + float(batch_gram[column, column])
        self.class_sq_norms_ = norms

    def _refit_linear(self, groups) -> None:
        """Refit the linear models of these questions on their own segments."""
        if not groups:
            return
        matrix = self.rows_.matrix()
        for group in groups:
            rows = self.group_rows_[group]
            self.rows_at_last_refit_[group] = len(rows)
            targets = [[self.class_index_[code] for code in self.labels_[row]] for row in rows]
            scorer = fit_linear_scorer(
                matrix[rows], targets, self.min_examples_for_linear, self.C, self.random_state
            )
            if scorer is None:
                self.linear_.pop(group, None)
            else:
                self.linear_[group] = scorer

    def suggest(self, x, group=None, top=5, exclude_rows=()) -> list[RankedCode]:
        """The best ``top`` codes for one row ``x`` (shape 1 x features), best first.

        ``exclude_rows`` are training rows to ignore as neighbours (the segment itself).
        """
        if not hasattr(self, "rows_") or self.rows_.count == 0:
            return []
        similarities = self.rows_.similarities(x)[:, 0]
        excluded = list(exclude_rows)
        similarities[excluded] = 0.0
        scores = self._blend(x, group, similarities)
        order = [index for index in np.argsort(-scores, kind="stable") if scores[index] > 0]
        return [
            RankedCode(
                code_id=self.classes_[index],
                score=round(float(scores[index]), 4),
                evidence=self._evidence(index, similarities, excluded),
            )
            for index in order[:top]
        ]

    def _blend(self, x, group, similarities) -> np.ndarray:
        same_class = self._question_factor(group)
        blended = self.knn_weight * self._knn_votes(group, similarities)
        blended += self.centroid_weight * self._centroid_scores(similarities) * same_class
        blended += self.linear_weight * self._linear_scores(x, group)
        return blended

    def _question_factor(self, group) -> np.ndarray:
        factor = np.ones(len(self.classes_))
        if group is None:
            return factor
        for index in range(len(self.classes_)):
            if group not in self.class_groups_[index]:
                factor[index] = self.other_question_weight
        return factor

    def _knn_votes(self, group, similarities) -> np.ndarray:
        """Share of neighbour votes per code: sum of similarity^power, same question favoured."""
        count = min(self.n_neighbors, len(similarities))
        neighbours = np.argpartition(-similarities, count - 1)[:count]
        weights = np.clip(similarities[neighbours], 0, None) ** self.power
        weights = weights * self.weights_[neighbours]
        if group is not None:
            same = np.array([self.groups_[row] == group for row in neighbours])
            weights = np.where(same, weights, weights * self.other_question_weight)
        row_weight = np.zeros(len(similarities))
        row_weight[neighbours] = weights
        votes = np.bincount(
            self.pair_classes_, weights=row_weight[self.pair_rows_], minlength=len(self.classes_)
        )
        total = votes.sum()
        return votes / total if total > 0 else votes

    def _centroid_scores(self, similarities) -> np.ndarray:
        """Cosine to each code's centroid, relative to the best code's."""
        sums = np.bincount(
            self.pair_classes_, weights=similarities[self.pair_rows_], minlength=len(self.classes_)
        )
        cosines = np.clip(sums, 0, None) / np.sqrt(np.maximum(self.class_sq_norms_, 1e-12))
        best = cosines.max() if len(cosines) else 0.0
        return cosines / best if best > 0 else cosines

    def _linear_scores(self, x, group) -> np.ndarray:
        scores = np.zeros(len(self.classes_))
        scorer = self.linear_.get(group)
        if scorer is not None:
            scores[scorer.classes] = scorer.probabilities(x)
        return scores

    def _evidence(self, class_index, similarities, excluded, limit=3):
        """The code's most similar training rows: those with similarity > 0, at least one."""
        members = self.pair_rows_[self.pair_classes_ == class_index]
        members = members[~np.isin(members, excluded)]
        best = members[np.argsort(-similarities[members], kind="stable")[:limit]]
        supporting = [row for row in best if similarities[row] > 0] or best[:1]
        return tuple((int(row), round(float(similarities[row]), 4)) for row in supporting)


def _membership(rows, classes, row_count, touched):
    """A dense 0/1 matrix: batch rows x touched codes."""
    from scipy import sparse

    column = {int(code): position for position, code in enumerate(touched)}
    data = np.ones(len(rows), dtype=np.float32)
    columns = [column[int(code)] for code in classes]
    return sparse.csr_matrix((data, (rows, columns)), shape=(row_count, len(touched)))


def _dense(matrix) -> np.ndarray:
    return matrix.toarray() if hasattr(matrix, "toarray") else np.asarray(matrix)

"""TF-IDF and meaning fused by reciprocal rank: the "e5" engine's code suggester.

The lexical part is the plain ``CodeSuggester`` on the TF-IDF rows. The meaning part ranks
each code by its best member, the coded segment or definition with the highest e5 cosine,
within the segment's question (as the lexical part does). The third ranking is how often the
question's segments carry the code. A code's fused score is the weighted sum of
1/(k + rank) over the three rankings; the question's own codes still come first.
"""

from __future__ import annotations

import numpy as np
from scipy.stats import rankdata

from workbench.suggest.rows import GrowingRows
from workbench.suggest.suggester import CodeScores, CodeSuggester


class FusedSuggester(CodeSuggester):
    """A ``CodeSuggester`` on ``Features`` rows, fusing lexical and best-member ranks."""

    def __init__(
        self,
        n_neighbors=15,
        power=2.0,
        knn_weight=0.5,
        centroid_weight=0.2,
        linear_weight=0.3,
        min_examples_for_linear=5,
        refit_every=25,
        C=1.0,
        random_state=0,
        rrf_k=3,
        lexical_weight=1.0,
        meaning_weight=1.0,
        frequency_weight=0.5,
    ):
        super().__init__(
            n_neighbors=n_neighbors,
            power=power,
            knn_weight=knn_weight,
            centroid_weight=centroid_weight,
            linear_weight=linear_weight,
            min_examples_for_linear=min_examples_for_linear,
            refit_every=refit_every,
            C=C,
            random_state=random_state,
        )
        self.rrf_k = rrf_k
        self.lexical_weight = lexical_weight
        self.meaning_weight = meaning_weight
        self.frequency_weight = frequency_weight

    def fit(self, X, y, groups=None, definitions=None, sample_weight=None):
        self.dense_rows_ = GrowingRows()
        return super().fit(X, y, groups, definitions, sample_weight)

    def _add(self, X, y, groups, sample_weight=None) -> None:
        if len(y) == 0:
            return
        self.dense_rows_.append(X.dense)
        super()._add(X.sparse, y, groups, sample_weight)

    def row_similarities(self, X) -> list:
        """Per row of ``X``: (lexical, meaning) similarities to every training row."""
        meaning = self.dense_rows_.similarities(X.dense)
        return [(known, meaning[:, i].copy()) for i, known in enumerate(super().row_similarities(X))]

    def scores(self, x, group=None, exclude_rows=(), similarities=None) -> CodeScores | None:
        """Reciprocal-rank fusion of the lexical scores and each code's best dense member."""
        known, meaning = similarities if similarities is not None else (None, None)
        lexical = super().scores(x.sparse, group, exclude_rows, known)
        if lexical is None:
            return None
        if meaning is None:
            meaning = self.dense_rows_.similarities(x.dense)[:, 0]
        meaning[~lexical.usable] = 0.0
        best = self._best_members(meaning, lexical)
        frequency = self._frequency(group)
        fused = np.zeros(len(self.classes_))
        for part in (lexical.own, ~lexical.own):
            fused[part] = (
                self.lexical_weight * _reciprocal_rank(lexical.scores[part], self.rrf_k)
                + self.meaning_weight * _reciprocal_rank(best[part], self.rrf_k)
                + self.frequency_weight * _reciprocal_rank(frequency[part], self.rrf_k)
            )
        return CodeScores(lexical.own, fused, meaning, lexical.allowed_rows, lexical.usable)

    def _frequency(self, group) -> np.ndarray:
        """Per code, how many segments of the question carry it."""
        chosen = self.cells_.cell_group[self.cells_.pair_cells] == self.cells_.group_id(group, create=False)
        classes = self.cells_.cell_class[self.cells_.pair_cells[chosen]]
        return np.bincount(classes, minlength=len(self.classes_)).astype(float)

    def _best_members(self, meaning: np.ndarray, lexical: CodeScores) -> np.ndarray:
        """Per code, the highest cosine among its rows that may speak for it."""
        rows = self.cells_.pair_rows
        classes = self.cells_.cell_class[self.cells_.pair_cells]
        may_speak = np.where(lexical.own[classes], lexical.allowed_rows[rows], lexical.usable[rows])
        values = np.where(may_speak, meaning[rows], -1.0)
        order, starts, present = self._by_class(classes)
        best = np.full(len(self.classes_), -1.0)
        if len(order):
            best[present] = np.maximum.reduceat(values[order], starts)
        return best

    def _by_class(self, classes: np.ndarray):
        """The pairs ordered by class, where each class begins, and which classes: kept while
        the pairs stay the same (sorting them on every query would cost more than the rest)."""
        cached = getattr(self, "by_class_", None)
        if cached is None or cached[0] is not self.cells_.pair_cells:
            order = np.argsort(classes, kind="stable")
            ordered = classes[order]
            starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]]) if len(order) else order
            self.by_class_ = (self.cells_.pair_cells, order, starts, ordered[starts])
        return self.by_class_[1:]


def _reciprocal_rank(scores: np.ndarray, k: float) -> np.ndarray:
    """1 / (k + rank) with rank 1 for the highest score (ties share the better rank)."""
    if len(scores) == 0:
        return scores
    return 1.0 / (k + rankdata(-scores, method="min"))

"""The code suggester: kNN voting, code centroids and a one-vs-rest linear model, blended.

Rows are unit-length vectors from a representation; labels are tuples of code ids; groups are
question ids. Everything is restricted to the segment's question inside the model: the
neighbours are that question's coded segments, a code's centroid is taken over its segments of
that question, and the linear model is the question's own. Codes used only in other questions
are ranked after the question's own codes, never mixed in.

A code's definition (name, definition, parent theme) is a training row of its own, in the
``DEFINITION`` group: it counts in every question where the code is used, and in every
question while the code has not been used anywhere yet (a code list imported with definitions
counts from the start). ``partial_fit`` adds newly coded segments cheaply; the linear models
are refitted only on a schedule.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from sklearn.base import BaseEstimator

from workbench.suggest.cells import CellNorms
from workbench.suggest.linear import fit_linear_scorer
from workbench.suggest.representation import lexical
from workbench.suggest.rows import GrowingRows, stacked

DEFINITION = "\x00definition"  # the group of definition rows (never a question id)


@dataclass(frozen=True)
class RankedCode:
    """One suggested code: its blended score and the training rows that support it."""

    code_id: str
    score: float
    evidence: tuple[tuple[int, float], ...]  # (training row, similarity), most similar first


@dataclass(frozen=True)
class CodeScores:
    """Scores of every code for one query: the question's own codes, then the others."""

    own: np.ndarray  # bool per class: used in the question (or not used anywhere yet)
    scores: np.ndarray  # blended score per class, own codes scored within the question
    similarities: np.ndarray  # per training row
    allowed_rows: np.ndarray  # bool per training row: rows that may speak in this question
    usable: np.ndarray  # bool per training row: False for the excluded rows (the segment itself)


class CodeSuggester(BaseEstimator):
    """Suggests codes for a text vector from previously coded segments and definitions."""

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
    ):
        self.n_neighbors = n_neighbors
        self.power = power
        self.knn_weight = knn_weight
        self.centroid_weight = centroid_weight
        self.linear_weight = linear_weight
        self.min_examples_for_linear = min_examples_for_linear
        self.refit_every = refit_every
        self.C = C
        self.random_state = random_state

    def fit(self, X, y, groups=None, definitions=None, sample_weight=None):
        """Learn from coded rows (and definition rows ``(X, codes)``), forgetting the rest.

        ``sample_weight`` scales each coded row's neighbour vote (e.g. lower for an earlier wave).
        """
        self.rows_ = GrowingRows()
        self.weights_ = np.zeros(0)
        self.labels_: list[tuple[str, ...]] = []
        self.groups_: list = []
        self.classes_: list[str] = []
        self.class_index_: dict[str, int] = {}
        self.class_groups_: dict[int, set] = defaultdict(set)
        self.cells_ = CellNorms()
        self.row_groups_ = np.zeros(0, dtype=np.int64)
        self.definition_class_ = np.zeros(0, dtype=np.int64)  # per row; -1 for coded rows
        self.alive_ = np.zeros(0, dtype=bool)  # per row; False once forgotten
        self.group_rows_: dict = defaultdict(list)
        self.linear_: dict = {}
        self.rows_at_last_refit_: dict = {}
        self.linear_due_: set = set()  # questions whose linear model waits for a refit
        if definitions is not None and len(definitions[1]):
            self._add(
                definitions[0], [(code,) for code in definitions[1]], [DEFINITION] * len(definitions[1])
            )
        self._add(X, y, groups, sample_weight)
        self._refit_linear([group for group in self.group_rows_ if group != DEFINITION])
        return self

    def partial_fit(self, X, y, groups=None, sample_weight=None, refit_linear=True):
        """Add newly coded rows; the linear model is refitted when enough have arrived, here,
        or (``refit_linear=False``) later through ``linear_job``."""
        if not hasattr(self, "rows_"):
            return self.fit(X, y, groups, sample_weight=sample_weight)
        known = self.rows_.count
        self._add(X, y, groups, sample_weight)
        new_groups = dict.fromkeys(self.groups_[known:])
        self.linear_due_.update(g for g in new_groups if g != DEFINITION and self._refit_due(g))
        if refit_linear:
            self._refit_linear(sorted(self.linear_due_, key=str))
        return self

    def _refit_due(self, group) -> bool:
        """A question's linear model is refitted after ``refit_every`` rows or 10 % growth."""
        last = self.rows_at_last_refit_.get(group, 0)
        return len(self.group_rows_[group]) - last >= max(self.refit_every, 0.1 * last)

    @property
    def n_rows_(self) -> int:
        """Number of coded rows known now (definition and forgotten rows not counted)."""
        return int(self.alive_.sum()) - len(self.group_rows_.get(DEFINITION, ()))

    def forget(self, rows) -> CodeSuggester:
        """Take rows back (an undone or changed coding) at once: neighbours and centroids stop
        using them; the linear models drop them at their next refit."""
        rows = [row for row in dict.fromkeys(rows) if self.alive_[row]]
        if not rows:
            return self
        self.cells_.remove(self.rows_, rows)
        self.alive_[rows] = False
        self.linear_due_.update(self.groups_[row] for row in rows if self.groups_[row] != DEFINITION)
        self.class_groups_ = self.cells_.class_groups(DEFINITION)
        return self

    @property
    def class_sq_norms_(self) -> np.ndarray:
        """||sum of a code's rows in one question||² per (code, question) cell."""
        return self.cells_.sq_norms

    def _add(self, X, y, groups, sample_weight=None) -> None:
        labels = [tuple(codes) for codes in y]
        groups = list(groups) if groups is not None else [None] * len(labels)
        if len(labels) == 0:
            return
        first = self.rows_.count
        weights = np.ones(len(labels)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
        self.weights_ = np.concatenate([self.weights_, weights])
        rows, cells = self._new_pairs(labels, groups)
        self.cells_.add(self.rows_, X, rows, cells, first)
        is_definition = [group == DEFINITION for group in groups]
        self.definition_class_ = np.concatenate(
            [
                self.definition_class_,
                [
                    self.class_index_[codes[0]] if d else -1
                    for codes, d in zip(labels, is_definition, strict=True)
                ],
            ]
        ).astype(np.int64)
        self.row_groups_ = np.concatenate([self.row_groups_, [self.cells_.group_id(g) for g in groups]])
        self.alive_ = np.concatenate([self.alive_, np.ones(len(labels), dtype=bool)])
        for row, group in enumerate(groups, start=first):
            self.group_rows_[group].append(row)
        self.rows_.append(X)
        self.labels_.extend(labels)
        self.groups_.extend(groups)

    def _new_pairs(self, labels, groups):
        rows, cells = [], []
        for row, (codes, group) in enumerate(zip(labels, groups, strict=True)):
            for code in dict.fromkeys(codes):
                if code not in self.class_index_:
                    self.class_index_[code] = len(self.classes_)
                    self.classes_.append(code)
                index = self.class_index_[code]
                if group != DEFINITION:
                    self.class_groups_[index].add(group)
                rows.append(row)
                cells.append(self.cells_.cell(index, group))
        return np.array(rows, dtype=np.int64), np.array(cells, dtype=np.int64)

    def _refit_linear(self, groups) -> None:
        """Refit the linear models of these questions on their own segments, here and now."""
        if groups:
            self.install_linear(self.linear_job(groups)())

    def linear_job(self, groups=None):
        """A call that fits the linear models of these questions (default: those due) from a
        copy of their rows, touching nothing of the suggester: run it in any thread, then
        hand its result to ``install_linear``."""
        groups = sorted(self.linear_due_ if groups is None else groups, key=str)
        self.linear_due_.difference_update(groups)
        parts = self.rows_.parts()  # copied in the job: the caller never waits for it
        inputs = []
        for group in groups:
            rows = [row for row in self.group_rows_[group] if self.alive_[row]]
            self.rows_at_last_refit_[group] = len(self.group_rows_[group])
            targets = [[self.class_index_[code] for code in self.labels_[row]] for row in rows]
            inputs.append((group, rows, targets))
        settings = (self.min_examples_for_linear, self.C, self.random_state)

        def job() -> dict:
            matrix = stacked(parts)
            return {
                group: fit_linear_scorer(matrix[rows], targets, *settings) for group, rows, targets in inputs
            }

        return job

    def install_linear(self, scorers: dict) -> None:
        """Use the linear models a ``linear_job`` fitted (None: the question has none)."""
        for group, scorer in scorers.items():
            if scorer is None:
                self.linear_.pop(group, None)
            else:
                self.linear_[group] = scorer

    def suggest_each(self, X, group=None, top=5, exclude_rows=()) -> list[list[RankedCode]]:
        """``suggest`` for each row of ``X`` (the sentences of one answer) in one pass over
        the training rows."""
        known = self.row_similarities(X) if hasattr(self, "rows_") else [None] * X.shape[0]
        return [self.suggest(X[i : i + 1], group, top, exclude_rows, known[i]) for i in range(X.shape[0])]

    def row_similarities(self, X) -> list:
        """Per row of ``X``, its similarities to every training row, as ``scores`` takes them."""
        similarities = self.rows_.similarities(lexical(X))
        return [similarities[:, i].copy() for i in range(X.shape[0])]

    def suggest(self, x, group=None, top=5, exclude_rows=(), similarities=None) -> list[RankedCode]:
        """The best ``top`` codes for one row ``x`` (shape 1 x features), best first.

        ``exclude_rows`` are training rows to ignore as neighbours (the segment itself);
        ``similarities`` of ``x`` to every training row, when already known.
        """
        scored = self.scores(x, group, exclude_rows, similarities)
        if scored is None:
            return []
        order = ranked_classes(scored.own, scored.scores)
        return [self.ranked_code(index, scored.scores[index], scored) for index in order[:top]]

    def ranked_code(self, index: int, score: float, scored: CodeScores) -> RankedCode:
        """The result for one class, with its evidence rows."""
        return RankedCode(
            code_id=self.classes_[index],
            score=round(float(score), 4),
            evidence=self._evidence(index, scored),
        )

    def scores(self, x, group=None, exclude_rows=(), similarities=None) -> CodeScores | None:
        """Every code's score for ``x``; None before anything was learned."""
        if not hasattr(self, "rows_") or not self.classes_:
            return None
        if similarities is None:
            similarities = self.rows_.similarities(x)[:, 0]
        usable = self.alive_.copy()
        usable[list(exclude_rows)] = False
        similarities[~usable] = 0.0
        own = self.own_classes(group)
        allowed = self.allowed_rows(group, own) & usable
        scores = self._blend(x, group, similarities, allowed)
        if not own.all():
            others = self._blend(x, None, similarities, usable)
            scores = np.where(own, scores, others)
        return CodeScores(own, scores, similarities, allowed, usable)

    def own_classes(self, group) -> np.ndarray:
        """Codes of the question: used in it, or not used in any question yet."""
        if group is None:
            return np.ones(len(self.classes_), dtype=bool)
        return np.array(
            [
                group in self.class_groups_[index] or not self.class_groups_[index]
                for index in range(len(self.classes_))
            ],
            dtype=bool,
        )

    def allowed_rows(self, group, own: np.ndarray) -> np.ndarray:
        """Rows that may speak in the question: its segments and its codes' definitions."""
        if group is None:
            return np.ones(self.rows_.count, dtype=bool)
        mine = self.row_groups_ == self.cells_.group_id(group, create=False)
        definitions = self.definition_class_ >= 0
        definitions[definitions] = own[self.definition_class_[definitions]]
        return mine | definitions

    def _blend(self, x, group, similarities, allowed) -> np.ndarray:
        blended = self.knn_weight * self._knn_votes(similarities, allowed)
        blended += self.centroid_weight * self._centroid_scores(group, similarities)
        blended += self.linear_weight * self._linear_scores(x, group)
        return blended

    def _knn_votes(self, similarities, allowed) -> np.ndarray:
        """Share of neighbour votes per code: sum of similarity^power over allowed rows."""
        candidates = np.flatnonzero(allowed)
        count = min(self.n_neighbors, len(candidates))
        if count == 0:
            return np.zeros(len(self.classes_))
        neighbours = candidates[np.argpartition(-similarities[candidates], count - 1)[:count]]
        row_weight = np.zeros(len(similarities))
        row_weight[neighbours] = (
            np.clip(similarities[neighbours], 0, None) ** self.power * self.weights_[neighbours]
        )
        votes = self.cells_.class_sums(row_weight, len(self.classes_))
        total = votes.sum()
        return votes / total if total > 0 else votes

    def _centroid_scores(self, group, similarities) -> np.ndarray:
        """Cosine to each code's centroid in the question (or its definition), relative to the best."""
        ids = self.cells_.group_ids
        groups = None if group is None else [ids.get(group, -1), ids.get(DEFINITION, -1)]
        cosines = self.cells_.best_cosines(similarities, len(self.classes_), groups)
        best = cosines.max() if len(cosines) else 0.0
        return cosines / best if best > 0 else cosines

    def _linear_scores(self, x, group) -> np.ndarray:
        scores = np.zeros(len(self.classes_))
        scorer = self.linear_.get(group)
        if scorer is not None:
            scores[scorer.classes] = scorer.probabilities(x)
        return scores

    def _evidence(self, class_index, scored: CodeScores, limit=3):
        """The code's most similar training rows: those with similarity > 0, at least one."""
        similarities = scored.similarities
        members = self.cells_.rows_of_class(class_index)
        members = members[scored.usable[members]]
        if scored.own[class_index] and scored.allowed_rows[members].any():
            members = members[scored.allowed_rows[members]]
        best = members[np.argsort(-similarities[members], kind="stable")[:limit]]
        supporting = [row for row in best if similarities[row] > 0] or best[:1]
        return tuple((int(row), round(float(similarities[row]), 4)) for row in supporting)


def ranked_classes(own: np.ndarray, scores: np.ndarray) -> list[int]:
    """Class indices with a positive score: the question's own codes first, each part by score."""
    order = np.lexsort((-scores, ~own))
    return [int(index) for index in order if scores[index] > 0]

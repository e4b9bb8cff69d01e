"""The one-vs-rest logistic part of the suggester, kept as sparse weights for fast scoring."""

from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier
from sklearn.preprocessing import MultiLabelBinarizer


@dataclass(frozen=True)
class LinearScorer:
    """Per-code logistic weights; ``probabilities`` gives one value per listed class."""

    classes: np.ndarray  # class indices of the suggester
    weights: sparse.csr_matrix  # features x classes: a query row picks only its features' rows
    intercepts: np.ndarray

    def probabilities(self, x) -> np.ndarray:
        product = x @ self.weights
        decision = np.asarray(product.toarray() if sparse.issparse(product) else product)[0]
        return 1.0 / (1.0 + np.exp(-(decision + self.intercepts)))


def fit_linear_scorer(
    X, targets: list[list[int]], min_examples: int, C: float, random_state
) -> LinearScorer | None:
    """One logistic model per class with enough positive and negative rows; None if < 2."""
    counts: dict[int, int] = {}
    for classes in targets:
        for index in classes:
            counts[index] = counts.get(index, 0) + 1
    eligible = sorted(index for index, count in counts.items() if min_examples <= count < len(targets))
    if len(eligible) < 2:
        return None
    wanted = set(eligible)
    binary = MultiLabelBinarizer(classes=eligible).fit_transform(
        [[index for index in classes if index in wanted] for classes in targets]
    )
    # Only features present in these rows can get weight: fitting on them alone is much faster.
    used = np.flatnonzero(np.asarray(abs(X).sum(axis=0)).ravel())
    model = LogisticRegression(solver="liblinear", dual=True, C=C, random_state=random_state)
    fitted = OneVsRestClassifier(model).fit(X[:, used], binary)
    compact = np.vstack([estimator.coef_[0] for estimator in fitted.estimators_])
    weights = sparse.csr_matrix(
        (compact.ravel(), (np.repeat(np.arange(len(eligible)), len(used)), np.tile(used, len(eligible)))),
        shape=(len(eligible), X.shape[1]),
    )
    return LinearScorer(
        classes=np.array(eligible, dtype=np.int64),
        weights=weights.T.tocsr(),
        intercepts=np.array([estimator.intercept_[0] for estimator in fitted.estimators_]),
    )


def refit_in_background(model, running: threading.Thread | None) -> threading.Thread | None:
    """Refit the linear models that wait for it in a thread of their own (one at a time; what
    becomes due meanwhile waits for the next refresh); neighbours and centroids never wait."""
    if (running is not None and running.is_alive()) or not model.linear_due_:
        return running
    job = model.linear_job()
    thread = threading.Thread(target=lambda: model.install_linear(job()), name="linear-refit", daemon=True)
    thread.start()
    return thread

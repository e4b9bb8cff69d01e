"""Per-project vectors: the representation fitted once on all answers, kept in memory.

The cache key includes the number and highest id of answers, so importing answers refits and
coding never does. Safe to use from worker threads.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

import numpy as np

from workbench.errors import UserError
from workbench.store import answers as answer_table
from workbench.store.database import Store
from workbench.suggest.dense import EmbeddingCache
from workbench.suggest.engines import DEFAULT_ENGINE, make_representation
from workbench.suggest.representation import Features, FusedRepresentation, stack_rows

_CACHE: dict[tuple, ProjectVectors] = {}
_LOCK = threading.Lock()


@dataclass
class ProjectVectors:
    """A fitted representation and the vector of every non-empty answer of a project.

    ``matrix`` holds sparse rows, or ``Features`` (sparse and dense) for the "e5" engine.
    """

    representation: object
    matrix: object
    row_of_answer: dict[int, int]
    question_of_answer: dict[int, str] = field(default_factory=dict)

    def transform(self, texts: list[str]):
        """Vectors for arbitrary texts (new answers, parts of answers)."""
        return self.representation.transform(texts)

    def part_rows(self, answer_id: int, texts: list[str]):
        """Vectors of parts of a stored answer (its sentences): their own TF-IDF rows; with
        the dense engine each part shares the answer's cached meaning vector, as embedding
        each part would cost tens of milliseconds per suggestion."""
        if not isinstance(self.matrix, Features) or answer_id not in self.row_of_answer:
            return self.transform(texts)
        dense = self.matrix.dense[self.row_of_answer[answer_id]]
        return Features(self.representation.lexical_.transform(texts), np.tile(dense, (len(texts), 1)))

    def answer_rows(self, answer_ids: list[int]):
        """Stored vectors of the given answers, in order."""
        return self.matrix[[self.row_of_answer[answer_id] for answer_id in answer_ids]]

    def segment_rows(self, segments):
        """Vectors of segments: whole-answer segments reuse the answer's vector."""
        whole = [segment.is_whole_answer and segment.answer_id in self.row_of_answer for segment in segments]
        if all(whole):
            return self.answer_rows([segment.answer_id for segment in segments])
        parts = [
            self.answer_rows([segment.answer_id]) if is_whole else self.transform([segment.text])
            for segment, is_whole in zip(segments, whole, strict=True)
        ]
        return stack_rows(parts)


def project_vectors(
    store: Store, engine: str = DEFAULT_ENGINE, on_progress=None, writer=None
) -> ProjectVectors:
    """The project's vectors, fitted now or taken from the in-memory cache.

    The "e5" engine reads sentence vectors cached in the project file and saves new ones
    through ``writer`` (by default the store itself unless it is read-only).
    """
    key = (str(store.path.resolve()), engine, answer_table.answer_fingerprint(store))
    with _LOCK:
        cached = _CACHE.get(key)
    if cached is not None:
        return cached
    params = {}
    if engine == "e5":
        writer = writer if writer is not None or store.read_only else store
        params["cache"] = EmbeddingCache(store, writer)
    vectors = fit_vectors(answer_table.answer_texts(store), engine, on_progress, **params)
    with _LOCK:
        for stale in [other for other in _CACHE if other[:2] == key[:2]]:
            del _CACHE[stale]
        _CACHE[key] = vectors
    return vectors


def fit_vectors(answers: list[dict], engine: str = DEFAULT_ENGINE, on_progress=None, **params):
    """Fit a representation on answer rows (id, question_id, text) and vectorise them."""
    progress = on_progress or (lambda done, total: None)
    texts = [answer["text"] for answer in answers]
    if not texts:
        raise UserError("the project has no answers yet, so there is nothing to suggest from.")
    progress(0, 1)
    representation = make_representation(engine, **params)
    if isinstance(representation, FusedRepresentation):
        matrix = representation.fit_transform(texts, on_progress=on_progress)
    else:
        matrix = representation.fit_transform(texts)
    progress(1, 1)
    return ProjectVectors(
        representation=representation,
        matrix=matrix,
        row_of_answer={answer["id"]: row for row, answer in enumerate(answers)},
        question_of_answer={answer["id"]: answer["question_id"] for answer in answers},
    )

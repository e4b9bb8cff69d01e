"""Suggestions: similar answers, code suggestions with evidence, clusters, near-duplicates.

The public entry point is ``Suggester`` (one per thread, built on that thread's ``Store``);
the estimators (``CodeSuggester``, ``AnswerClusterer``, the representations) follow
scikit-learn's conventions and are chosen by name through ``make_representation``.
"""

from workbench.suggest.engines import available_engines, make_representation
from workbench.suggest.results import Cluster, DuplicateGroup, Evidence, RankedAnswer, Suggestion
from workbench.suggest.service import Suggester

__all__ = [
    "Cluster",
    "DuplicateGroup",
    "Evidence",
    "RankedAnswer",
    "Suggester",
    "Suggestion",
    "available_engines",
    "make_representation",
]

"""Suggestions: similar answers, code suggestions with evidence, clusters, near-duplicates.

The public entry point is ``Suggester`` (one per thread, built on that thread's ``Store``):
``fit(on_progress)`` once in a worker, then ``suggest_answer / suggest_segment / suggest_text``
(lists of frozen ``Suggestion`` with ``Evidence``), ``refresh()`` after codings change,
``suggest_sentences(answer_id)`` (long answers: each sentence's codes, where to split),
``accept(segment_id, suggestion, coder)``, ``near_duplicates(question)``,
``duplicates_of(answer)``, ``clusters(question, n_clusters, on_progress)`` and
``more_like_this(code, question)``. The estimators (``CodeSuggester``, ``AnswerClusterer``,
the representations) follow scikit-learn's conventions; ``make_representation`` picks a
representation by name.
"""

from importlib import import_module

# Loaded on first use, so importing one light module (results, deferred) never pulls in
# scikit-learn: the terminal workbench starts without it.
_HOMES = {
    "available_engines": "engines",
    "make_representation": "engines",
    "Cluster": "results",
    "DuplicateGroup": "results",
    "Evidence": "results",
    "RankedAnswer": "results",
    "SentenceSuggestion": "results",
    "Suggestion": "results",
    "Suggester": "service",
}


def __getattr__(name: str):
    if name not in _HOMES:
        raise AttributeError(f"module 'workbench.suggest' has no attribute {name!r}")
    return getattr(import_module(f"workbench.suggest.{_HOMES[name]}"), name)


__all__ = [
    "Cluster",
    "DuplicateGroup",
    "Evidence",
    "RankedAnswer",
    "SentenceSuggestion",
    "Suggester",
    "Suggestion",
    "available_engines",
    "make_representation",
]

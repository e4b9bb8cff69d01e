"""Person names: a known first name followed by a capitalised word, or a title followed by one.

First names come from ``data/first_names.txt`` (common names in SSB's name statistics).
A lone first name inside a sentence is flagged for review rather than replaced.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from workbench.anonymise.ambiguous import is_sentence_start
from workbench.anonymise.spans import Span

TITLES = frozenset(
    {
        "lege", "fastlege", "overlege", "kommuneoverlege", "kommunelege", "psykolog",
        "psykiater", "dr.", "dr", "prof.", "professor", "rådgiver", "seniorrådgiver",
        "spesialrådgiver", "enhetsleder", "avdelingsleder", "virksomhetsleder", "fagleder",
        "tjenesteleder", "kommunalsjef", "kommunedirektør", "rådmann", "ordfører",
        "varaordfører", "sykepleier", "helsesykepleier", "helsesøster", "koordinator",
        "konsulent", "ruskonsulent", "erfaringskonsulent", "miljøterapeut", "sosionom",
        "saksbehandler", "fysioterapeut", "jordmor", "prest", "rektor", "kollega",
        "kollegaen", "psykologspesialist", "barnevernsleder",
    }
)
_NAME_SHAPE = re.compile(r"^[A-ZÆØÅÉ][a-zæøåéüöä]+(?:-[A-ZÆØÅa-zæøå][a-zæøåéüöä]+)*$")
_MAX_NAME_TOKENS = 3


@cache
def first_names() -> frozenset[str]:
    """The packaged first-name list."""
    text = resources.files("workbench.data").joinpath("first_names.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line and not line.startswith("#"))


@cache
def _stop_words() -> frozenset[str]:
    from spacy.lang.nb.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def looks_like_name(token, taken: set[int]) -> bool:
    """A capitalised word that is not a stop word and not already part of a place name."""
    return (
        token.i not in taken
        and bool(_NAME_SHAPE.match(token.text))
        and token.lower_ not in _stop_words()
    )


def person_spans(doc, taken: set[int]) -> list[Span]:
    """Person names in a processed doc; ``taken`` holds token indices of places found."""
    spans = []
    index = 0
    while index < len(doc):
        span, index = _person_at(doc, index, taken)
        if span is not None:
            spans.append(span)
    return spans


def _person_at(doc, index: int, taken: set[int]) -> tuple[Span | None, int]:
    token = doc[index]
    if token.lower_ in TITLES and index + 1 < len(doc) and looks_like_name(doc[index + 1], taken):
        end = _name_end(doc, index + 1, taken)
        return _span(doc, index + 1, end, certain=True), end
    if token.text in first_names() and token.i not in taken:
        end = _name_end(doc, index, taken)
        if end - index >= 2:
            return _span(doc, index, end, certain=True), end
        if not is_sentence_start(doc, index):
            return _span(doc, index, end, certain=False), end
    return None, index + 1


def _name_end(doc, start: int, taken: set[int]) -> int:
    """The end of a run of capitalised name-like tokens starting at ``start``."""
    end = start + 1
    while end < len(doc) and end - start < _MAX_NAME_TOKENS and looks_like_name(doc[end], taken):
        end += 1
    return end


def _span(doc, start: int, end: int, *, certain: bool) -> Span:
    first, last = doc[start], doc[end - 1]
    return Span(first.idx, last.idx + len(last.text), "person", certain, doc[start:end].text)

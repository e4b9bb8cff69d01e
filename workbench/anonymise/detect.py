"""Find identifying spans in a text: patterns, gazetteers, persons, the respondent's own name."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from workbench.anonymise.ambiguous import AMBIGUOUS_NAMES
from workbench.anonymise.compounds import compound_spans
from workbench.anonymise.gazetteer import ambiguous_keys, gazetteer_spans, pipeline
from workbench.anonymise.normalise import for_matching
from workbench.anonymise.patterns import pattern_spans
from workbench.anonymise.persons import person_spans
from workbench.anonymise.replace import placeholders_for
from workbench.anonymise.spans import KINDS, Span
from workbench.anonymise.tokens import TokenView
from workbench.municipalities import OSLO_DISTRICTS

_HYPHENS = frozenset("-‐‑–")


@dataclass(frozen=True)
class Detection:
    """An identifying span of a text with the placeholder proposed for it.

    ``certain`` is False for flags (ambiguous names out of context, lone first names,
    "bydelen"): shown for review, never replaced unless the reviewer accepts them.
    """

    start: int
    end: int
    kind: str
    text: str
    placeholder: str
    certain: bool


def detect(text: str, respondent_attributes: dict | None = None) -> list[Detection]:
    """Merged, non-overlapping detections in ``text``, ordered by position."""
    return detect_many([(text, respondent_attributes)])[0]


def detect_many(items: Iterable[tuple[str, dict | None]], batch_size: int = 256) -> list[list[Detection]]:
    """Detections for many (text, respondent attributes) pairs, batched through spaCy."""
    items = list(items)
    normalised = [for_matching(text) for text, _ in items]
    docs = pipeline().pipe(normalised, batch_size=batch_size)
    return [
        _detections(doc, text, matched, attributes or {})
        for doc, matched, (text, attributes) in zip(docs, normalised, items, strict=True)
    ]


def _detections(doc, text: str, normalised: str, attributes: dict) -> list[Detection]:
    """Spans found in the normalised text (same offsets), reported with the raw text."""
    tokens = TokenView.of(doc, normalised)
    spans = pattern_spans(text) + gazetteer_spans(doc, tokens) + compound_spans(normalised)
    own_name = str(attributes.get("name") or "")
    spans += own_name_spans(normalised, own_name)
    spans += person_spans(tokens, _tokens_inside(tokens, [span for span in spans if span.certain]))
    merged = merge_spans([_with_genitive(text, span) for span in spans if not _word_part(text, span)])
    placeholders = placeholders_for(merged, own_key=own_name)
    return [
        Detection(span.start, span.end, span.kind, text[span.start : span.end], placeholder, span.certain)
        for span, placeholder in zip(merged, placeholders, strict=True)
    ]


def _word_part(text: str, span: Span) -> bool:
    """An ambiguous name hyphened to a word is part of that word ("Time-klassen"), not a place."""
    if span.key not in ambiguous_keys() or span.end - span.start > len(span.key) + 1:
        return False
    return text[span.end : span.end + 1] in _HYPHENS or text[span.start - 1 : span.start] in _HYPHENS


def _with_genitive(text: str, span: Span) -> Span:
    """A name's span stretched over an English-style genitive ("Bærum's")."""
    tail = text[span.end : span.end + 3]
    if len(tail) >= 2 and tail[0] in "'’" and tail[1] in "sS" and not tail[2:].isalpha():
        return Span(span.start, span.end + 2, span.kind, span.certain, span.key)
    return span


def _tokens_inside(tokens: TokenView, spans: list[Span]) -> set[int]:
    """Indices of tokens inside certain spans: a person name cannot start or run there.

    Flagged spans do not count, so "Bjørn Lund" is a person although "Lund" is a place too.
    """
    inside = set()
    for span in spans:
        first = bisect_left(tokens.starts, span.start)
        inside.update(range(first, bisect_left(tokens.starts, span.end, lo=first)))
    return inside


def own_name_spans(text: str, own_name: str) -> list[Span]:
    """Mentions of the respondent's own name (and, for a district, the bare district name)."""
    if not own_name.strip():
        return []
    pattern, kind, certain = _own_name_pattern(own_name.strip())
    return [Span(m.start(), m.end(), kind, certain, own_name) for m in pattern.finditer(text)]


@cache
def _own_name_pattern(own_name: str) -> tuple[re.Pattern, str, bool]:
    bare = re.sub(r"(?i)^bydel\s+|\s+(kommune|herad)$", "", own_name)
    is_district = bare in OSLO_DISTRICTS.values() or own_name.lower().startswith("bydel ")
    ambiguous = bare in AMBIGUOUS_NAMES
    names = sorted({own_name, bare}, key=len, reverse=True)
    alternatives = "|".join(re.escape(name) + r"(?:s|')?" for name in names)
    flags = 0 if ambiguous else re.IGNORECASE
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", flags)
    return pattern, "district" if is_district else "municipality", not ambiguous


def merge_spans(spans: list[Span]) -> list[Span]:
    """Non-overlapping spans: certain before flagged, longer before shorter, then by kind."""
    ranked = sorted(spans, key=lambda s: (not s.certain, -(s.end - s.start), KINDS.index(s.kind)))
    chosen: list[Span] = []
    for span in ranked:
        if all(span.end <= other.start or span.start >= other.end for other in chosen):
            chosen.append(span)
    return sorted(chosen, key=lambda span: span.start)

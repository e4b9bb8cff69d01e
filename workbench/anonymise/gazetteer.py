"""Place and institution names found with spaCy's blank Norwegian pipeline and an EntityRuler.

Sources: ``workbench.municipalities`` (SSB's 356 municipalities 2020–2023 with Sami/Kven
names, Oslo's districts), ``data/former_places.csv`` (pre-2020 municipalities, counties old
and new, SSB's classification changes), ``data/city_districts.csv`` (the districts of
Bergen, Trondheim, Stavanger, Kristiansand, Tromsø, Drammen) and
``data/health_institutions.csv``. Matching ignores case and runs on the normalised text
(``normalise``), with ASCII spellings of every name; names that are also ordinary words go
through ``ambiguous``.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources

from workbench.anonymise.ambiguous import (
    AMBIGUOUS_NAMES,
    DISTRICT_TELLTALES,
    LIST_JOINERS,
    context_verdict,
)
from workbench.anonymise.normalise import folded_variants, for_matching
from workbench.anonymise.spans import Span
from workbench.anonymise.tokens import TokenView
from workbench.municipalities import OSLO_DISTRICTS, municipalities

LABEL_KINDS = {
    "MUNICIPALITY": "municipality",
    "COUNTY": "county",
    "DISTRICT": "district",
    "HEALTH": "health",
    "DPS": "dps",
}
PLACE_LABELS = frozenset({"MUNICIPALITY", "COUNTY", "DISTRICT"})
_BARE, _FULL = "bare", "full"
_SEPARATOR = "\x1f"
_DISTRICT_ALIASES = {"St. Hanshaugen": ("St Hanshaugen", "Sankt Hanshaugen"), "Grünerløkka": ("Grunerløkka",)}


def genitive(name: str) -> str:
    """The Norwegian genitive of a name: "Bodø" -> "Bodøs", "Moss" -> "Moss'"."""
    return name + "'" if name[-1] in "sxz" else name + "s"


def read_data_rows(file_name: str) -> list[dict]:
    """Rows of a packaged CSV data file whose first line is a ``#`` source comment."""
    text = resources.files("workbench.data").joinpath(file_name).read_text("utf-8")
    return list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))


def _pattern(label: str, text: str, key: str, form: str) -> dict:
    """A phrase pattern, normalised as texts are before matching ("Nord-Fron" -> "Nord Fron")."""
    return {"label": label, "pattern": for_matching(text), "id": f"{key}{_SEPARATOR}{form}"}


def _name_patterns(label: str, name: str, key: str, suffixes: tuple[str, ...]) -> list[dict]:
    """A name and its ASCII spellings, each with its genitive and each suffix word ("kommune")."""
    patterns = []
    for spelling in (name, *sorted(folded_variants(name))):
        patterns += [_pattern(label, spelling, key, _BARE), _pattern(label, genitive(spelling), key, _BARE)]
        for stem in (spelling, genitive(spelling)):
            patterns += [_pattern(label, f"{stem} {suffix}", key, _FULL) for suffix in suffixes]
    return patterns


def gazetteer_patterns() -> list[dict]:
    """All EntityRuler phrase patterns: municipalities, counties, districts, health services."""
    municipality_suffixes = ("kommune", "kommunes", "herad")
    patterns = []
    for municipality in municipalities():
        for name in (municipality.name, *municipality.parallel_names):
            patterns += _name_patterns("MUNICIPALITY", name, municipality.name, municipality_suffixes)
    for row in read_data_rows("former_places.csv"):
        if row["kind"] == "former_municipality":
            patterns += _name_patterns("MUNICIPALITY", row["name"], row["name"], municipality_suffixes)
        else:
            patterns += _name_patterns("COUNTY", row["name"], row["name"], ("fylke", "fylkeskommune"))
    patterns += _district_patterns()
    for row in read_data_rows("health_institutions.csv"):
        label = "DPS" if row["kind"] == "dps" else "HEALTH"
        patterns += [_pattern(label, form, row["name"], _FULL) for form in _word_orders(row["name"])]
    return patterns


def _word_orders(name: str) -> tuple[str, ...]:
    """A DPS is written both ways round: "Lister DPS" and "DPS Lister"."""
    if name.endswith(" DPS"):
        return name, "DPS " + name.removesuffix(" DPS")
    return (name,)


def _district_patterns() -> list[dict]:
    """Oslo's districts and the districts of the other big cities (``data/city_districts.csv``)."""
    names = [*OSLO_DISTRICTS.values(), *(row["name"] for row in read_data_rows("city_districts.csv"))]
    patterns = []
    for name in names:
        for variant in (name, *_DISTRICT_ALIASES.get(name, ())):
            patterns += _name_patterns("DISTRICT", variant, name, ("bydel",))
            patterns.append(_pattern("DISTRICT", f"bydel {variant}", name, _FULL))
    return patterns


@cache
def ambiguous_keys() -> frozenset[str]:
    """Place keys that are also ordinary words: municipalities and city districts alike."""
    districts = {row["name"] for row in read_data_rows("city_districts.csv") if row["ambiguous"] == "yes"}
    return AMBIGUOUS_NAMES | districts


@cache
def pipeline():
    """The cached spaCy pipeline: blank Norwegian bokmål with the gazetteer entity ruler.

    spaCy's SpanRuler-based "future_entity_ruler" behaves like the EntityRuler (longest
    match wins, pattern ids land in ``ent_id_``) but costs no per-document pattern count,
    which made the classic EntityRuler a third of the proposing time.
    """
    import spacy

    nlp = spacy.blank("nb")
    ruler = nlp.add_pipe("future_entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(gazetteer_patterns())
    return nlp


def gazetteer_spans(doc, tokens: TokenView) -> list[Span]:
    """Spans for the gazetteer entities of a processed doc, ambiguous names judged in context."""
    spans, pending, places = [], [], []
    for entity in doc.ents:
        key, form = entity.ent_id_.split(_SEPARATOR)
        if form == _BARE and key in ambiguous_keys():
            pending.append((entity, key))
            continue
        spans.append(_entity_span(entity, key, certain=True))
        if entity.label_ in PLACE_LABELS:
            places.append((entity.start, entity.end))
    places += _paired_ambiguous(tokens, [entity for entity, _ in pending])
    for _ in range(2):  # a second pass lets one ambiguous name vouch for the next in a list
        pending = _judge_pending(tokens, pending, spans, places)
    spans += [
        _entity_span(entity, key, certain=False) for entity, key, verdict in pending if verdict == "flag"
    ]
    if "bydel" in tokens.text.lower():
        spans += _telltale_spans(doc, tokens)
    if "DPS" in tokens.text:
        spans += _unlisted_dps_spans(tokens)
    return spans


def _judge_pending(tokens: TokenView, pending, spans: list[Span], places: list[tuple[int, int]]) -> list:
    """Resolve ambiguous names; certain ones move to ``spans``, the rest come back judged."""
    still_open = []
    for entity, key, *_ in pending:
        verdict = context_verdict(tokens, entity.start, entity.end, places)
        if verdict == "certain":
            spans.append(_entity_span(entity, key, certain=True))
            places.append((entity.start, entity.end))
        else:
            still_open.append((entity, key, verdict))
    return still_open


def _paired_ambiguous(tokens: TokenView, entities) -> list[tuple[int, int]]:
    """Capitalised ambiguous names joined by "og" or a comma vouch for each other."""
    capitalised = [entity for entity in entities if entity.text[:1].isupper()]
    paired = []
    for left, right in zip(capitalised, capitalised[1:], strict=False):
        if right.start == left.end + 1 and tokens.lowers[left.end] in LIST_JOINERS:
            paired += [(left.start, left.end), (right.start, right.end)]
    return paired


def _entity_span(entity, key: str, *, certain: bool) -> Span:
    return Span(entity.start_char, entity.end_char, LABEL_KINDS[entity.label_], certain, key)


def _telltale_spans(doc, tokens: TokenView) -> list[Span]:
    """'bydel'/'bydelen' outside a district name: reveals an Oslo district, so flag it."""
    inside = {index for entity in doc.ents for index in range(entity.start, entity.end)}
    return [
        Span(tokens.starts[index], tokens.end(index), "district", False, "")
        for index, lower in enumerate(tokens.lowers)
        if lower in DISTRICT_TELLTALES and index not in inside
    ]


def _unlisted_dps_spans(tokens: TokenView) -> list[Span]:
    """ "X DPS" or "DPS X" with a capitalised name X: a specific district psychiatric centre."""
    spans = []
    for index, text in enumerate(tokens.texts):
        if text != "DPS":
            continue
        start = index
        while start > 0 and index - start < 3 and _is_place_word(tokens.texts[start - 1]):
            start -= 1
        end = index + 1
        if start == index and end < len(tokens) and _is_place_word(tokens.texts[end]):
            end += 1
        if start < index and tokens.opens_sentence(start):
            start += 1  # a capitalised first word is more likely "Vårt" or "Lokalt" than a name
        if end - start > 1:
            spans.append(Span(tokens.starts[start], tokens.end(end - 1), "dps"))
    return spans


def _is_place_word(text: str) -> bool:
    from spacy.lang.nb.stop_words import STOP_WORDS

    return text[:1].isupper() and text.replace("-", "").isalpha() and text.lower() not in STOP_WORDS

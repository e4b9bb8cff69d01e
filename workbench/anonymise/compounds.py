"""Place names grown into one word: "Bærumkommune", "Bærumsklinikken", "tromsøværing".

A word counts when it is a known place (or its ASCII spelling), optionally a linking "s",
then a tail from a fixed list of institution words and demonyms. Names that are also
ordinary words, and names under four letters, never start a compound here: "Sola" +
"senteret" is the sun centre as often as a place.
"""

from __future__ import annotations

import re
from functools import cache

from workbench.anonymise.gazetteer import ambiguous_keys, read_data_rows
from workbench.anonymise.normalise import folded_variants
from workbench.anonymise.spans import Span
from workbench.municipalities import OSLO_DISTRICTS, municipalities

TAILS = frozenset(
    {
        "kommune", "kommunen", "kommunes", "herad", "heradet",
        "området", "omradet", "distriktet", "regionen", "byen", "bygda",
        "klinikk", "klinikken", "sykehus", "sykehuset", "legevakt", "legevakta", "legevakten",
        "helsestasjon", "helsestasjonen", "senter", "senteret", "modellen", "saken",
        "skolen", "politiet", "dps", "teamet", "tjenesten", "tjenestene",
        "væring", "væringen", "væringer", "væringene", "varing", "varingen", "varinger",
        "ser", "seren", "sere", "serne", "folk", "folket", "borger", "borgere", "buer", "bu",
    }
)  # fmt: skip
_MIN_NAME = 4


@cache
def _place_kinds() -> dict[str, tuple[str, str]]:
    """Lower-case spelling -> (kind, canonical name) for every unambiguous place name."""
    named = [(m.name, "municipality") for m in municipalities()]
    named += [(name, "municipality") for m in municipalities() for name in m.parallel_names]
    for row in read_data_rows("former_places.csv"):
        named.append((row["name"], "municipality" if row["kind"] == "former_municipality" else "county"))
    named += [(name, "district") for name in OSLO_DISTRICTS.values()]
    named += [(row["name"], "district") for row in read_data_rows("city_districts.csv")]
    places = {}
    for name, kind in named:
        if name in ambiguous_keys() or len(name) < _MIN_NAME or " " in name:
            continue
        for spelling in (name, *folded_variants(name)):
            places[spelling.lower()] = (kind, name)
    return places


def compound_spans(text: str) -> list[Span]:
    """Words that are a place name joined to an institution word or a demonym."""
    spans = []
    for match in _candidates().finditer(text):
        found = _compound(match.group().lower())
        if found:
            kind, name = found
            spans.append(Span(match.start(), match.end(), kind, True, name))
    return spans


@cache
def _candidates() -> re.Pattern:
    """Whole words ending in a tail, found in one pass before any prefix is looked up."""
    tails = "|".join(sorted(TAILS, key=len, reverse=True))
    return re.compile(rf"(?<![^\W\d_])[^\W\d_]{{{_MIN_NAME},}}(?:{tails})(?![^\W\d_])", re.IGNORECASE)


def _compound(word: str) -> tuple[str, str] | None:
    places = _place_kinds()
    for cut in range(_MIN_NAME, len(word) - 1):
        place = places.get(word[:cut])
        if place is None:
            continue
        rest = word[cut:]
        if rest in TAILS or (rest.startswith("s") and rest[1:] in TAILS):
            return place
    return None

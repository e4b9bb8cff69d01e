"""Place names that are also ordinary Norwegian words: replaced only in context.

The list is derived by reading the 356 municipality names (and the former ones in
``data/former_places.csv``) and keeping those whose lower-case form is a common word in
bokmål or nynorsk (time = hour, sola = the sun, gran = spruce, lier = hillsides …).
Such a name counts as a place when it is capitalised and (a) follows a preposition of place
(i, fra, til, med, på …), (b) is followed by "kommune", or (c) stands in a list next to a
place already found. Capitalised elsewhere but not sentence-initial, it is flagged for
review; at the start of a sentence or in lower case it is left alone.
"""

from __future__ import annotations

from workbench.anonymise.tokens import TokenView

AMBIGUOUS_NAMES = frozenset(
    {
        # current municipalities
        "Alta",
        "Alver",
        "Asker",
        "Bø",
        "Fjord",
        "Flå",
        "Gol",
        "Gran",
        "Grane",
        "Grue",
        "Heim",
        "Hol",
        "Hole",
        "Hvaler",
        "Hå",
        "Høylandet",
        "Kinn",
        "Klepp",
        "Leka",
        "Lier",
        "Lierne",
        "Lom",
        "Loppa",
        "Lund",
        "Luster",
        "Lyngen",
        "Marker",
        "Moss",
        "Nes",
        "Os",
        "Osen",
        "Rana",
        "Råde",
        "Røst",
        "Sande",
        "Sel",
        "Sola",
        "Stad",
        "Stange",
        "Strand",
        "Stranda",
        "Sula",
        "Time",
        "Tinn",
        "Valle",
        "Vang",
        "Vega",
        "Vik",
        "Øyer",
        "Øygarden",
        "Ål",
        "Ås",
        # former municipalities and counties
        "Berg",
        "Eid",
        "Eide",
        "Fet",
        "Fjell",
        "Flora",
        "Halsa",
        "Hof",
        "Re",
        "Selje",
        "Ski",
        "Sund",
        "Viken",
    }
)

# Words after which a capitalised ambiguous name is read as a place.
CONTEXT_BEFORE = frozenset(
    {
        "i",
        "fra",
        "til",
        "med",
        "på",
        "mot",
        "ved",
        "hos",
        "mellom",
        "utenfor",
        "innenfor",
        "kommunene",
        "nabokommunen",
        "nabokommunene",
        "nabokommune",
        "frå",
        "kommunen",
    }
)
CONTEXT_AFTER = frozenset({"kommune", "kommunes", "herad", "kommunen", "fylke", "fylkeskommune"})
LIST_JOINERS = frozenset({"og", ",", "eller", "/", "&"})
# Words that reveal an Oslo district without naming it; flagged, never replaced.
DISTRICT_TELLTALES = frozenset({"bydel", "bydelen", "bydelens", "bydels"})


def context_verdict(tokens: TokenView, start: int, end: int, places: list[tuple[int, int]]) -> str | None:
    """'certain', 'flag' or None for an ambiguous name at tokens ``start:end``.

    ``places`` holds token ranges of places already found with certainty, for list context.
    """
    if not tokens.texts[start][:1].isupper():
        return None
    if start > 0 and tokens.lowers[start - 1] in CONTEXT_BEFORE:
        return "certain"
    if end < len(tokens) and tokens.lowers[end] in CONTEXT_AFTER:
        return "certain"
    if _in_list_with_place(tokens, start, end, places):
        return "certain"
    if tokens.opens_sentence(start):
        return None
    return "flag"


def _in_list_with_place(tokens: TokenView, start: int, end: int, places: list[tuple[int, int]]) -> bool:
    """True if a joiner ("og", ",") links this name to a place on either side."""
    if start >= 2 and tokens.lowers[start - 1] in LIST_JOINERS:
        if any(place_end == start - 1 for _, place_end in places):
            return True
    if end + 1 < len(tokens) and tokens.lowers[end] in LIST_JOINERS:
        return any(place_start == end + 1 for place_start, _ in places)
    return False

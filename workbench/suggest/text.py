"""Norwegian tokenisation, a short stop list, and text normalisation for comparisons."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Function words only. Evaluative and negating words ("godt", "dårlig", "bra", "ikke",
# "ingen", "mer", "mindre") carry the categories and are deliberately kept.
STOP_WORDS = frozenset(
    """
    og i på til av for med som at det den de en et er var har hadde vi oss vår våre
    seg sin sine sitt om fra så men da nå her der dette disse denne eller enn kan
    skal vil blir ble vært være også bare alle andre hvor hva når hvis jeg meg min
    mitt mine du deg han hun dem deres ein eit eg me dei ho frå kva korleis noko
    nokon ved mot etter under over inn ut opp hos få fått noe noen kommunen
    """.split()
)

# Words that never name a topic, bokmål and nynorsk: left out of cluster labels only (the
# representation keeps them, since "ikke", "godt" and "mer" carry categories).
LABEL_STOP_WORDS = STOP_WORDS | frozenset(
    """
    å derfor litt mye mykje også òg berre sjølv selv fordi slik sånn ganske svært veldig enda
    fortsatt framleis ennå allerede alt blant annet anna både hele heile mange flere fleire
    noko nokre ingen ikke ikkje kunne ville skulle måtte må bør burde ha gjøre gjere
    gjort være vere vore vart vert blitt vorte har hatt ta tatt blir ble kva kvar hver kvart
    hvordan korleis hvorfor kvifor mellom uten utan gjennom mot sidan siden likevel dermed
    dei deira oss vårt sine man ei mer meir mest mindre
    godt bra dårlig stor store liten lite nye ny nytt annen eige egen egne
    ser se sett gjelder gir gjev går kommer kjem får fekk fikk sier seier tror trur
    """.split()
)

_WORD = re.compile(r"\w", re.UNICODE)
_NOT_WORD = re.compile(r"[^\w]+", re.UNICODE)


@lru_cache(maxsize=1)
def _tokenizer():
    """spaCy's rule-based Norwegian tokenizer, loaded once (no statistical model)."""
    import spacy

    return spacy.blank("nb").tokenizer


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens of a text (punctuation dropped)."""
    return [token.lower_ for token in _tokenizer()(text) if _WORD.search(token.text)]


def content_tokens(text: str) -> list[str]:
    """Word tokens without stop words and bare numbers, for labels and word n-grams."""
    return [token for token in tokens(text) if token not in STOP_WORDS and not token.isdigit()]


def label_tokens(text: str) -> list[str]:
    """Content words for naming a cluster: no function or evaluative words, no numbers."""
    return [
        token
        for token in tokens(text)
        if token not in LABEL_STOP_WORDS and token.isalpha() and len(token) > 2
    ]


def normalise(text: str) -> str:
    """Case-, accent-form- and punctuation-insensitive form used to spot near-duplicates."""
    folded = unicodedata.normalize("NFC", text).casefold()
    return _NOT_WORD.sub(" ", folded).strip()

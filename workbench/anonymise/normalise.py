"""Text normalised before matching, so common spellings of a name cannot slip past.

:func:`for_matching` keeps every character's position (the detector maps spans back to the
raw text): a hyphen or an apostrophe-s joined to a word becomes a space ("Bærum-kommune",
"Bærum's"), and a shouted text ("KARI NORDMANN ER LEDER.") is title-cased word by word.
:func:`folded_variants` gives a name's ASCII spellings ("Bærum" -> "Baerum", "Barum").
"""

from __future__ import annotations

import itertools
import re

_JOINER = re.compile(r"(?<=[^\W\d_])(?:[-‐‑–]|['’](?=s\b))(?=[^\W\d_])")
_WORD = re.compile(r"[^\W\d_]+")
_CAPITALS_RUN = re.compile(r"[^\W\d_a-zæøåäöüé]{3}")
_FOLDS = {"æ": ("ae", "a", "e"), "ø": ("o", "oe"), "å": ("aa", "a"), "é": ("e",), "ü": ("u",)}
# A text counts as shouted when most of its letters are capitals (and it has a few words).
_SHOUTED_SHARE = 0.7
_SHOUTED_WORDS = 2
# Shorter names fold into ordinary words ("Bø" -> "bo"), so only longer ones get variants.
_MIN_FOLDED = 4


def for_matching(text: str) -> str:
    """``text`` of the same length, with joined forms split and shouting title-cased."""
    text = _JOINER.sub(" ", text)
    if _is_shouted(text):
        text = _WORD.sub(lambda match: match.group().capitalize(), text)
    return text


def _is_shouted(text: str) -> bool:
    if not _CAPITALS_RUN.search(text):
        return False
    letters = [character for character in text if character.isalpha()]
    words = _WORD.findall(text)
    if len(words) < _SHOUTED_WORDS or not letters:
        return False
    return sum(character.isupper() for character in letters) / len(letters) >= _SHOUTED_SHARE


def folded_variants(name: str) -> set[str]:
    """The ASCII spellings of a name with æ, ø, å (none for a name that has none)."""
    options = [(character, *_FOLDS.get(character.lower(), ())) for character in name]
    if len(name) < _MIN_FOLDED or all(len(choice) == 1 for choice in options):
        return set()
    variants = {"".join(parts) for parts in itertools.product(*options)}
    return {variant for variant in variants if variant.isascii()}

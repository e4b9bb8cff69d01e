"""Person names: a known first name followed by a capitalised word, or a title followed by one.

First names come from ``data/first_names.txt`` (common names in SSB's name statistics).
A lone first name is flagged for review rather than replaced: inside a sentence, at its
start unless the name is also a common word ("Per i dag", "Liv og helse"), and in lower case
when the writer does not capitalise at all ("vi snakket med kari").
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from workbench.anonymise.spans import Span
from workbench.anonymise.tokens import TokenView

TITLES = frozenset(
    {
        "lege",
        "fastlege",
        "overlege",
        "kommuneoverlege",
        "kommunelege",
        "psykolog",
        "psykiater",
        "dr.",
        "dr",
        "prof.",
        "professor",
        "rådgiver",
        "seniorrådgiver",
        "spesialrådgiver",
        "enhetsleder",
        "avdelingsleder",
        "virksomhetsleder",
        "fagleder",
        "tjenesteleder",
        "kommunalsjef",
        "kommunedirektør",
        "rådmann",
        "ordfører",
        "varaordfører",
        "sykepleier",
        "helsesykepleier",
        "helsesøster",
        "koordinator",
        "konsulent",
        "ruskonsulent",
        "erfaringskonsulent",
        "miljøterapeut",
        "sosionom",
        "saksbehandler",
        "fysioterapeut",
        "jordmor",
        "prest",
        "rektor",
        "kollega",
        "kollegaen",
        "psykologspesialist",
        "barnevernsleder",
        "fru",
        "frue",
        "herr",
        "hr.",
        "frk.",
        "frøken",
    }
)
# First names that are also common words, so a capitalised one opening a sentence is a word.
WORD_NAMES = frozenset(
    {
        "ane",
        "arve",
        "aud",
        "dag",
        "ella",
        "endre",
        "even",
        "finn",
        "frank",
        "gro",
        "hans",
        "helge",
        "inge",
        "jo",
        "karl",
        "lene",
        "line",
        "linn",
        "lise",
        "liv",
        "live",
        "mette",
        "odd",
        "per",
        "rune",
        "sander",
        "signe",
        "siv",
        "stein",
        "stig",
        "tom",
        "tone",
        "tore",
        "trine",
        "vegar",
        "vilde",
        "åsa",
    }
)
_NAME_SHAPE = re.compile(r"^[A-ZÆØÅÉ][a-zæøåéüöä]+(?:-[A-ZÆØÅa-zæøå][a-zæøåéüöä]+)*$")
_MAX_NAME_TOKENS = 3
_INITIAL = re.compile(r"^[A-ZÆØÅ]\.$")
_PATRONYMIC = re.compile(r"^[a-zæøå]{2,}(?:s?sen|son|døtter|dottir)$")


@cache
def first_names() -> frozenset[str]:
    """The packaged first-name list."""
    text = resources.files("workbench.data").joinpath("first_names.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line and not line.startswith("#"))


@cache
def surnames() -> frozenset[str]:
    """The packaged list of common surnames, in lower case."""
    text = resources.files("workbench.data").joinpath("surnames.txt").read_text("utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line and not line.startswith("#"))


def is_surname(word: str) -> bool:
    """A common surname, or a word shaped like one ("…sen", "…son")."""
    lower = word.lower()
    return lower in surnames() or bool(_PATRONYMIC.match(lower))


@cache
def _lower_first_names() -> frozenset[str]:
    """Lower-case first names that are not also common words, for texts written in lower case."""
    return frozenset(name.lower() for name in first_names()) - WORD_NAMES - _stop_words()


@cache
def _stop_words() -> frozenset[str]:
    from spacy.lang.nb.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def looks_like_name(tokens: TokenView, index: int, taken: set[int]) -> bool:
    """A capitalised word that is not a stop word and not already part of a place name."""
    return (
        index not in taken
        and bool(_NAME_SHAPE.match(tokens.texts[index]))
        and tokens.lowers[index] not in _stop_words()
    )


def person_spans(tokens: TokenView, taken: set[int]) -> list[Span]:
    """Person names; ``taken`` holds indices of tokens already inside a place name."""
    names, spans = first_names(), []
    index = 0
    while index < len(tokens):
        if tokens.lowers[index] in TITLES or tokens.texts[index] in names:
            span, index = _person_at(tokens, index, taken)
            if span is not None:
                spans.append(span)
        elif (
            _INITIAL.match(tokens.texts[index])
            and index + 1 < len(tokens)
            and looks_like_name(tokens, index + 1, taken)
        ):
            end = _name_end(tokens, index + 1, taken)
            spans.append(_span(tokens, index, end, certain=is_surname(tokens.texts[end - 1])))
            index = end
        else:
            index += 1
    spans += _lower_case_full_names(tokens, taken)
    if _written_in_lower_case(tokens):
        spans += _lower_case_first_names(tokens, taken)
    return spans


def _lower_case_full_names(tokens: TokenView, taken: set[int]) -> list[Span]:
    """ "ole hansen": a first name and a surname written in lower case are one certain span."""
    names = _lower_first_names()
    return [
        _span(tokens, index, index + 2, certain=True)
        for index in range(len(tokens) - 1)
        if tokens.texts[index] in names
        and tokens.texts[index + 1].islower()
        and is_surname(tokens.texts[index + 1])
        and not {index, index + 1} & taken
    ]


def _written_in_lower_case(tokens: TokenView) -> bool:
    """True if the text opens in lower case: its writer may not capitalise names either."""
    first_letter = next((character for character in tokens.text if character.isalpha()), "")
    return first_letter.islower()


def _lower_case_first_names(tokens: TokenView, taken: set[int]) -> list[Span]:
    names = _lower_first_names()
    return [
        _span(tokens, index, index + 1, certain=False)
        for index, text in enumerate(tokens.texts)
        if text in names and index not in taken
    ]


def _person_at(tokens: TokenView, index: int, taken: set[int]) -> tuple[Span | None, int]:
    after_title = index + 1 < len(tokens) and tokens.lowers[index] in TITLES
    if after_title and looks_like_name(tokens, index + 1, taken):
        end = _name_end(tokens, index + 1, taken)
        return _span(tokens, index + 1, end, certain=True), end
    if tokens.texts[index] in first_names() and index not in taken:
        end = _name_end(tokens, index, taken)
        if end - index >= 2:
            return _span(tokens, index, end, certain=True), end
        if not tokens.opens_sentence(index) or tokens.lowers[index] not in WORD_NAMES:
            return _span(tokens, index, end, certain=False), end
    return None, index + 1


def _name_end(tokens: TokenView, start: int, taken: set[int]) -> int:
    """The end of a run of capitalised name-like tokens starting at ``start``."""
    end = start + 1
    while end < len(tokens) and end - start < _MAX_NAME_TOKENS and looks_like_name(tokens, end, taken):
        end += 1
    return end


def _span(tokens: TokenView, start: int, end: int, *, certain: bool) -> Span:
    first, last = tokens.starts[start], tokens.end(end - 1)
    return Span(first, last, "person", certain, " ".join(tokens.texts[start:end]))

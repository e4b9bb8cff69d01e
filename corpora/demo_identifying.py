"""Identifying details (names, numbers, places) that the anonymisation work has to catch."""

from __future__ import annotations

import random
from dataclasses import dataclass

from demo_phrases import common
from demo_units import OSLO_NUMBER, Unit

_ASCII = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "é": "e", "ü": "u", " ": "-", ".": ""})

_KINDS = (
    (common.OWN_UNIT, 0.3),
    (common.NEIGHBOUR, 0.15),
    (common.PERSON, 0.15),
    (common.PHONE, 0.15),
    (common.EMAIL, 0.1),
    (common.INSTITUTION, 0.15),
)


@dataclass(frozen=True)
class Surroundings:
    """What a unit's answers may mention: its own name, a neighbour, local institutions."""

    own_names: tuple[str, ...]
    neighbour: str
    institutions: tuple[str, ...]
    mail_domain: str


def surroundings(unit: Unit, units: list[Unit]) -> Surroundings:
    """The names a unit's respondent would naturally mention."""
    if unit.number == OSLO_NUMBER:
        own = (f"bydel {unit.name.removeprefix('Bydel ')}", "bydelen", "Oslo kommune")
        if not unit.name.startswith("Bydel "):
            own = (unit.name, "etaten", "Oslo kommune")
        domain = "oslo.kommune.no"
    else:
        own = (unit.name, f"{unit.name} kommune", f"{unit.name} kommune")
        domain = f"{_slug(unit.name)}.kommune.no"
    return Surroundings(own, _neighbour(unit, units), common.INSTITUTIONS[unit.county], domain)


def _neighbour(unit: Unit, units: list[Unit]) -> str:
    """The closest other unit by number in the same county (numbers roughly follow geography)."""
    if unit.number == OSLO_NUMBER:
        districts = [other for other in units if other.name.startswith("Bydel ") and other != unit]
        rank = int(unit.id) if unit.id.isdigit() else 0
        return min(districts, key=lambda other: abs(int(other.id) - rank)).name
    same_county = [other for other in units if other.county == unit.county and other != unit]
    return min(same_county, key=lambda other: abs(int(other.number) - int(unit.number))).name


def _slug(name: str) -> str:
    return name.lower().translate(_ASCII)


def phone_number(rng: random.Random) -> str:
    """A Norwegian-looking phone number in one of the ways people write them."""
    digits = [rng.randrange(10) for _ in range(8)]
    digits[0] = rng.choice((2, 3, 5, 6, 7, 4, 9, 9))
    text = "".join(map(str, digits))
    if text[0] in "49":
        layouts = (f"{text[:3]} {text[3:5]} {text[5:]}", f"+47 {text[:3]} {text[3:5]} {text[5:]}", text)
    else:
        layouts = (" ".join(text[i : i + 2] for i in range(0, 8, 2)), text)
    return rng.choice(layouts)


def identifying_sentence(rng: random.Random, around: Surroundings, personal_only: bool = False) -> str:
    """One natural sentence naming the unit, a neighbour, a person, a number or an institution.

    ``personal_only`` keeps to a contact person, as in a write-in naming who filled in the form.
    """
    kinds = _KINDS[2:5] if personal_only else _KINDS
    templates = rng.choices([kind for kind, _ in kinds], [weight for _, weight in kinds])[0]
    first, last = rng.choice(common.FIRST_NAMES), rng.choice(common.LAST_NAMES)
    sentence = rng.choice(templates).format(
        own=rng.choice(around.own_names),
        neighbour=around.neighbour,
        person=f"{first} {last}",
        role=rng.choice(common.ROLES),
        phone=phone_number(rng),
        email=f"{_slug(first)}.{_slug(last)}@{around.mail_domain}",
        institution=rng.choice(around.institutions),
    )
    return sentence[:1].upper() + sentence[1:]

"""Respondent ids and attributes: unit numbers normalised, names, counties and size groups filled."""

from __future__ import annotations

import re
from functools import lru_cache

from workbench.errors import UserError
from workbench.municipalities import (
    OSLO_DISTRICTS,
    municipality_by_number,
    normalise_unit_number,
    size_group,
    unit_attributes,
)

POPULATION_COLUMNS = ("population", "innbyggere", "folketall")
_DIGIT_GROUPING = re.compile(r"[\s\u00a0\u202f']")


@lru_cache(maxsize=65_536)
def respondent_id(raw: str) -> str:
    """The respondent id without surrounding space; "301" becomes "0301" when that is a unit.

    Spreadsheets drop the leading zero of municipality numbers; restoring it only for numbers
    that name a real municipality or Oslo district leaves other id schemes untouched.
    """
    stripped = raw.strip()
    number = normalise_unit_number(stripped)
    if number != stripped and (number in OSLO_DISTRICTS or number in municipality_by_number()):
        return number
    return stripped


def complete_attributes(respondent: str, attributes: dict[str, str], where: str) -> dict:
    """The file's non-empty attributes plus name, county and size group where it lacks them.

    ``where`` names the file and row for an error about an unreadable population.
    """
    completed: dict[str, object] = {key: value for key, value in attributes.items() if value}
    for key, value in unit_attributes(respondent).items():
        completed.setdefault(key, value)
    population_key = next((key for key in completed if key.casefold() in POPULATION_COLUMNS), None)
    if population_key is not None:
        population = parse_population(completed[population_key], f"{where}, column '{population_key}'")
        completed["population"] = population
        completed.setdefault("size_group", size_group(population))
    return completed


def parse_population(value: object, where: str) -> int:
    """A population count written with or without digit grouping ("12 345", "12345")."""
    digits = _DIGIT_GROUPING.sub("", str(value))
    if not digits.isdigit():
        raise UserError(f"{where}: '{value}' is not a population count.")
    return int(digits)

"""The reporting units of the 2020–2023 structure: municipalities and Oslo's districts.

Municipalities come from ``data/municipalities.csv`` (SSB's classification, see its first
line); Oslo reports through its 15 city districts (SSB district numbers 030101–030115).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

OSLO_DISTRICTS = {
    "030101": "Gamle Oslo",
    "030102": "Grünerløkka",
    "030103": "Sagene",
    "030104": "St. Hanshaugen",
    "030105": "Frogner",
    "030106": "Ullern",
    "030107": "Vestre Aker",
    "030108": "Nordre Aker",
    "030109": "Bjerke",
    "030110": "Grorud",
    "030111": "Stovner",
    "030112": "Alna",
    "030113": "Østensjø",
    "030114": "Nordstrand",
    "030115": "Søndre Nordstrand",
}

SIZE_GROUPS = (
    "Under 2 000",
    "2 000–4 999",
    "5 000–9 999",
    "10 000–19 999",
    "20 000–49 999",
    "50 000 og over",
    "Bydel i Oslo",
)
_SIZE_GROUP_LOWER_BOUNDS = (0, 2_000, 5_000, 10_000, 20_000, 50_000)


@dataclass(frozen=True)
class Municipality:
    number: str
    name: str
    county: str
    county_number: str
    parallel_names: tuple[str, ...]


@cache
def municipalities() -> tuple[Municipality, ...]:
    """All 356 municipalities of 2020–2023, ordered by number."""
    text = resources.files("workbench.data").joinpath("municipalities.csv").read_text("utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return tuple(
        Municipality(
            number=row["number"],
            name=row["name"],
            county=row["county"],
            county_number=row["county_number"],
            parallel_names=tuple(filter(None, row["sami_kven_names"].split("|"))),
        )
        for row in csv.DictReader(lines)
    )


@cache
def municipality_by_number() -> dict[str, Municipality]:
    """Municipalities keyed by their four-digit number."""
    return {municipality.number: municipality for municipality in municipalities()}


def normalise_unit_number(raw: str) -> str:
    """A municipality or district number as text with its leading zero ("301" -> "0301")."""
    digits = raw.strip()
    if digits.isdigit() and len(digits) in (3, 5):
        return "0" + digits
    return digits


def size_group(population: int) -> str:
    """The survey's size group for a municipality's population."""
    if population < 0:
        raise ValueError("population cannot be negative")
    index = sum(population >= bound for bound in _SIZE_GROUP_LOWER_BOUNDS) - 1
    return SIZE_GROUPS[index]


def unit_attributes(number: str) -> dict[str, str]:
    """Name and county for a municipality or Oslo district number; empty if unknown."""
    number = normalise_unit_number(number)
    if number in OSLO_DISTRICTS:
        return {"name": f"Bydel {OSLO_DISTRICTS[number]}", "county": "Oslo", "size_group": SIZE_GROUPS[-1]}
    municipality = municipality_by_number().get(number)
    if municipality is None:
        return {}
    return {"name": municipality.name, "county": municipality.county}

"""Combination risk: attributes printed beside a quote may single out the respondent.

A quote shown with, say, county and size group identifies its municipality when fewer than
five reporting units share that combination of values.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

MINIMUM_GROUP = 5


@dataclass(frozen=True)
class RiskWarning:
    attributes: tuple[str, ...]
    values: tuple[str, ...]
    units: int

    def describe(self) -> str:
        pairs = ", ".join(f"{name}={value}" for name, value in zip(self.attributes, self.values, strict=True))
        return f"{pairs} fits only {self.units} reporting unit(s); a quote shown with it may identify them"


def combination_risks(
    population: list[dict], shown: list[dict], attributes: tuple[str, ...], minimum: int = MINIMUM_GROUP
) -> list[RiskWarning]:
    """Warnings for the attribute combinations of ``shown`` quotes rarer than ``minimum``.

    ``population`` holds the attributes of every reporting unit (all respondents), ``shown``
    those of the respondents whose quotes are exported with ``attributes`` beside them.
    """
    counts = Counter(_values(unit, attributes) for unit in population)
    warnings = {}
    for unit in shown:
        values = _values(unit, attributes)
        if counts[values] < minimum:
            warnings[values] = RiskWarning(attributes, values, counts[values])
    return list(warnings.values())


def _values(unit: dict, attributes: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(str(unit.get(name, "")) for name in attributes)


def quote_risks(store, segment_ids: list[str], attributes: tuple[str, ...]) -> list[RiskWarning]:
    """Combination-risk warnings for exporting these quotes with ``attributes`` beside them."""
    from workbench.store import segments as segment_rows
    from workbench.store import survey

    shown = [row["attributes"] for row in segment_rows.segments_by_id(store, list(segment_ids)).values()]
    population = list(survey.attributes_by_respondent(store).values())
    return combination_risks(population, shown, attributes)

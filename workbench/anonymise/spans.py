"""The raw span every detector returns before spans are merged and given placeholders."""

from __future__ import annotations

from dataclasses import dataclass

# Kinds of identifying detail, in the order a tie between equal spans is settled.
KINDS = (
    "national_id",
    "org_number",
    "phone",
    "email",
    "url",
    "address",
    "health",
    "dps",
    "district",
    "municipality",
    "county",
    "service",
    "person",
)


@dataclass(frozen=True)
class Span:
    """One proposed identifying span of a text.

    ``key`` names the thing the span refers to (a municipality's canonical name, say), so
    two mentions of the same place get the same placeholder; ``certain`` is False for names
    that are also ordinary words and only flagged for review.
    """

    start: int
    end: int
    kind: str
    certain: bool = True
    key: str = ""

"""Codes as evidence: a code's name, definition and parent theme as one training example.

A coder who reads "Ikke prioritert på grunn av økonomi" knows what belongs under it before the
first answer is coded; so does the suggester, from this example (shown as "definition" in the
evidence). Codes imported with definitions count from the start.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.store import codes as code_rows
from workbench.store.database import Store


@dataclass(frozen=True)
class Definition:
    """The definition example of one code."""

    code_id: str
    text: str


def definition_examples(store: Store, codebook, names_only: bool = True) -> list[Definition]:
    """One example per live codable code: "Name. Definition. Parent theme".

    Codes without a definition give their name (and parent) alone, unless ``names_only`` is
    False.
    """
    examples = []
    for row in code_rows.code_definitions(store):
        definition = " ".join(row["definition"].split())
        if not definition and not names_only:
            continue
        parent = codebook.path(row["parent_id"]) if row["parent_id"] else ""
        parts = [part.strip().rstrip(".") for part in (row["name"], definition, parent)]
        examples.append(Definition(row["id"], ". ".join(part for part in parts if part)))
    return examples

"""Settling disagreements between two coders into a consensus layer.

The decision for a segment becomes the consensus coder's codes on it (``how="consensus"``);
the two independent codings are never touched, so the reliability figure stays as it was.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from workbench import coding
from workbench.coding.codebook_tree import Codebook
from workbench.errors import UserError
from workbench.store import codings as coding_rows
from workbench.store import segments as segment_rows
from workbench.store import teams
from workbench.store.database import Store

CONSENSUS = "consensus"
DECISIONS = ("first", "second", "both", "neither", "edit")


@dataclass(frozen=True)
class Disagreement:
    """One segment the two coders coded differently; code ids are the surviving codes."""

    segment_id: str
    answer_id: int
    question_id: str
    respondent_id: str
    text: str
    first_codes: tuple[str, ...]
    second_codes: tuple[str, ...]
    decision: str | None


def coders_key(first: str, second: str) -> str:
    """How a pair of coders is named in the adjudications table."""
    return f"{first}|{second}"


def disagreements(
    store: Store, first: str, second: str, question_id: str | None = None
) -> list[Disagreement]:
    """Segments both coders coded with different sets of codes, in question and answer order."""
    if first == second:
        raise UserError("Adjudication needs two different coders.")
    codebook = Codebook.from_store(store)
    sets: dict[str, dict[str, set[str]]] = {}
    for segment_id, coder, code_id in coding_rows.codings_of_coders(store, [first, second], question_id):
        sets.setdefault(segment_id, {}).setdefault(coder, set()).add(codebook.survivor(code_id))
    differing = [
        segment
        for segment, by_coder in sets.items()
        if len(by_coder) == 2 and by_coder[first] != by_coder[second]
    ]
    texts = segment_rows.segments_by_id(store, differing)
    decided = teams.adjudicated(store, coders_key(first, second))
    found = [
        Disagreement(
            segment_id=segment,
            answer_id=texts[segment]["answer_id"],
            question_id=texts[segment]["question_id"],
            respondent_id=texts[segment]["respondent_id"],
            text=texts[segment]["text"],
            first_codes=tuple(sorted(sets[segment][first], key=codebook.path)),
            second_codes=tuple(sorted(sets[segment][second], key=codebook.path)),
            decision=decided.get(segment),
        )
        for segment in differing
    ]
    return sorted(found, key=lambda item: (item.question_id, item.answer_id, item.segment_id))


def chosen_codes(item: Disagreement, decision: str, edited: Iterable[str] = ()) -> set[str]:
    """The codes a decision puts on the segment."""
    if decision not in DECISIONS:
        raise UserError(f"A decision is one of {', '.join(DECISIONS)}, not {decision!r}.")
    return {
        "first": set(item.first_codes),
        "second": set(item.second_codes),
        "both": set(item.first_codes) | set(item.second_codes),
        "neither": set(),
        "edit": set(edited),
    }[decision]


def decide(
    store: Store,
    item: Disagreement,
    pair: tuple[str, str],
    decision: str,
    decided_by: str,
    edited: Iterable[str] = (),
) -> set[str]:
    """Write the decision to the consensus coder's codes on the segment; return those codes."""
    target = chosen_codes(item, decision, edited)
    with store.atomic():
        coding.ensure_coder(store, CONSENSUS, is_consensus=True)
        current = set(coding_rows.codes_of_segment(store, item.segment_id, CONSENSUS))
        if target - current:
            coding.apply_codes(store, item.segment_id, sorted(target - current), CONSENSUS, how="consensus")
        if current - target:
            coding.remove_codes(store, item.segment_id, sorted(current - target), CONSENSUS)
        teams.record_adjudication(store, item.segment_id, coders_key(*pair), decision, decided_by)
    return target


def sharpen_definition(store: Store, code_id: str, definition: str, coder: str) -> None:
    """Change a code's definition while settling a disagreement."""
    coding.define_code(store, code_id, coder, definition=definition.strip())


def progress(items: list[Disagreement]) -> tuple[int, int]:
    """(decided, total) over a list of disagreements."""
    return sum(item.decision is not None for item in items), len(items)


def coder_pairs(store: Store) -> list[tuple[str, str]]:
    """Pairs of independent coders who coded segments in common, most shared segments first."""
    return teams.coder_pairs(store)

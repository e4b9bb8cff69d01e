"""Settling disagreements between two coders into a consensus layer.

The decision for a segment becomes the consensus coder's codes on it (``how="consensus"``);
the two independent codings are never touched, so the reliability figure stays as it was.
Every decision, "neither" included, is also one row of ``adjudications``: the pair of coders,
the decision, the settled code ids as a JSON list (``[]`` for "neither"), who and when, and
the decision it replaced, so it can be undone. An undone decision stays as decision 'open'.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from workbench import coding
from workbench.coding.codebook_tree import Codebook
from workbench.errors import UserError
from workbench.store import codings as coding_rows
from workbench.store import segments as segment_rows
from workbench.store import teams
from workbench.store.database import Store, now

CONSENSUS = "consensus"
DECISIONS = ("first", "second", "both", "neither", "edit")


@dataclass(frozen=True)
class Disagreement:
    """One segment the two coders coded differently; code ids are the surviving codes. Where
    they segmented the answer differently, the unit is the answer (kept by its first shared
    segment, ``segment_id``)."""

    segment_id: str
    answer_id: int
    question_id: str
    respondent_id: str
    text: str
    first_codes: tuple[str, ...]
    second_codes: tuple[str, ...]
    decision: str | None
    unit: str = "segment"


def coders_key(first: str, second: str) -> str:
    """How a pair of coders is named in the adjudications table."""
    return f"{first}|{second}"


def disagreements(
    store: Store, first: str, second: str, question_id: str | None = None
) -> list[Disagreement]:
    """Segments both coders coded with different sets of codes, in question and answer order."""
    if first == second:
        raise UserError("Adjudication needs two different coders.")
    paths = Codebook.from_store(store)
    differing = _differing_code_sets(store, paths, first, second, question_id)
    texts = segment_rows.segments_by_id(store, list(differing))
    decided = teams.adjudicated(store, coders_key(first, second))
    found = [
        Disagreement(
            segment_id=segment,
            answer_id=texts[segment]["answer_id"],
            question_id=texts[segment]["question_id"],
            respondent_id=texts[segment]["respondent_id"],
            text=_unit_text(store, texts[segment], unit),
            first_codes=tuple(sorted(first_codes, key=paths.survivor_path)),
            second_codes=tuple(sorted(second_codes, key=paths.survivor_path)),
            decision=decided.get(segment),
            unit=unit,
        )
        for segment, (first_codes, second_codes, unit) in differing.items()
    ]
    return sorted(found, key=lambda item: (item.question_id, item.answer_id, item.segment_id))


def _unit_text(store: Store, segment: dict, unit: str) -> str:
    """The text judged: the segment's, or the whole answer's when the unit is the answer."""
    return (
        teams.answer_text_and_respondent(store, segment["answer_id"])["text"]
        if unit == "answer"
        else segment["text"]
    )


def _differing_code_sets(
    store: Store, paths: Codebook, first: str, second: str, question_id: str | None
) -> dict[str, tuple[set[str], set[str], str]]:
    """Per unit both coders coded differently, each one's codes (merged codes followed) and the
    unit: a segment, or an answer one of them segmented on their own (kept by its first shared
    segment; each coder's codes are then all they gave the answer)."""
    rows = coding_rows.codings_of_coders(store, [first, second], question_id)
    owned = segment_rows.owned_segments_of_answers(store, sorted({row[1] for row in rows}))
    anchors = segment_rows.first_shared_segments(store, sorted({row[1] for row in rows if row[2] in owned}))
    sets: dict[str, dict[str, set[str]]] = {}
    for _, answer_id, segment_id, coder, code_id in rows:
        unit = anchors.get(answer_id, segment_id)
        sets.setdefault(unit, {}).setdefault(coder, set()).add(paths.survivor(code_id))
    whole = set(anchors.values())
    return {
        unit: (by_coder[first], by_coder[second], "answer" if unit in whole else "segment")
        for unit, by_coder in sets.items()
        if len(by_coder) == 2 and by_coder[first] != by_coder[second]
    }


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
        earlier = teams.adjudication_row(store, item.segment_id, coders_key(*pair))
        previous = None
        if earlier is not None and earlier["decision"] != "open":
            previous = json.dumps({"decision": earlier["decision"], "codes": json.loads(earlier["codes"])})
        _set_consensus(store, item.segment_id, target)
        _record(store, item.segment_id, pair, decision, sorted(target), decided_by, previous)
    return target


def undo_decision(store: Store, item: Disagreement, pair: tuple[str, str], decided_by: str) -> str | None:
    """Take back the last decision on a segment; returns the decision now standing (None: open)."""
    row = teams.adjudication_row(store, item.segment_id, coders_key(*pair))
    if row is None or row["decision"] == "open":
        raise UserError("There is no decision on this segment to undo.")
    earlier = json.loads(row["previous"]) if row["previous"] else None
    with store.atomic():
        codes = earlier["codes"] if earlier else []
        _set_consensus(store, item.segment_id, set(codes))
        decision = earlier["decision"] if earlier else "open"
        _record(store, item.segment_id, pair, decision, codes, decided_by, None)
    return None if earlier is None else decision


def _set_consensus(store: Store, segment_id: str, target: set[str]) -> None:
    coding.ensure_coder(store, CONSENSUS, is_consensus=True)
    current = set(coding_rows.codes_of_segment(store, segment_id, CONSENSUS))
    if target - current:
        coding.apply_codes(store, segment_id, sorted(target - current), CONSENSUS, how="consensus")
    if current - target:
        coding.remove_codes(store, segment_id, sorted(current - target), CONSENSUS)


def _record(store, segment_id, pair, decision, codes, decided_by, previous) -> None:
    teams.write_adjudication(
        store,
        {
            "segment_id": segment_id,
            "coders": coders_key(*pair),
            "decision": decision,
            "decided_by": decided_by,
            "decided_at": now(),
            "codes": json.dumps(list(codes)),
            "previous": previous,
        },
    )


def sharpen_definition(store: Store, code_id: str, definition: str, coder: str) -> None:
    """Change a code's definition while settling a disagreement."""
    coding.define_code(store, code_id, coder, definition=definition.strip())


def progress(items: list[Disagreement]) -> tuple[int, int]:
    """(decided, total) over a list of disagreements."""
    return sum(item.decision is not None for item in items), len(items)


def coder_pairs(store: Store) -> list[tuple[str, str]]:
    """Pairs of independent coders who coded segments in common, most shared segments first."""
    return teams.coder_pairs(store)

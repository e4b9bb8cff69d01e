"""Applying another copy's new events to this one: rows resolved, conflicts held back.

Rows of answers both copies re-segmented differently, or whose text differs between the
copies, are not applied: they become conflicts (``merge_conflicts``) to settle later.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

from workbench.review.replay import Touch, rename_conflict, resolve, touches_by_row
from workbench.store import Store, merge_events, new_id, now, team_merge
from workbench.store import events as event_rows

TABLES = ("codes", "segments", "memos", "codings")


@dataclass
class Applied:
    """What replaying did: per coder and kind ('codings added' …) counts, and conflicts."""

    by_coder: dict[str, Counter] = field(default_factory=dict)
    conflicts: list[dict] = field(default_factory=list)

    def count(self, coder: str | None, what: str, number: int = 1) -> None:
        """Add to one coder's tally."""
        self.by_coder.setdefault(coder or "someone", Counter())[what] += number


@dataclass
class _Rows:
    """This copy's and the other copy's current rows of the touched ids, per table."""

    mine: dict[str, dict[str, dict]]
    theirs: dict[str, dict[str, dict]]


def _load(store: Store, grouped: dict[tuple[str, str], list[Touch]]) -> _Rows:
    ids: dict[str, list[str]] = {table: [] for table in TABLES}
    for table, row_id in grouped:
        ids[table].append(row_id)
    mine = {table: merge_events.rows_in(store, "main", table, ids[table]) for table in TABLES}
    theirs = {table: merge_events.rows_in(store, team_merge.ALIAS, table, ids[table]) for table in TABLES}
    mapping = merge_events.answer_map(store)
    for row in [*theirs["segments"].values(), *theirs["memos"].values()]:
        if row.get("answer_id") is not None:
            row["answer_id"] = mapping.get(row["answer_id"], row["answer_id"])
    return _Rows(mine, theirs)


def _segment_answers(store: Store, rows: _Rows) -> dict[str, int]:
    """Own answer id of every segment the touched codings, memos and segments refer to."""
    wanted = {
        row["segment_id"]
        for table in ("codings", "memos")
        for side in (rows.mine, rows.theirs)
        for row in side[table].values()
        if row.get("segment_id") is not None
    }
    answers = {
        sid: row["answer_id"] for side in (rows.mine, rows.theirs) for sid, row in side["segments"].items()
    }
    missing = sorted(wanted - set(answers))
    mapping = merge_events.answer_map(store)
    for sid, row in merge_events.rows_in(store, team_merge.ALIAS, "segments", missing).items():
        answers[sid] = mapping.get(row["answer_id"], row["answer_id"])
    for sid, row in merge_events.rows_in(store, "main", "segments", missing).items():
        answers[sid] = row["answer_id"]
    return answers


def _answer_of(table: str, row_id: str, rows: _Rows, segment_answers: dict[str, int]) -> int | None:
    if table == "codes":
        return None
    if table == "segments":
        return segment_answers.get(row_id)
    row = rows.mine[table].get(row_id) or rows.theirs[table].get(row_id)
    return None if row is None or row.get("segment_id") is None else segment_answers.get(row["segment_id"])


def _their_touched(grouped: dict[tuple[str, str], list[Touch]]) -> list[tuple[str, str]]:
    return [key for key, touches in grouped.items() if any(touch.origin == "theirs" for touch in touches)]


def _segment_conflicts(store: Store, theirs_ids: list[str], segment_answers: dict[str, int]) -> set[int]:
    """Answers whose segmentation by one owner (a coder, or the shared one) both copies changed
    since they last shared a state, with other results. Two coders' own segmentations never clash."""
    mine_ids = merge_events.segment_rows_touched_by_me(store)
    answers = dict(segment_answers)
    answers.update(
        (sid, row["answer_id"])
        for sid, row in merge_events.rows_in(store, "main", "segments", mine_ids).items()
    )
    owners = merge_events.segment_owners(store, sorted(set(mine_ids) | set(theirs_ids)))
    mine = {(answers[sid], owners.get(sid)) for sid in mine_ids if sid in answers}
    both = sorted(mine & {(answers[sid], owners.get(sid)) for sid in theirs_ids if sid in answers}, key=str)
    if not both:
        return set()
    back = {own: other for other, own in merge_events.answer_map(store).items()}
    own_spans = merge_events.owner_spans_of_answers(store, "main", sorted({answer for answer, _ in both}))
    other_spans = merge_events.owner_spans_of_answers(
        store, team_merge.ALIAS, sorted({back[answer] for answer, _ in both if answer in back})
    )
    return {
        answer
        for answer, owner in both
        if own_spans.get((answer, owner), []) != other_spans.get((back.get(answer), owner), [])
    }


def held_answers(store: Store, grouped, rows: _Rows, segment_answers: dict[str, int]) -> dict[int, str]:
    """Own answer id → conflict kind, for answers whose incoming rows must wait."""
    theirs_rows = {
        _answer_of(table, row_id, rows, segment_answers) for table, row_id in _their_touched(grouped)
    }
    theirs_rows.discard(None)
    differing = merge_events.answers_with_other_text_ids(store)
    held = {answer: "answer text" for answer in theirs_rows if answer in differing}
    theirs_segments = [row_id for table, row_id in grouped if table == "segments"]
    for answer in _segment_conflicts(store, theirs_segments, segment_answers):
        held.setdefault(answer, "segmentation")
    return held


def _tally(applied: Applied, table: str, coder: str | None, mine: dict | None, wanted: dict | None) -> None:
    noun = {"codes": "code", "segments": "segment", "memos": "memo", "codings": "coding"}[table]
    if mine is None:
        applied.count(coder, f"{noun}s added" if table != "codes" else "codes created")
    elif wanted is None:
        applied.count(coder, f"{noun}s removed")
    elif table == "codes":
        for column, what in (
            ("name", "renamed"),
            ("retired", "retired"),
            ("merged_into", "merged"),
            ("parent_id", "moved"),
            ("definition", "defined"),
        ):
            if mine.get(column) != wanted.get(column):
                applied.count(coder, f"codes {what}")
    else:
        applied.count(coder, f"{noun}s changed")


def _rename_conflict(code_id: str, mine: dict, theirs: dict, other_file: str) -> dict:
    return {
        "id": new_id(),
        "kind": "rename",
        "target": code_id,
        "description": f"code renamed differently: '{mine['name']}' here, '{theirs['name']}' there",
        "mine": json.dumps({"name": mine["name"]}, ensure_ascii=False),
        "theirs": json.dumps({"name": theirs["name"]}, ensure_ascii=False),
        "other_file": other_file,
        "created_at": now(),
    }


def resolve_rows(grouped, rows: _Rows, held: set[int], segment_answers, applied: Applied, other_file: str):
    """Per table: rows to write (id → row) and ids to delete."""
    writes: dict[str, dict[str, dict]] = {table: {} for table in TABLES}
    deletes: dict[str, list[str]] = {table: [] for table in TABLES}
    for table, row_id in _their_touched(grouped):
        if _answer_of(table, row_id, rows, segment_answers) in held:
            continue
        touches = grouped[(table, row_id)]
        mine, theirs = rows.mine[table].get(row_id), rows.theirs[table].get(row_id)
        keep: frozenset = frozenset()
        if table == "codes" and rename_conflict(touches, mine, theirs):
            keep = frozenset({"name"})
            applied.conflicts.append(_rename_conflict(row_id, mine, theirs, other_file))
        wanted = resolve(touches, mine, theirs, keep)
        if wanted == mine or (wanted is None and mine is None):
            continue
        coder = next(touch.coder for touch in reversed(touches) if touch.origin == "theirs")
        _tally(applied, table, coder, mine, wanted)
        if wanted is None:
            deletes[table].append(row_id)
        else:
            writes[table][row_id] = wanted
    return writes, deletes


def _unique_codings(store: Store, wanted: dict[str, dict], doomed: list[str]) -> tuple[list[dict], list[str]]:
    """Codings to write and extra ids to delete so that one coder has one coding per code and segment.

    Two copies that made the same decision under different ids keep the smaller id.
    """
    existing = merge_events.coding_triples_of_segments(
        store, sorted({row["segment_id"] for row in wanted.values()})
    )
    owner = {triple: coding_id for triple, coding_id in existing.items() if coding_id not in doomed}
    extra: list[str] = []
    for coding_id in sorted(wanted):
        row = wanted[coding_id]
        triple = (row["segment_id"], row["code_id"], row["coder"])
        holder = owner.get(triple)
        if holder is None or holder == coding_id:
            owner[triple] = coding_id
        elif holder < coding_id:
            extra.append(coding_id)
        else:
            extra.append(holder)
            owner[triple] = coding_id
    kept = [row for coding_id, row in wanted.items() if coding_id not in extra]
    return kept, extra


def write_rows(store: Store, writes: dict[str, dict[str, dict]], deletes: dict[str, list[str]]) -> None:
    """Write the resolved rows: parents first, deletions last with children first."""
    codings, extra = _unique_codings(store, writes["codings"], deletes["codings"])
    event_rows.delete_rows(store, "codings", deletes["codings"] + extra)
    for table in ("codes", "segments", "memos"):
        _upsert(store, table, list(writes[table].values()))
    _upsert(store, "codings", codings)
    for table in ("memos", "segments", "codes"):
        event_rows.delete_rows(store, table, deletes[table])


def _upsert(store: Store, table: str, rows: list[dict]) -> None:
    for columns in dict.fromkeys(tuple(row) for row in rows):
        event_rows.upsert_rows(store, table, [row for row in rows if tuple(row) == columns])


def _home(spans: list[tuple], start: int | None, end: int | None) -> str | None:
    """The segment overlapping a vanished span most (the first one when nothing overlaps)."""
    if not spans:
        return None
    if start is None or end is None:
        return spans[0][2]
    return max(spans, key=lambda span: (min(span[1], end) - max(span[0], start), -span[0]))[2]


def repair(store: Store, paths_surviving) -> int:
    """Re-home codings and memos whose segment vanished; follow merged codes; returns codings dropped."""
    orphans = merge_events.orphaned_codings(store)
    memos = merge_events.orphaned_memos(store)
    answers = sorted({row["answer_id"] for row in orphans + memos if row["answer_id"] is not None})
    spans = merge_events.spans_of_answers(store, "main", answers)
    owned = merge_events.owner_spans_of_answers(store, "main", answers)
    doomed, moves = [], []
    for row in orphans:
        # Home in the coder's own segmentation of the answer if they have one, else the shared one.
        mine = owned.get((row["answer_id"], row["coder"])) or owned.get((row["answer_id"], None))
        home = _home(mine or spans.get(row["answer_id"], []), row["start"], row["end"])
        if home is None or not row["code_exists"]:
            doomed.append(row["id"])
        else:
            moves.append((row["id"], home, row["code_id"], row["coder"]))
    moves += [
        (row["id"], row["segment_id"], paths_surviving(row["code_id"]), row["coder"])
        for row in merge_events.codings_on_merged_codes(store)
    ]
    doomed += _move_codings(store, moves)
    event_rows.delete_rows(store, "codings", doomed)
    for row in memos:
        home = _home(spans.get(row["answer_id"], []), row["start"], row["end"])
        if home is None:
            event_rows.delete_rows(store, "memos", [row["id"]])
        else:
            merge_events.set_memo_segment(store, row["id"], home)
    return len(doomed)


def _move_codings(store: Store, moves: list[tuple]) -> list[str]:
    """Move codings (id, segment, code, coder); returns those that would duplicate another."""
    taken = merge_events.coding_triples_of_segments(store, sorted({move[1] for move in moves}))
    moving = {move[0] for move in moves}
    taken = {triple: coding_id for triple, coding_id in taken.items() if coding_id not in moving}
    duplicates = []
    for coding_id, segment_id, code_id, coder in sorted(moves):
        if (segment_id, code_id, coder) in taken:
            duplicates.append(coding_id)
            continue
        taken[(segment_id, code_id, coder)] = coding_id
        merge_events.set_coding_place(store, coding_id, segment_id, code_id)
    return duplicates


def _answer_conflict(store: Store, answer_id: int, kind: str, other_file: str) -> dict:
    back = {own: other for other, own in merge_events.answer_map(store).items()}
    mine = merge_events.answer_rows(store, "main", answer_id)
    theirs = merge_events.answer_rows(store, team_merge.ALIAS, back[answer_id])
    what = "segmented differently in both copies" if kind == "segmentation" else "has another text there"
    return {
        "id": new_id(),
        "kind": kind,
        "target": str(answer_id),
        "description": f"answer {mine['respondent_id']} / {mine['question_id']} {what}",
        "mine": json.dumps(mine, ensure_ascii=False),
        "theirs": json.dumps(theirs, ensure_ascii=False),
        "other_file": other_file,
        "created_at": now(),
    }


def replay(store: Store, other_file: str) -> Applied:
    """Apply the attached copy's new events (call inside ``atomic()`` after ``note_events``)."""
    applied = Applied()
    grouped = touches_by_row(merge_events.touches_of_their_rows(store))
    rows = _load(store, grouped)
    segment_answers = _segment_answers(store, rows)
    held = held_answers(store, grouped, rows, segment_answers)
    writes, deletes = resolve_rows(grouped, rows, set(held), segment_answers, applied, other_file)
    write_rows(store, writes, deletes)
    applied.conflicts += [
        _answer_conflict(store, answer, kind, other_file) for answer, kind in sorted(held.items())
    ]
    for conflict in applied.conflicts:
        merge_events.add_conflict(store, conflict)
    return applied

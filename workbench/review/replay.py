"""Replaying another copy's events: per row and column, the later decision wins.

Every coding-core action logs the rows it touched (inserted, updated columns, deleted). Two
copies that share an event log up to some point and then diverge are joined by looking, for
each row the other copy's new events touched, at every event of the joint log that touched
it: whether the row exists is decided by the latest insert or delete, each column by the
latest event that wrote it. Values come from the copy whose event won, so the result is the
same whichever copy is merged into which, and merging twice changes nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

RENAME_KINDS = frozenset({"code.rename"})


@dataclass(frozen=True)
class Touch:
    """One event's state of one row: None (deleted), the whole row (inserted) or changed columns."""

    event_id: str
    at: str
    kind: str
    coder: str | None
    origin: str
    state: dict | None
    inserted: bool

    @property
    def stamp(self) -> tuple[str, str]:
        """Time, then event id: a total order every copy agrees on."""
        return (self.at, self.event_id)

    @property
    def sets_existence(self) -> bool:
        """Whether this state creates or removes the row."""
        return self.state is None or self.inserted


def touches_by_row(rows: list[dict]) -> dict[tuple[str, str], list[Touch]]:
    """Group the joint log's row states by (table, row id), oldest first."""
    grouped: dict[tuple[str, str], list[Touch]] = {}
    for row in rows:
        state = None if row["state"] is None else json.loads(row["state"])
        touch = Touch(
            row["event_id"], row["at"], row["kind"], row["coder"], row["origin"], state, bool(row["inserted"])
        )
        grouped.setdefault((row["tbl"], row["row_id"]), []).append(touch)
    for touches in grouped.values():
        touches.sort(key=lambda touch: touch.stamp)
    return grouped


def last_writers(touches: list[Touch]) -> dict[str, Touch]:
    """Per column, the latest event that wrote it."""
    writers: dict[str, Touch] = {}
    for touch in touches:
        for column in touch.state or {}:
            writers[column] = touch
    return writers


def resolve(touches: list[Touch], mine: dict | None, theirs: dict | None, keep: frozenset = frozenset()):
    """The row as it should be after the merge (None: absent); ``keep`` columns stay mine."""
    existence = [touch for touch in touches if touch.sets_existence]
    last = existence[-1] if existence else None
    if last is not None and last.origin == "theirs":
        if last.state is None:
            return None
        base = dict(theirs or last.state)
    elif last is not None:
        if mine is None:
            return None
        base = dict(mine)
    else:
        base = dict(mine or theirs or {})
    if not base:
        return None
    for column, writer in last_writers(touches).items():
        source = theirs if writer.origin == "theirs" and column not in keep else mine
        if source is not None and column in source:
            base[column] = source[column]
    return base


def rename_conflict(touches: list[Touch], mine: dict | None, theirs: dict | None) -> bool:
    """The same code renamed differently in both copies since they last shared a state."""
    if mine is None or theirs is None or mine.get("name") == theirs.get("name"):
        return False
    mine_side = [touch for touch in touches if touch.origin == "mine" and "name" in (touch.state or {})]
    their_side = [touch for touch in touches if touch.origin == "theirs" and "name" in (touch.state or {})]
    if not mine_side or not their_side:
        return False
    return mine_side[-1].kind in RENAME_KINDS and their_side[-1].kind in RENAME_KINDS

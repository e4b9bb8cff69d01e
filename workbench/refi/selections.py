"""Placing a REFI-QDA source's selections onto an answer's segments.

An answer's shared segments partition it; a coder's own segments (a workbench export marks
their selections with an ``owner``) lie over them. REFI selections may overlap or leave gaps.
Shared selections that match existing segments map onto them; an answer whose segments carry
no work yet is re-segmented into the selections plus the gaps between them; an owned selection
becomes that coder's segment unless it overlaps one of theirs; anything else is discarded and
counted, never silently dropped.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass

from workbench.refi.project import PROJECT_NAMESPACE
from workbench.refi.team_marks import read_team_marks, restore_team_marks
from workbench.spans import fill_gaps
from workbench.store import Store, new_id, now, stable_id
from workbench.store import anonymisation as anonymisation_rows
from workbench.store import coders as coder_rows
from workbench.store import segments as segment_rows


def _tag(name: str) -> str:
    return f"{{{PROJECT_NAMESPACE}}}{name}"


@dataclass
class _Selection:
    start: int
    end: int
    elements: list[ET.Element]
    guid: str | None
    created_at: str | None = None
    owner: str | None = None


class SelectionPlacer:
    """Maps the selections of one TextSource onto one answer's segments."""

    def __init__(self, store: Store, answer_id: int, text: str, natural_key: tuple, *, fresh: bool):
        self.store, self.answer_id, self.text, self.natural_key = store, answer_id, text, natural_key
        self.fresh = fresh  # the answer was created by this import: take the file's segmentation
        self.discarded: Counter = Counter()

    def place(self, source: ET.Element, importer) -> int:
        """Create segments as needed, hand codings and notes to the importer; return new segments."""
        selections = self._kept_selections(source)
        if not selections:
            return 0
        shared = [selection for selection in selections if selection.owner is None]
        segment_of, created = self._segments_for(shared) if shared else ({}, 0)
        owned = [selection for selection in selections if selection.owner is not None]
        created += self._place_owned(owned, segment_of)
        for selection in selections:
            span = (selection.start, selection.end)
            segment_id = segment_of.get((*span, selection.owner) if selection.owner else span)
            if segment_id is None:
                self.discarded["selection conflicting with the project's segments"] += 1
                continue
            self._attach(segment_id, selection, importer)
        return created

    def _kept_selections(self, source: ET.Element) -> list[_Selection]:
        found: dict[tuple[int, int], _Selection] = {}
        for element in source.findall(_tag("PlainTextSelection")):
            start, end = int(element.get("startPosition", -1)), int(element.get("endPosition", -1))
            if not 0 <= start < end <= len(self.text):
                self.discarded["selection outside its text"] += 1
                continue
            owner = _owner(element)
            found.setdefault(
                (start, end, owner),
                _Selection(start, end, [], element.get("guid"), element.get("creationDateTime"), owner),
            )
            found[(start, end, owner)].elements.append(element)
        whole_source_codings = source.findall(_tag("Coding"))
        if whole_source_codings and self.text:
            whole = found.setdefault((0, len(self.text), None), _Selection(0, len(self.text), [], None))
            whole.elements.append(source)
        kept: list[_Selection] = []
        last_end: dict[str | None, int] = {}
        for selection in sorted(found.values(), key=lambda s: (s.start, s.end)):
            if selection.start < last_end.get(selection.owner, 0):
                self.discarded["overlapping selection"] += 1
                continue
            last_end[selection.owner] = selection.end
            kept.append(selection)
        return kept

    def _place_owned(self, selections: list[_Selection], segment_of: dict) -> int:
        """Give each owned selection its coder's segment: the one it names, else a new one unless
        it overlaps a segment of that coder's; return how many were created."""
        created = 0
        for selection in selections:
            owned = segment_rows.owned_segments_of_answer(self.store, self.answer_id, selection.owner)
            same = [
                row["id"] for row in owned if (row["start"], row["end"]) == (selection.start, selection.end)
            ]
            if same:
                segment_of[selection.start, selection.end, selection.owner] = same[0]
            elif not any(row["start"] < selection.end and selection.start < row["end"] for row in owned):
                segment = {
                    **self._segment(selection.start, selection.end, selection),
                    "coder": selection.owner,
                }
                coder_rows.insert_coder(self.store, selection.owner, False, now())
                segment_rows.insert_segment(self.store, {**segment, "answer_id": self.answer_id})
                segment_of[selection.start, selection.end, selection.owner] = segment["id"]
                created += 1
        return created

    def _segments_for(self, selections: list[_Selection]) -> tuple[dict[tuple[int, int], str], int]:
        existing = segment_rows.owned_segments_of_answer(self.store, self.answer_id, None)
        by_span = {(row["start"], row["end"]): row["id"] for row in existing}
        if not self.fresh and all((s.start, s.end) in by_span for s in selections):
            return by_span, 0
        if segment_rows.used_segment_ids(self.store, self.answer_id):
            return by_span, 0
        partition = self._partition(selections)
        segment_rows.replace_segments(self.store, self.answer_id, partition)
        new_ids = {row["id"] for row in partition} - set(by_span.values())
        return {(row["start"], row["end"]): row["id"] for row in partition}, len(new_ids)

    def _partition(self, selections: list[_Selection]) -> list[dict]:
        by_span = {(s.start, s.end): s for s in selections}
        return [
            self._segment(start, end, by_span.get((start, end)))
            for start, end, _ in fill_gaps(len(self.text), list(by_span))
        ]

    def _segment(self, start: int, end: int, selection: _Selection | None = None) -> dict:
        guid = selection.guid if selection else None
        if guid and not segment_rows.segment_exists(self.store, guid):
            segment_id = guid
        elif start == 0 and end == len(self.text):
            segment_id = stable_id("segment", *self.natural_key)
        else:
            segment_id = new_id()
        created_at = selection.created_at if selection else None
        return {"id": segment_id, "start": start, "end": end, "created_at": created_at}

    def _attach(self, segment_id: str, selection: _Selection, importer) -> None:
        for element in selection.elements:
            description = element.find(_tag("Description"))
            marks = read_description(description.text if description is not None else None)
            if marks.get("for_report"):
                segment_rows.set_for_report(self.store, segment_id, True)
            if marks.get("anonymisation"):
                anonymisation_rows.restore_approval(self.store, segment_id, marks["anonymisation"])
            restore_team_marks(self.store, segment_id, marks.get("team", {}), importer.code_ids)
            for coding in element.findall(_tag("Coding")):
                importer.add_coding(segment_id, coding)
            for note_ref in element.findall(_tag("NoteRef")):
                importer.add_memo(segment_id, note_ref)


def _owner(element: ET.Element) -> str | None:
    """The coder whose own segment a workbench export says this selection is, if any."""
    description = element.find(_tag("Description"))
    return read_description(description.text if description is not None else None).get("owner")


def read_description(text: str | None) -> dict:
    """The marks a workbench export put in a selection's Description (others mean nothing)."""
    text = (text or "").strip()
    if text == "for_report":
        return {"for_report": True}
    if not text.startswith("{"):
        return {}
    try:
        marks = json.loads(text)
    except ValueError:
        return {}
    if not isinstance(marks, dict):
        return {}
    approval = marks.get("anonymisation")
    valid = isinstance(approval, dict) and {"segment_hash", "approved_by"} <= set(approval)
    owner = marks.get("owner")
    return {
        "owner": owner.strip() if isinstance(owner, str) and owner.strip() else None,
        "for_report": bool(marks.get("for_report")),
        "anonymisation": approval if valid else None,
        "team": read_team_marks(marks),
    }

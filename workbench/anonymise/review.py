"""The anonymisation queue: propose spans, decide on each, edit the text, approve.

An approval belongs to the exact segment text: it stores a hash of the answer id, the
segment's offsets and its text, and is void as soon as any of them changes. Every step is
written to the anonymisation log, which no export reads.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from workbench.anonymise.detect import detect_many, own_name_spans
from workbench.anonymise.replace import apply_replacements
from workbench.errors import UserError
from workbench.store import anonymisation as sql
from workbench.store import segments as segment_rows
from workbench.store.database import Store

DECISIONS = ("accepted", "rejected", "edited")


@dataclass(frozen=True)
class QueueItem:
    """One quote in the review queue with its spans for the current text."""

    segment_id: str
    respondent_id: str
    question_id: str
    text: str
    spans: tuple[dict, ...]
    approved: bool

    @property
    def open_spans(self) -> int:
        return sum(span["decision"] == "open" for span in self.spans)


@dataclass(frozen=True)
class ProposeSummary:
    segments: int
    proposed: int
    detections: int


def segment_hash(row: dict) -> str:
    """The fingerprint an approval is bound to: answer, offsets and text of the segment."""
    raw = f"{row['answer_id']}:{row['start']}:{row['end']}:{row['text']}"
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def propose(
    store: Store,
    *,
    all_segments: bool = False,
    coder: str | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> ProposeSummary:
    """Detect spans in report quotes (or every segment) whose proposals are missing or stale."""
    rows = segment_rows.segments_with_attributes(store, for_report_only=not all_segments)
    known = sql.proposed_hashes(store)
    stale = [row for row in rows if known.get(row["id"]) != segment_hash(row)]
    found = detect_many((row["text"], row["attributes"]) for row in stale)
    total = 0
    with store.atomic():
        for done, (row, detections) in enumerate(zip(stale, found, strict=True), start=1):
            spans = [detection.__dict__ for detection in detections]
            sql.replace_proposals(store, row["id"], segment_hash(row), spans)
            sql.log(store, row["id"], "proposed", coder, {"detections": len(spans)})
            total += len(spans)
            if on_progress:
                on_progress(done, len(stale))
    return ProposeSummary(segments=len(rows), proposed=len(stale), detections=total)


def current_segment(store: Store, segment_id: str) -> dict:
    """A segment's row with its text and attributes, or a UserError naming the id."""
    row = segment_rows.segments_by_id(store, [segment_id]).get(segment_id)
    if row is None:
        raise UserError(f"No segment with id {segment_id}.")
    return row


def current_spans(store: Store, segment_id: str) -> list[dict]:
    """Proposed spans valid for the segment's current text (empty if none or stale)."""
    return sql.spans_of(store, segment_id, segment_hash(current_segment(store, segment_id)))


def decide(store: Store, span_id: str, decision: str, coder: str, replacement: str | None = None) -> None:
    """Accept, reject or edit (with a replacement text) one proposed span."""
    if decision not in DECISIONS:
        raise UserError(f"Unknown decision {decision!r}; use one of {', '.join(DECISIONS)}.")
    span = sql.span_row(store, span_id)
    if span is None:
        raise UserError(f"No proposed span with id {span_id}.")
    if decision == "edited" and replacement is None:
        raise UserError("An edited span needs its replacement text.")
    with store.atomic():
        sql.set_decision(store, span_id, decision, replacement if decision == "edited" else None, coder)
        _void_approval(store, span["segment_id"], coder)
        sql.log(
            store,
            span["segment_id"],
            decision,
            coder,
            {"span": span["text"], "kind": span["kind"], "replacement": replacement},
        )


def accept_certain(store: Store, segment_id: str, coder: str) -> int:
    """Accept every open span of a segment that the detector is certain about."""
    spans = [
        span for span in current_spans(store, segment_id) if span["decision"] == "open" and span["certain"]
    ]
    for span in spans:
        decide(store, span["id"], "accepted", coder)
    return len(spans)


def set_final_text(store: Store, segment_id: str, text: str, coder: str) -> None:
    """Replace the proposed final text with the reviewer's own wording (voids an approval)."""
    row = current_segment(store, segment_id)
    with store.atomic():
        sql.save_text(store, segment_id, segment_hash(row), text, approved_by=None)
        sql.log(store, segment_id, "edited text", coder, {"text": text})


def final_text(store: Store, segment_id: str) -> str:
    """The reviewer's edited text, or the segment text with accepted and edited spans replaced."""
    row = current_segment(store, segment_id)
    saved = sql.text_row(store, segment_id)
    if saved and saved["segment_hash"] == segment_hash(row) and saved["final_text"] is not None:
        return saved["final_text"]
    return text_with_decisions(row["text"], sql.spans_of(store, segment_id, segment_hash(row)))


def text_with_decisions(text: str, spans: list[dict], *, include_open: bool = False) -> str:
    """``text`` with accepted spans as placeholders, edited ones as their replacement.

    With ``include_open``, open spans the detector is certain about are replaced too (drafts).
    """
    replacements = []
    for span in spans:
        proposed_and_certain = span["decision"] == "open" and span["certain"]
        if span["decision"] == "accepted" or (include_open and proposed_and_certain):
            replacements.append((span["start"], span["end"], span["placeholder"]))
        elif span["decision"] == "edited":
            replacements.append((span["start"], span["end"], span["replacement"]))
    return apply_replacements(text, replacements)


def approve(store: Store, segment_id: str, coder: str, *, allow_own_name: bool = False) -> str:
    """Approve a segment's final text for export and return it.

    Refused while spans are undecided, or when the text still names the respondent unless
    ``allow_own_name`` says the reviewer has seen it and keeps it on purpose.
    """
    row = current_segment(store, segment_id)
    spans = sql.spans_of(store, segment_id, segment_hash(row))
    undecided = [span for span in spans if span["decision"] == "open"]
    if undecided:
        raise UserError(f"Segment {segment_id} has {len(undecided)} undecided span(s); decide them first.")
    text = final_text(store, segment_id)
    if not allow_own_name and own_name_spans(text, str(row["attributes"].get("name") or "")):
        raise UserError(f"Segment {segment_id}: the approved text would still name the respondent.")
    with store.atomic():
        sql.save_text(store, segment_id, segment_hash(row), text, approved_by=coder)
        sql.log(store, segment_id, "approved", coder, {"text": text, "own_name_allowed": allow_own_name})
    return text


def _void_approval(store: Store, segment_id: str, coder: str) -> None:
    saved = sql.text_row(store, segment_id)
    if saved and saved["approved_by"]:
        sql.save_text(store, segment_id, saved["segment_hash"], saved["final_text"], approved_by=None)
        sql.log(store, segment_id, "approval withdrawn", coder, None)


def is_approved(store: Store, segment_id: str) -> bool:
    """True while the segment carries an approval made for its current text."""
    saved = sql.text_row(store, segment_id)
    if not saved or not saved["approved_by"]:
        return False
    return saved["segment_hash"] == segment_hash(current_segment(store, segment_id))


def queue(store: Store, *, all_segments: bool = False) -> list[QueueItem]:
    """Report quotes (or every segment) with their current spans and approval state."""
    items = []
    for row in segment_rows.segments_with_attributes(store, for_report_only=not all_segments):
        fingerprint = segment_hash(row)
        saved = sql.text_row(store, row["id"])
        approved = bool(saved and saved["approved_by"] and saved["segment_hash"] == fingerprint)
        spans = tuple(sql.spans_of(store, row["id"], fingerprint))
        items.append(
            QueueItem(row["id"], row["respondent_id"], row["question_id"], row["text"], spans, approved)
        )
    return items

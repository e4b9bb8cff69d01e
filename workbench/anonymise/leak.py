"""The leak check every export runs: only approved (or clean) quote text leaves the project.

A quote passes when it carries an approval made for its current text, or when the detector
finds nothing in it at all (not even the respondent's own name). Anything else blocks the
export with a ``LeakError`` that lists the open detections.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.anonymise.detect import Detection, detect_many
from workbench.anonymise.review import segment_hash, text_with_decisions
from workbench.errors import LeakError, UserError
from workbench.store import anonymisation as sql
from workbench.store import segments as segment_rows
from workbench.store.database import Store


@dataclass(frozen=True)
class Quote:
    """A quote's exportable text. ``status``: 'approved', 'clean' (nothing found) or 'draft'."""

    segment_id: str
    text: str
    approved: bool
    status: str
    open_detections: tuple[Detection, ...] = ()


@dataclass(frozen=True)
class LeakProblem:
    segment_id: str
    respondent_id: str
    reason: str
    detections: tuple[Detection, ...]


@dataclass(frozen=True)
class LeakReport:
    checked: int
    problems: tuple[LeakProblem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems

    def describe(self, limit: int = 20) -> str:
        """One line per problem: segment, respondent, reason and the spans still open."""
        lines = []
        for problem in self.problems[:limit]:
            spans = ", ".join(f"{d.kind} {d.text!r}" for d in problem.detections)
            lines.append(
                f"segment {problem.segment_id} (respondent {problem.respondent_id}): "
                f"{problem.reason}{': ' + spans if spans else ''}"
            )
        if len(self.problems) > limit:
            lines.append(f"... and {len(self.problems) - limit} more")
        return "\n".join(lines)


def _stored_detections(spans: list[dict], decision: str = "open") -> tuple[Detection, ...]:
    return tuple(
        Detection(s["start"], s["end"], s["kind"], s["text"], s["placeholder"], bool(s["certain"]))
        for s in spans
        if s["decision"] == decision
    )


def _assess(store: Store, segment_ids: list[str]) -> list[tuple[dict, Quote]]:
    """Each segment's row with its quote as things stand (approved, clean or draft)."""
    rows = segment_rows.segments_by_id(store, segment_ids)
    missing = [segment_id for segment_id in segment_ids if segment_id not in rows]
    if missing:
        raise UserError(f"No segment with id {missing[0]} ({len(missing)} unknown segment id(s)).")
    ordered = [rows[segment_id] for segment_id in segment_ids]
    stored = [sql.spans_of(store, row["id"], segment_hash(row)) for row in ordered]
    proposed = sql.proposed_hashes(store)
    fresh_needed = [row for row in ordered if proposed.get(row["id"]) != segment_hash(row)]
    fresh = dict(
        zip(
            (row["id"] for row in fresh_needed),
            detect_many((row["text"], row["attributes"]) for row in fresh_needed),
            strict=True,
        )
    )
    return [
        (row, _quote(store, row, spans, fresh.get(row["id"])))
        for row, spans in zip(ordered, stored, strict=True)
    ]


def _quote(store: Store, row: dict, spans: list[dict], fresh: list[Detection] | None) -> Quote:
    saved = sql.text_row(store, row["id"])
    if saved and saved["approved_by"] and saved["segment_hash"] == segment_hash(row):
        return Quote(row["id"], saved["final_text"], True, "approved")
    if not spans and not fresh:
        return Quote(row["id"], row["text"], True, "clean")
    if fresh:
        spans = [dict(d.__dict__, decision="open", replacement=None) for d in fresh]
    draft = text_with_decisions(row["text"], spans, include_open=True)
    return Quote(row["id"], draft, False, "draft", _stored_detections(spans))


def _report(assessed: list[tuple[dict, Quote]]) -> LeakReport:
    problems = []
    for row, quote in assessed:
        if quote.approved:
            continue
        reason = "open detections" if quote.open_detections else "decided but not approved"
        problems.append(LeakProblem(row["id"], row["respondent_id"], reason, quote.open_detections))
    return LeakReport(checked=len(assessed), problems=tuple(problems))


def check_quotes(store: Store, segment_ids: list[str]) -> LeakReport:
    """Which of these quotes may not be exported yet, and why."""
    return _report(_assess(store, list(segment_ids)))


def approved_text(store: Store, segment_id: str) -> str | None:
    """The exportable text of one quote, or None while it is not cleared."""
    ((_, quote),) = _assess(store, [segment_id])
    return quote.text if quote.approved else None


def anonymised_quotes(store: Store, segment_ids: list[str], *, draft: bool = False) -> list[Quote]:
    """Exportable quotes in the order asked; raises ``LeakError`` if any is not cleared.

    With ``draft=True`` nothing is refused: uncleared quotes come back with the proposed
    replacements applied and ``approved=False``, for a draft the user will not publish.
    """
    assessed = _assess(store, list(segment_ids))
    quotes = [quote for _, quote in assessed]
    if draft:
        return quotes
    report = _report(assessed)
    if not report.ok:
        raise LeakError(
            f"{len(report.problems)} of {report.checked} quotes still hold identifying details "
            f"that are not approved (run 'workbench anonymise PROJECT --check'):\n{report.describe()}"
        )
    return quotes

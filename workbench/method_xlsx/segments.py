"""Rebuilding one answer's segments from the Data rows that quote it.

Rows with an empty "Egen inndeling for" quote the answer's shared segmentation, which covers
the text; rows naming a coder quote that coder's own segments, which lie over the shared ones.
"""

from __future__ import annotations

from pathlib import Path

from workbench.errors import UserError
from workbench.method_xlsx.columns import cell_text
from workbench.spans import fill_gaps, first_overlap
from workbench.store import Store, new_id, stable_id
from workbench.store import answers as answer_rows
from workbench.store import segments as segment_rows


def _offset(value: object) -> int | None:
    text = cell_text(value).strip()
    return int(float(text)) if text else None


class SegmentBuilder:
    """Finds or creates the answer and the segment of every Data row about it."""

    def __init__(self, store: Store, path: Path, key: tuple[str, str, int], records: list):
        self.store, self.path, self.key, self.records = store, path, key, records
        self.answer_created = 0
        self.segments_created = 0

    def _where(self, number: int) -> str:
        return f"{self.path}: sheet 'Data' row {number}"

    def build(self) -> dict[int, str]:
        """Row number -> segment id, after creating the answer and segments as needed."""
        answer_id = answer_rows.answer_id_for(self.store, *self.key)
        quotes = self._quotes()
        if answer_id is None:
            answer_text = self._rebuiltcell_text(_covering(quotes))
            answer_id = answer_rows.insert_answer(self.store, *self.key, answer_text)
            self.answer_created = 1
            fresh = True
        else:
            answer_text = answer_rows.answer_text(self.store, answer_id)
            self._locate(quotes, answer_text)
            fresh = False
        shared = [quote for quote in quotes if quote["owner"] is None]
        span_ids = self._segments(answer_id, answer_text, shared, fresh) if shared or fresh else {}
        own_ids = self._own_segments(answer_id, [quote for quote in quotes if quote["owner"]])
        return {
            number: own_ids[quote["first_row"]] if quote["owner"] else span_ids[quote["span"]]
            for quote in quotes
            for number in quote["rows"]
        }

    def _quotes(self) -> list[dict]:
        """Distinct quotes of this answer in first-seen order, with their rows."""
        quotes: dict[tuple, dict] = {}
        for number, record in self.records:
            text = cell_text(record.get("text"))
            start, end = _offset(record.get("start")), _offset(record.get("end"))
            segment_id = cell_text(record.get("segment_id")).strip() or None
            owner = cell_text(record.get("owner")).strip() or None
            key = segment_id or ((start, end, owner) if start is not None else (text, owner))
            quote = quotes.setdefault(
                key,
                {
                    "text": text,
                    "start": start,
                    "end": end,
                    "id": segment_id,
                    "owner": owner,
                    "rows": [],
                    "first_row": number,
                    "created_at": cell_text(record.get("segment_created_at")) or None,
                },
            )
            quote["rows"].append(number)
        return list(quotes.values())

    def _rebuiltcell_text(self, quotes: list[dict]) -> str:
        if all(quote["start"] is not None for quote in quotes):
            ordered = sorted(quotes, key=lambda quote: quote["start"])
            cursor = 0
            for quote in ordered:
                if quote["start"] != cursor or quote["end"] != cursor + len(quote["text"]):
                    raise UserError(
                        f"{self._where(quote['first_row'])}: the quotes of this answer do not cover "
                        "its text without gaps, so the answer cannot be rebuilt."
                    )
                quote["span"] = (quote["start"], quote["end"])
                cursor = quote["end"]
            return "".join(quote["text"] for quote in ordered)
        # Quotes without offsets: they become the answer, each followed by one space.
        cursor, pieces = 0, []
        for index, quote in enumerate(quotes):
            piece = quote["text"] + ("" if index == len(quotes) - 1 else " ")
            quote["span"] = (cursor, cursor + len(piece))
            pieces.append(piece)
            cursor += len(piece)
        return "".join(pieces)

    def _locate(self, quotes: list[dict], answer_text: str) -> None:
        for quote in quotes:
            if quote["start"] is not None:
                if answer_text[quote["start"] : quote["end"]] != quote["text"]:
                    raise UserError(
                        f"{self._where(quote['first_row'])}: the quote does not match the project's "
                        f"answer text at positions {quote['start']}–{quote['end']}."
                    )
                quote["span"] = (quote["start"], quote["end"])
                continue
            found = answer_text.find(quote["text"]) if quote["text"] else -1
            if found < 0:
                raise UserError(
                    f"{self._where(quote['first_row'])}: the quote is not part of the project's answer "
                    f"for respondent {self.key[0]}, question {self.key[1]}, wave {self.key[2]}."
                )
            quote["span"] = (found, found + len(quote["text"]))

    def _segments(self, answer_id: int, text: str, quotes: list[dict], fresh: bool) -> dict:
        spans = [quote["span"] for quote in quotes]
        overlap = first_overlap(list(set(spans)))
        if overlap:
            raise UserError(f"{self.path}: sheet 'Data' has overlapping quotes at {overlap} in one answer.")
        existing = {
            (row["start"], row["end"]): row["id"]
            for row in segment_rows.segments_of_answer(self.store, answer_id)
        }
        if not fresh and all(span in existing for span in spans):
            return existing
        if segment_rows.used_segment_ids(self.store, answer_id) and not fresh:
            first = next(q for q in quotes if q["span"] not in existing)
            raise UserError(
                f"{self._where(first['first_row'])}: the quote's span conflicts with segments of this "
                "answer that already carry codings."
            )
        by_span = {quote["span"]: quote for quote in quotes}
        partition = []
        for start, end, _ in fill_gaps(len(text), list(by_span)):
            quote = by_span.get((start, end), {})
            partition.append(
                {
                    "id": self._segment_id(start, end, len(text), quote.get("id")),
                    "start": start,
                    "end": end,
                    "created_at": quote.get("created_at"),
                }
            )
        segment_rows.replace_segments(self.store, answer_id, partition)
        self.segments_created += len({row["id"] for row in partition} - set(existing.values()))
        return {(row["start"], row["end"]): row["id"] for row in partition}

    def _own_segments(self, answer_id: int, quotes: list[dict]) -> dict[int, str]:
        """First row of each coder's own quote -> its segment: the one it names or has the span
        of, else a new one; a quote overlapping another of the same coder's is refused."""
        found = {}
        for quote in quotes:
            if quote.get("span") is None:
                self._locate([quote], answer_rows.answer_text(self.store, answer_id))
            owned = segment_rows.owned_segments_of_answer(self.store, answer_id, quote["owner"])
            same = [row["id"] for row in owned if (row["start"], row["end"]) == quote["span"]]
            start, end = quote["span"]
            if same:
                found[quote["first_row"]] = same[0]
            elif any(row["start"] < end and start < row["end"] for row in owned):
                raise UserError(
                    f"{self._where(quote['first_row'])}: the quote overlaps another quote of "
                    f"{quote['owner']}'s own segmentation of this answer."
                )
            else:
                segment_id = self._segment_id(start, end, -1, quote["id"])
                segment = {"id": segment_id, "answer_id": answer_id, "start": start, "end": end}
                segment.update(coder=quote["owner"], created_at=quote["created_at"])
                segment_rows.insert_segment(self.store, segment)
                self.segments_created += 1
                found[quote["first_row"]] = segment_id
        return found

    def _segment_id(self, start: int, end: int, length: int, file_id: str | None) -> str:
        if file_id and not segment_rows.segment_exists(self.store, file_id):
            return file_id
        if start == 0 and end == length:
            return stable_id("segment", *self.key)
        return new_id()


def _covering(quotes: list[dict]) -> list[dict]:
    """The quotes a new answer's text is rebuilt from: the shared ones, else one coder's own."""
    shared = [quote for quote in quotes if quote["owner"] is None]
    if shared:
        return shared
    first_owner = quotes[0]["owner"]
    return [quote for quote in quotes if quote["owner"] == first_owner]

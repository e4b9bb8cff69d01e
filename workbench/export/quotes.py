"""Quotes per chapter: questions in order, themes → sub-themes → codes, anonymised segments.

Quote text always comes from the anonymisation layer; a private key (quote id → respondent)
is kept apart from the shareable quote list.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from workbench.coding.codebook_tree import Codebook
from workbench.export.counts import LayerCodings
from workbench.export.tree import indent, role
from workbench.store import report_layer, survey

DEFAULT_TAG_ATTRIBUTES = ("size_group",)

QuoteSource = Callable[..., Sequence]
"""The anonymisation layer: ``(store, segment_ids, *, draft)`` → quotes in that order, each with
``segment_id``, ``text`` and ``approved``; raises ``LeakError`` when a quote is not cleared."""


@dataclass(frozen=True)
class QuoteEntry:
    """One quote as printed: a neutral id, the anonymised text and a non-identifying tag."""

    quote_id: str
    segment_id: str
    respondent_id: str
    text: str
    tag: str
    approved: bool = True
    also_coded: tuple[tuple[str, str], ...] = ()  # (name, level) of the codes it is not printed under


@dataclass(frozen=True)
class QuoteSection:
    """A theme or code heading and the quotes coded directly with it."""

    code_id: str
    name: str
    depth: int
    level: str
    quotes: tuple[QuoteEntry, ...]
    lead_in: str = ""


@dataclass(frozen=True)
class QuestionQuotes:
    """A question's quote sections in codebook order."""

    question_id: str
    question_text: str
    chapter: str | None
    sections: tuple[QuoteSection, ...]


@dataclass(frozen=True)
class KeyRow:
    """One line of the private key file."""

    quote_id: str
    question_id: str
    segment_id: str
    respondent_id: str
    respondent_name: str


def anonymised_texts(
    store, segment_ids: list[str], *, draft: bool, source: QuoteSource
) -> dict[str, tuple[str, bool]]:
    """Segment id → (quote text, approved), through the anonymisation layer ``source``.

    A ``LeakError`` passes through; in a draft, uncleared quotes come back unapproved.
    """
    quotes = source(store, segment_ids, draft=draft)
    return {quote.segment_id: (quote.text, quote.approved) for quote in quotes}


def collect_quotes(
    store,
    questions: list[dict],
    codings: LayerCodings,
    source: QuoteSource,
    *,
    all_segments: bool = False,
    draft: bool = False,
    tag_attributes: tuple[str, ...] = DEFAULT_TAG_ATTRIBUTES,
    repeat_quotes: bool = False,
) -> tuple[list[QuestionQuotes], list[KeyRow]]:
    """Quote sections of each question and the private key rows, in document order."""
    rows_by_question = {
        question["id"]: report_layer.layer_segments(
            store, question["id"], codings.wave, all_segments=all_segments, coder=codings.layer.coder
        )
        for question in questions
    }
    segment_ids = sorted({row["segment_id"] for rows in rows_by_question.values() for row in rows})
    texts = anonymised_texts(store, segment_ids, draft=draft, source=source) if segment_ids else {}
    attributes = survey.attributes_by_respondent(store)
    keys: list[KeyRow] = []
    result = []
    for question in questions:
        builder = _QuestionBuilder(question, codings.tree, texts, attributes, tag_attributes)
        result.append(builder.build(rows_by_question[question["id"]], repeat_quotes))
        keys.extend(builder.keys)
    return result, keys


class _QuestionBuilder:
    """Turns one question's coded segment rows into sections and numbered quotes."""

    def __init__(self, question, codebook: Codebook, texts, attributes, tag_attributes):
        self.question = question
        self.codebook = codebook
        self.rank = {code.id: index for index, code in enumerate(codebook.live())}
        self.texts = texts
        self.attributes = attributes
        self.tag_attributes = tag_attributes
        self.entries: dict[str, QuoteEntry] = {}
        self.keys: list[KeyRow] = []

    def build(self, rows: list[dict], repeat_quotes: bool) -> QuestionQuotes:
        """Each quote under its first code in codebook order (or under each, when repeated);
        quotes are numbered in the order the document prints them."""
        codes_of: dict[str, list[str]] = {}
        row_of: dict[str, dict] = {}
        for row in rows:
            live_id = self.codebook.resolve(row["code_id"])
            if live_id is not None and row["segment_id"] in self.texts:
                codes_of.setdefault(row["segment_id"], []).append(live_id)
                row_of.setdefault(row["segment_id"], row)
        placed: dict[str, list[tuple[str, tuple]]] = {}
        for segment_id, code_ids in codes_of.items():
            ordered = sorted(set(code_ids), key=self.rank.__getitem__)
            also = () if repeat_quotes else tuple(self._name_level(code) for code in ordered[1:])
            for code_id in ordered if repeat_quotes else ordered[:1]:
                placed.setdefault(code_id, []).append((segment_id, also))
        shown = {node for code in placed for node in self.codebook.lineage(code)}
        sections = [
            self._section(
                node_id, [self._entry(row_of[segment], also) for segment, also in placed.get(node_id, [])]
            )
            for node_id in self.rank
            if node_id in shown
        ]
        return QuestionQuotes(
            self.question["id"], self.question["text"], self.question["chapter"], tuple(sections)
        )

    def _name_level(self, code_id: str) -> tuple[str, str]:
        return self.codebook.code(code_id).name, role(self.codebook, code_id)

    def _section(self, code_id: str, quotes: list[QuoteEntry]) -> QuoteSection:
        code, level = self.codebook.code(code_id), role(self.codebook, code_id)
        return QuoteSection(
            code.id, code.name, indent(self.codebook, code_id), level, tuple(quotes), code.lead_in
        )

    def _entry(self, row: dict, also: tuple) -> QuoteEntry:
        segment_id = row["segment_id"]
        if segment_id in self.entries:
            return self.entries[segment_id]
        quote_id = f"{self.question['id']}-{len(self.entries) + 1:03d}"
        respondent = self.attributes.get(row["respondent_id"], {})
        tag = ", ".join(str(respondent[name]) for name in self.tag_attributes if respondent.get(name))
        text, approved = self.texts[segment_id]
        entry = QuoteEntry(quote_id, segment_id, row["respondent_id"], text, tag, approved, also)
        self.entries[segment_id] = entry
        self.keys.append(
            KeyRow(
                quote_id,
                self.question["id"],
                segment_id,
                row["respondent_id"],
                str(respondent.get("name", "")),
            )
        )
        return entry

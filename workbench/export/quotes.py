"""Quotes per chapter: questions in order, themes → sub-themes → codes, anonymised segments.

Quote text always comes from the anonymisation layer; a private key (quote id → respondent)
is kept apart from the shareable quote list.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.export.counts import LayerCodings
from workbench.store import reporting, survey

DEFAULT_TAG_ATTRIBUTES = ("size_group",)


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

    @property
    def quote_count(self) -> int:
        """Distinct quotes of the question (a multi-coded quote counts once)."""
        return len({quote.quote_id for section in self.sections for quote in section.quotes})


@dataclass(frozen=True)
class KeyRow:
    """One line of the private key file."""

    quote_id: str
    question_id: str
    segment_id: str
    respondent_id: str
    respondent_name: str


def anonymised_texts(store, segment_ids: list[str], *, draft: bool) -> dict[str, tuple[str, bool]]:
    """Segment id → (quote text, approved), through the anonymisation layer.

    A ``LeakError`` passes through; in a draft, uncleared quotes come back unapproved.
    """
    from workbench.anonymise.leak import anonymised_quotes

    quotes = anonymised_quotes(store, segment_ids, draft=draft)
    return {quote.segment_id: (quote.text, getattr(quote, "approved", not draft)) for quote in quotes}


def collect_quotes(
    store,
    questions: list[dict],
    codings: LayerCodings,
    *,
    all_segments: bool = False,
    draft: bool = False,
    tag_attributes: tuple[str, ...] = DEFAULT_TAG_ATTRIBUTES,
    repeat_quotes: bool = False,
) -> tuple[list[QuestionQuotes], list[KeyRow]]:
    """Quote sections of each question and the private key rows, in document order."""
    rows_by_question = {
        question["id"]: reporting.layer_segments(
            store, question["id"], codings.wave, all_segments=all_segments, coder=codings.layer.coder
        )
        for question in questions
    }
    segment_ids = sorted({row["segment_id"] for rows in rows_by_question.values() for row in rows})
    texts = anonymised_texts(store, segment_ids, draft=draft) if segment_ids else {}
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

    def __init__(self, question, tree, texts, attributes, tag_attributes):
        self.question = question
        self.tree = tree
        self.rank = {node_id: index for index, node_id in enumerate(tree.order)}
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
            live_id = self.tree.resolve(row["code_id"])
            if live_id is not None and row["segment_id"] in self.texts:
                codes_of.setdefault(row["segment_id"], []).append(live_id)
                row_of.setdefault(row["segment_id"], row)
        placed: dict[str, list[tuple[str, tuple]]] = {}
        for segment_id, code_ids in codes_of.items():
            ordered = sorted(set(code_ids), key=self.rank.__getitem__)
            also = () if repeat_quotes else tuple(self._name_level(code) for code in ordered[1:])
            for code_id in ordered if repeat_quotes else ordered[:1]:
                placed.setdefault(code_id, []).append((segment_id, also))
        shown = {node for code in placed for node in self.tree.lineage(code)}
        sections = [
            self._section(
                node_id, [self._entry(row_of[segment], also) for segment, also in placed.get(node_id, [])]
            )
            for node_id in self.tree.order
            if node_id in shown
        ]
        return QuestionQuotes(
            self.question["id"], self.question["text"], self.question["chapter"], tuple(sections)
        )

    def _name_level(self, code_id: str) -> tuple[str, str]:
        node = self.tree.nodes[code_id]
        return node.name, node.level

    def _section(self, node_id: str, quotes: list[QuoteEntry]) -> QuoteSection:
        node = self.tree.nodes[node_id]
        return QuoteSection(node.id, node.name, node.depth, node.level, tuple(quotes), node.lead_in)

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

"""Closed answer options from open answers, and the later check "er listen treffende?".

A code covering at least ``min_share`` of the respondents who answered becomes an option.
Thinner codes are merged up to their theme: together (each respondent once) they become one
option named after the theme when they reach the share; what stays thin is left to the
"Annet, hva?" line. Shares come from the report layer, as in ``export counts``; example
answers come only through the anonymisation layer's leak check.

The check takes a later wave in which the question was closed with these options and an
"Annet" write-in (mapped to the same project question): how many respondents still needed
"Annet", and which categories their coded write-ins form, in the list or new.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from workbench.anonymise.leak import anonymised_quotes, check_quotes
from workbench.coding.codebook_tree import Codebook
from workbench.errors import UserError
from workbench.export.counts import UNCODED, LayerCodings, count_question, layer_codings
from workbench.export.layer import resolve_layer
from workbench.export.tree import CODE, role
from workbench.store import answers as answer_rows
from workbench.store import report_layer, survey, waves

DEFAULT_MIN_SHARE = 5.0
EXAMPLES = 2
MIN_EXAMPLE_LENGTH = 40
OTHER_OPTION = "Annet, hva?"


@dataclass(frozen=True)
class AnswerOption:
    """One proposed closed option: its label, share of respondents and the codes behind it."""

    label: str
    count: int
    share: float  # percent of the respondents who answered
    code_ids: tuple[str, ...]
    merged: bool  # thin codes merged up to their theme
    examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class OptionList:
    question_id: str
    question_text: str
    wave: int
    answered: int
    min_share: float
    options: tuple[AnswerOption, ...]
    other_count: int  # respondents whose every code stayed thin (they would tick "Annet")

    @property
    def other_share(self) -> float:
        return 100.0 * self.other_count / self.answered if self.answered else 0.0


def propose_options(
    store, question: dict, wave: int, min_share: float = DEFAULT_MIN_SHARE, coder: str | None = None
) -> OptionList:
    """The option list for one question and wave, in codebook order."""
    codings = layer_codings(store, wave, coder, question["id"])
    answered = len(codings.answered.get(question["id"], ()))
    respondents = _respondents_by_category(codings, question["id"])
    options = _options(codings.tree, respondents, answered, min_share)
    covered = _respondents_of(respondents, [code for option in options for code in option.code_ids])
    coded = _respondents_of(respondents, list(respondents))
    return OptionList(
        question["id"],
        question["text"],
        wave,
        answered,
        min_share,
        tuple(options),
        len(coded - covered),
    )


def _respondents_by_category(codings: LayerCodings, question_id: str) -> dict[str, set[str]]:
    """Category id → the respondents whose report-layer codes fall in it."""
    respondents: dict[str, set[str]] = {}
    for respondent_id, node_id in codings.categories(question_id):
        respondents.setdefault(node_id, set()).add(respondent_id)
    return respondents


def _options(tree: Codebook, respondents: dict, answered: int, min_share: float) -> list[AnswerOption]:
    """Every code reaching ``min_share``; under each theme, its thin codes as one option if together
    they reach it."""
    options: list[AnswerOption] = []
    for parent, codes in _codes_by_parent(tree, respondents):
        singles = [_option(tree.code(code).name, [code], respondents, answered, False) for code in codes]
        options += [option for option in singles if option.share >= min_share]
        thin = [option.code_ids[0] for option in singles if option.share < min_share]
        if parent is not None and thin:
            merged = _option(tree.code(parent).name, thin, respondents, answered, True)
            if merged.share >= min_share:
                options.append(merged)
    return options


def _codes_by_parent(tree: Codebook, respondents: dict) -> list[tuple[str | None, list[str]]]:
    """Code-level nodes with respondents, grouped under their parent, in codebook order."""
    groups: dict[str | None, list[str]] = {}
    for code in tree.live():
        if role(tree, code.id) == CODE and code.id in respondents:
            lineage = tree.lineage(code.id)
            groups.setdefault(lineage[1] if len(lineage) > 1 else None, []).append(code.id)
    return list(groups.items())


def _respondents_of(respondents: dict, codes: list[str]) -> set:
    """The respondents carrying any of ``codes``, each once."""
    return set().union(*(respondents[code] for code in codes))


def _option(label: str, codes: list[str], respondents: dict, answered: int, merged: bool) -> AnswerOption:
    units = _respondents_of(respondents, codes)
    percent = 100.0 * len(units) / answered if answered else 0.0
    return AnswerOption(label, len(units), percent, tuple(codes), merged)


@dataclass(frozen=True)
class WriteInCategory:
    code_id: str
    name: str
    count: int
    in_list: bool


@dataclass(frozen=True)
class ListCheck:
    """The later wave's "Annet" write-ins measured against the list."""

    wave: int
    base: int  # respondents who answered the closed question (or were in the wave)
    needed_other: int  # respondents who wrote in "Annet"
    uncoded: int
    categories: tuple[WriteInCategory, ...]

    @property
    def other_share(self) -> float:
        return 100.0 * self.needed_other / self.base if self.base else 0.0


def check_list(
    store, options: OptionList, wave: int, base: int | None = None, coder: str | None = None
) -> ListCheck:
    """How many still needed "Annet" in ``wave``, and which categories their write-ins form."""
    question = {"id": options.question_id, "text": options.question_text, "chapter": None, "single_code": 0}
    counts = count_question(layer_codings(store, wave, coder, options.question_id), question)
    listed = {code for option in options.options for code in option.code_ids}
    categories = tuple(
        WriteInCategory(row.code_id, row.name, int(row.count), row.code_id in listed)
        for row in counts.rows
        if row.level == CODE
    )
    uncoded = sum(int(row.count) for row in counts.rows if row.level == UNCODED)
    units = answer_rows.reporting_units(store, wave) if base is None else base
    return ListCheck(wave, units, counts.answered, uncoded, tuple(sorted(categories, key=lambda c: -c.count)))


def with_examples(store, options: OptionList, coder: str | None = None, draft: bool = False) -> OptionList:
    """Each option with up to two example answers, anonymised and cleared by the leak check.

    Quotes the leak check would refuse are skipped (in a draft they are kept); short answers
    of at least ``MIN_EXAMPLE_LENGTH`` characters are preferred; repeated texts are shown
    once, and an answer serves one option only.
    """
    candidates = _candidates(store, options, coder)
    texts = _cleared_texts(store, sorted({s for found in candidates.values() for s in found}), draft)
    used_segments: set[str] = set()
    chosen = []
    for option in options.options:
        picks: dict[str, str] = {}
        for segment in candidates[option.label]:
            key = " ".join(texts.get(segment, "").casefold().strip(" .!").split())
            if (
                segment in texts
                and segment not in used_segments
                and key not in picks
                and len(picks) < EXAMPLES
            ):
                picks[key] = segment
        used_segments.update(picks.values())
        chosen.append(replace(option, examples=tuple(texts[segment] for segment in picks.values())))
    return replace(options, options=tuple(chosen))


def _candidates(store, options: OptionList, coder: str | None) -> dict[str, list[str]]:
    """Per option, the segments worth checking: the shortest long-enough ones first."""
    tree = Codebook.from_store(store)
    rows = report_layer.layer_segments(
        store, options.question_id, options.wave, all_segments=True, coder=resolve_layer(store, coder).coder
    )
    segments_of: dict[str, list[str]] = {}
    for row in rows:
        segments_of.setdefault(tree.resolve(row["code_id"]) or "", []).append(row["segment_id"])
    lengths = waves.segment_lengths(store, [row["segment_id"] for row in rows])

    def order(segment: str) -> tuple:
        return lengths[segment] < MIN_EXAMPLE_LENGTH, lengths[segment], segment

    return {
        option.label: sorted({s for code in option.code_ids for s in segments_of.get(code, [])}, key=order)[
            : 6 * EXAMPLES
        ]
        for option in options.options
    }


def _cleared_texts(store, segment_ids: list[str], draft: bool) -> dict[str, str]:
    """Anonymised texts of the segments the leak check clears (all of them in a draft)."""
    refused = (
        set() if draft else {problem.segment_id for problem in check_quotes(store, segment_ids).problems}
    )
    cleared = [segment for segment in segment_ids if segment not in refused]
    if not cleared:
        return {}
    return {quote.segment_id: quote.text for quote in anonymised_quotes(store, cleared, draft=draft)}


def closed_question_base(store, wave: int, column: str) -> int:
    """Respondents of ``wave`` with a non-empty value in the closed question's column."""
    attributes = survey.attributes_by_respondent(store)
    present = waves.respondents_in_wave(store, wave)
    if not any(column in attributes.get(respondent, {}) for respondent in present):
        raise UserError(f"{store.path}: no respondent of wave {wave} has a column '{column}'.")
    return sum(1 for respondent in present if str(attributes.get(respondent, {}).get(column) or "").strip())

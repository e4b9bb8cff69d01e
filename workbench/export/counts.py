"""Counted categories per question: respondents per code, sub-theme and main theme.

A respondent counts once per category however many of its segments carry the category's
codes; percentages are of the respondents who answered the question (the printed base).
Counts come from one report layer (``export.layer``), never from the sum of coders. The
layer's codings of a wave are read in one query and split per question, so counting many
questions costs one pass over the data.
"""

from __future__ import annotations

from collections import Counter, namedtuple
from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from workbench.coding.codebook_tree import Codebook
from workbench.errors import UserError
from workbench.export.labels import report_percent
from workbench.export.layer import ReportLayer, resolve_layer
from workbench.export.tree import CODE, indent, role
from workbench.municipalities import SIZE_GROUPS
from workbench.store import answers as answer_rows
from workbench.store import report_layer, survey

UNCODED_ID = ""
UNCODED = "uncoded"
TABLE_COLUMNS = ["code_id", "name", "level", "depth", "count", "percent", "percent_rounded"]
CategoryRow = namedtuple("CategoryRow", TABLE_COLUMNS)


@dataclass(frozen=True)
class QuestionCounts:
    """One question's counted table: ``rows`` (and the same as a DataFrame, ``table``) hold one
    row per category in codebook order. Rows come first because pandas costs about a
    millisecond per table to build and read, which for thousands of questions was most of an
    export's time; the DataFrame is built only when asked for."""

    question_id: str
    question_text: str
    chapter: str | None
    single_code: bool
    wave: int
    answered: int
    units: int
    rows: tuple[CategoryRow, ...]
    layer_coder: str | None = None

    @property
    def response_rate(self) -> float:
        """Share of reporting units that answered, in percent (unrounded)."""
        return 100.0 * self.answered / self.units if self.units else 0.0

    @cached_property
    def table(self) -> pd.DataFrame:
        """The rows as a DataFrame with the columns of ``TABLE_COLUMNS``."""
        return pd.DataFrame(list(self.rows), columns=TABLE_COLUMNS)

    @property
    def coded(self) -> bool:
        """Whether any answer of the question carries a code of the report layer."""
        return any(row.level != UNCODED for row in self.rows)

    def as_json(self) -> dict:
        """The stable ``export counts --json`` shape."""
        return {
            "question": self.question_id,
            "wave": self.wave,
            "coder": self.layer_coder,
            "single_code": self.single_code,
            "answered": self.answered,
            "units": self.units,
            "categories": [
                {
                    "name": None if row.level == UNCODED else row.name,
                    "level": row.level,
                    "count": int(row.count),
                    "percent": round(float(row.percent), 4),
                }
                for row in self.rows
            ],
        }


def resolve_wave(store, wave: int | None) -> int:
    """The wave to report: the one asked for, else the newest."""
    newest = survey.latest_wave(store)
    if newest is None:
        raise UserError(f"{store.path}: the project has no answers to export.")
    return newest if wave is None else wave


class LayerCodings:
    """The report layer's codings and the answering respondents of one wave, read once."""

    def __init__(self, store, wave: int, layer: ReportLayer, tree: Codebook, question_id=None):
        self.wave = wave
        self.layer = layer
        self.tree = tree
        self.answered = report_layer.answered_by_question(store, wave)
        self.units = answer_rows.reporting_units(store, wave)
        self._categories: dict[str, set[tuple[str, str]]] = {}
        lineages: dict[str, list[str]] = {}
        for question_id_, respondent_id, code_id in report_layer.layer_code_pairs(
            store, wave, layer.coder, question_id
        ):
            if code_id not in lineages:
                live_id = tree.resolve(code_id)
                lineages[code_id] = tree.lineage(live_id) if live_id is not None else []
            bucket = self._categories.setdefault(question_id_, set())
            bucket.update((respondent_id, node_id) for node_id in lineages[code_id])

    def categories(self, question_id: str) -> set[tuple[str, str]]:
        """Distinct (respondent id, category id) pairs of a question, every level included."""
        return self._categories.get(question_id, set())


def count_question(codings: LayerCodings, question: dict) -> QuestionCounts:
    """The counted table of one question (a row from ``survey.question_rows``)."""
    answered = len(codings.answered.get(question["id"], ()))
    return QuestionCounts(
        question_id=question["id"],
        question_text=question["text"],
        chapter=question["chapter"],
        single_code=bool(question["single_code"]),
        wave=codings.wave,
        answered=answered,
        units=codings.units,
        rows=_with_percents(_category_rows(codings, question["id"], answered), answered),
        layer_coder=codings.layer.coder,
    )


def _category_rows(codings: LayerCodings, question_id: str, answered: int) -> list[tuple]:
    """(code id, name, level, depth, count) per category in codebook order, uncoded last."""
    tree = codings.tree
    categories = codings.categories(question_id)
    counts = Counter(node_id for _, node_id in categories)
    rows = [
        (code.id, code.name, role(tree, code.id), indent(tree, code.id), counts[code.id])
        for code in tree.live()
        if code.id in counts
    ]
    uncoded = answered - len({respondent_id for respondent_id, _ in categories})
    if uncoded > 0:
        rows.append((UNCODED_ID, "", UNCODED, 0, uncoded))
    return rows


def _with_percents(rows: list[tuple], answered: int) -> tuple[CategoryRow, ...]:
    """The rows with their exact and their printed (rounded once per table) percentages."""
    rounded = report_rounding([row[4] for row in rows], [row[2] for row in rows], answered)
    return tuple(
        CategoryRow(*row, 100.0 * row[4] / answered if answered else 0.0, percent)
        for row, percent in zip(rows, rounded, strict=True)
    )


def report_rounding(counts: list[int], levels: list[str], answered: int) -> list[int]:
    """Whole percentages rounded once per table: one percentage per distinct count, so equal
    counts always print alike; when the code rows partition the base (a single-code
    question), the percentages are chosen so that they sum to 100."""
    if not answered:
        return [0] * len(counts)
    partition = [count for count, level in zip(counts, levels, strict=True) if level in (CODE, UNCODED)]
    chosen = _partition_percents(partition, answered) if sum(partition) == answered else {}
    return [chosen.get(count, report_percent(100.0 * count / answered)) for count in counts]


def _partition_percents(counts: list[int], answered: int) -> dict[int, int]:
    """Largest remainders (exact, in integers) given to whole groups of equal counts, larger
    groups first on a tie. Where no group fits the shortfall (three thirds), equal counts
    keep equal percentages and the sum stays 99."""
    sizes = Counter(counts)
    chosen = {count: 100 * count // answered for count in sizes}
    shortfall = 100 - sum(chosen[count] * size for count, size in sizes.items())
    for count in sorted(sizes, key=lambda count: (-(100 * count % answered), -sizes[count], -count)):
        if 100 * count % answered and sizes[count] <= shortfall:
            chosen[count] += 1
            shortfall -= sizes[count]
    return chosen


def cross_table(store, counts: QuestionCounts, by: str, codings: LayerCodings) -> pd.DataFrame:
    """Counts and row % of each category within each group of respondents (county, size group).

    Long format: group, answered (in the group), code_id, name, level, count, row_percent.
    """
    attributes = survey.attributes_by_respondent(store)
    answered = codings.answered.get(counts.question_id, [])
    group_of = {rid: str(attributes.get(rid, {}).get(by) or "") for rid in answered}
    group_sizes = Counter(group_of.values())
    tally = Counter(
        (group_of.get(rid, ""), node_id) for rid, node_id in codings.categories(counts.question_id)
    )
    rows = []
    for group in _ordered_groups(group_sizes, by):
        for category in counts.rows:
            if category.code_id == UNCODED_ID:
                continue
            count = tally.get((group, category.code_id), 0)
            size = group_sizes[group]
            rows.append(
                (group, size, category.code_id, category.name, category.level, count, 100.0 * count / size)
            )
    return pd.DataFrame(
        rows, columns=["group", "answered", "code_id", "name", "level", "count", "row_percent"]
    )


def _ordered_groups(groups, by: str) -> list[str]:
    """Size groups in their natural order, other attributes alphabetically; blanks last."""
    order = {label: index for index, label in enumerate(SIZE_GROUPS)} if by == "size_group" else {}
    return sorted(groups, key=lambda group: (group == "", order.get(group, len(order)), group))


def layer_codings(
    store, wave: int | None = None, coder: str | None = None, question_id: str | None = None
) -> LayerCodings:
    """The report layer's codings of a wave (the newest unless given), resolved once."""
    return LayerCodings(
        store, resolve_wave(store, wave), resolve_layer(store, coder), Codebook.from_store(store), question_id
    )


def count_questions(
    store, questions: list[dict], wave: int | None = None, coder: str | None = None
) -> list[QuestionCounts]:
    """Counted tables for several questions from one read of the report layer."""
    only = questions[0]["id"] if len(questions) == 1 else None
    codings = layer_codings(store, wave, coder, only)
    return [count_question(codings, question) for question in questions]

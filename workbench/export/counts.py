"""Counted categories per question: respondents per code, sub-theme and main theme.

A respondent counts once per category however many of its segments carry the category's
codes; percentages are of the respondents who answered the question (the printed base).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from workbench.coding.codebook_tree import Codebook
from workbench.errors import UserError
from workbench.export.tree import CODE, indent, role
from workbench.municipalities import SIZE_GROUPS
from workbench.store import answers as answer_rows
from workbench.store import report_layer, survey

UNCODED_ID = ""
UNCODED = "uncoded"
TABLE_COLUMNS = ["code_id", "name", "level", "depth", "count", "percent", "percent_rounded"]


@dataclass(frozen=True)
class QuestionCounts:
    """One question's counted table; ``table`` has one row per category in codebook order."""

    question_id: str
    question_text: str
    chapter: str | None
    single_code: bool
    wave: int
    answered: int
    units: int
    table: pd.DataFrame

    @property
    def response_rate(self) -> float:
        """Share of reporting units that answered, in percent (unrounded)."""
        return 100.0 * self.answered / self.units if self.units else 0.0

    def as_json(self) -> dict:
        """The stable ``export counts --json`` shape."""
        return {
            "question": self.question_id,
            "wave": self.wave,
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
                for row in self.table.itertuples(index=False)
            ],
        }


def resolve_wave(store, wave: int | None) -> int:
    """The wave to report: the one asked for, else the newest."""
    newest = survey.latest_wave(store)
    if newest is None:
        raise UserError(f"{store.path}: the project has no answers to export.")
    return newest if wave is None else wave


def respondent_categories(
    store, question_id: str, wave: int, codebook: Codebook, coder: str | None = None
) -> pd.DataFrame:
    """Distinct (respondent_id, code_id) pairs with every category a coding counts for."""
    pairs = report_layer.respondent_code_pairs(store, question_id, wave, coder)
    records = {
        (pair["respondent_id"], node_id)
        for pair in pairs
        if (live_id := codebook.resolve(pair["code_id"])) is not None
        for node_id in codebook.lineage(live_id)
    }
    return pd.DataFrame(sorted(records), columns=["respondent_id", "code_id"])


def count_question(
    store, question: dict, wave: int, codebook: Codebook, coder: str | None = None
) -> QuestionCounts:
    """The counted table of one question (a row from ``reporting.export_questions``)."""
    answered = len(answer_rows.answered_respondents(store, question["id"], wave))
    categories = respondent_categories(store, question["id"], wave, codebook, coder)
    counts = categories.groupby("code_id")["respondent_id"].nunique()
    rows = [
        (
            code.id,
            code.name,
            role(codebook, code.id),
            indent(codebook, code.id),
            int(counts[code.id]),
        )
        for code in codebook.live()
        if code.id in counts.index
    ]
    uncoded = answered - categories["respondent_id"].nunique()
    if uncoded > 0:
        rows.append((UNCODED_ID, "", UNCODED, 0, uncoded))
    table = pd.DataFrame(rows, columns=TABLE_COLUMNS[:5])
    table["percent"] = 100.0 * table["count"] / answered if answered else 0.0
    table["percent_rounded"] = _report_rounding(table, answered)
    return QuestionCounts(
        question_id=question["id"],
        question_text=question["text"],
        chapter=question["chapter"],
        single_code=bool(question["single_code"]),
        wave=wave,
        answered=answered,
        units=answer_rows.reporting_units(store, wave),
        table=table,
    )


def _report_rounding(table: pd.DataFrame, answered: int) -> pd.Series:
    """Whole-number percentages; a group of rows that partitions the base sums to exactly 100."""
    rounded = table["percent"].map(lambda value: int(math.floor(value + 0.5)))
    if not answered:
        return rounded
    for mask in (table["level"].isin([CODE, UNCODED]), table["depth"] == 0):
        if mask.any() and table.loc[mask, "count"].sum() == answered:
            rounded[mask] = _largest_remainder(table.loc[mask, "percent"])
    return rounded


def _largest_remainder(percents: pd.Series) -> pd.Series:
    """Round so the whole numbers sum to 100, giving leftovers to the largest remainders."""
    floors = percents.map(math.floor)
    shortfall = 100 - int(floors.sum())
    remainders = (percents - floors).sort_values(ascending=False, kind="stable")
    for index in remainders.index[:shortfall]:
        floors[index] += 1
    return floors.astype(int)


def cross_table(
    store, counts: QuestionCounts, by: str, codebook: Codebook, coder: str | None = None
) -> pd.DataFrame:
    """Counts and row % of each category within each group of respondents (county, size group).

    Long format: group, answered (in the group), code_id, name, level, count, row_percent.
    """
    attributes = survey.attributes_by_respondent(store)
    answered = answer_rows.answered_respondents(store, counts.question_id, counts.wave)
    group_of = {rid: str(attributes.get(rid, {}).get(by) or "") for rid in answered}
    group_sizes = pd.Series(group_of).value_counts()
    categories = respondent_categories(store, counts.question_id, counts.wave, codebook, coder)
    categories["group"] = categories["respondent_id"].map(group_of)
    tally = categories.groupby(["group", "code_id"])["respondent_id"].nunique()
    rows = []
    for group in _ordered_groups(group_sizes.index, by):
        for category in counts.table.itertuples(index=False):
            if category.code_id == UNCODED_ID:
                continue
            count = int(tally.get((group, category.code_id), 0))
            size = int(group_sizes[group])
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


def count_questions(
    store, questions: list[dict], wave: int | None = None, coder: str | None = None
) -> list[QuestionCounts]:
    """Counted tables for several questions, sharing one codebook read."""
    codebook = Codebook.from_store(store)
    wave = resolve_wave(store, wave)
    return [count_question(store, question, wave, codebook, coder) for question in questions]

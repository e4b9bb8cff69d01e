"""CSV files of counts, cross-tables, quotes and the private key (UTF-8 with BOM, ';')."""

from __future__ import annotations

import csv
import io

import pandas as pd

from workbench.cells import csv_row
from workbench.export.counts import UNCODED, QuestionCounts
from workbench.export.quotes import KeyRow, QuestionQuotes

DELIMITER = ";"


def _to_csv(header: list[str], rows) -> str:
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=DELIMITER, lineterminator="\n")
    writer.writerow(csv_row(header))
    writer.writerows(csv_row(row) for row in rows)
    return buffer.getvalue()


def category_name(name: str | None, level: str, words: dict) -> str:
    """The printed name of a category row (the uncoded row has no code name)."""
    return words["uncoded"] if level == UNCODED else name


COUNTS_HEADER = [
    "question_id",
    "wave",
    "single_code",
    "answered",
    "units",
    "response_rate",
    "code_id",
    "category",
    "level",
    "depth",
    "count",
    "percent",
    "percent_rounded",
]


def counts_csv(all_counts: list[QuestionCounts], words: dict) -> str:
    """One row per question × category plus a total row; percentages unrounded."""
    return _to_csv(COUNTS_HEADER, [row for counts in all_counts for row in _count_rows(counts, words)])


def _count_rows(counts: QuestionCounts, words: dict) -> list[list]:
    """One question's category rows and its total row, each led by the question's figures."""
    lead = [counts.question_id, counts.wave, int(counts.single_code), counts.answered]
    lead += [counts.units, counts.response_rate]
    rows = [
        lead
        + [
            row.code_id,
            category_name(row.name, row.level, words),
            row.level,
            row.depth,
            row.count,
            row.percent,
            row.percent_rounded,
        ]
        for row in counts.rows
    ]
    answered = bool(counts.answered)
    total = [
        "",
        words["total"],
        "total",
        0,
        counts.answered,
        100.0 if answered else 0.0,
        100 if answered else 0,
    ]
    return rows + [lead + total]


def cross_csv(tables: list[tuple[QuestionCounts, str, pd.DataFrame]]) -> str:
    """Cross-tables in long form: question, grouping attribute, group, category, count, row %."""
    header = [
        "question_id",
        "by",
        "group",
        "answered",
        "code_id",
        "category",
        "level",
        "count",
        "row_percent",
    ]
    rows = [
        [
            counts.question_id,
            by,
            row.group,
            row.answered,
            row.code_id,
            row.name,
            row.level,
            row.count,
            row.row_percent,
        ]
        for counts, by, table in tables
        for row in table.itertuples(index=False)
    ]
    return _to_csv(header, rows)


def quotes_csv(questions: list[QuestionQuotes]) -> str:
    """One row per quote × code (also the codes a quote is not printed under), with the
    neutral tag (no respondent ids)."""
    header = ["quote_id", "question_id", "heading", "level", "text", "tag", "anonymised"]
    rows = [
        [quote.quote_id, question.question_id, name, level, quote.text, quote.tag, int(quote.approved)]
        for question in questions
        for section in question.sections
        for quote in section.quotes
        for name, level in ((section.name, section.level), *quote.also_coded)
    ]
    return _to_csv(header, rows)


def key_csv(keys: list[KeyRow]) -> str:
    """The private key file: which respondent each quote id came from."""
    header = ["quote_id", "question_id", "segment_id", "respondent_id", "respondent_name"]
    rows = [
        [key.quote_id, key.question_id, key.segment_id, key.respondent_id, key.respondent_name]
        for key in keys
    ]
    return _to_csv(header, rows)

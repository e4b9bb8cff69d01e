"""The content of a report export, grouped by chapter, before any file format is chosen."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from workbench.export.counts import UNCODED, QuestionCounts
from workbench.export.labels import report_percent
from workbench.export.quotes import QuestionQuotes


@dataclass(frozen=True)
class QuestionReport:
    """What a question contributes: its counted table, cross-tables and quotes (each optional)."""

    question: dict
    counts: QuestionCounts | None = None
    crosses: tuple[tuple[str, pd.DataFrame], ...] = ()
    quotes: QuestionQuotes | None = None


@dataclass(frozen=True)
class ChapterReport:
    """One report chapter and its questions in order."""

    chapter: str | None
    questions: tuple[QuestionReport, ...]


def group_by_chapter(reports: list[QuestionReport]) -> list[ChapterReport]:
    """Chapters in the order their first question appears, questions kept in order."""
    chapters: dict[str | None, list[QuestionReport]] = {}
    for report in reports:
        chapters.setdefault(report.question["chapter"], []).append(report)
    return [ChapterReport(chapter, tuple(items)) for chapter, items in chapters.items()]


def chapter_title(chapter: str | None, words: dict) -> str:
    """ "Kapittel 3" for a numbered chapter, the chapter's own name otherwise."""
    if chapter is None or chapter == "":
        return words["no_chapter"]
    return words["chapter"].format(chapter=chapter) if str(chapter).isdigit() else str(chapter)


def base_line(counts: QuestionCounts, words: dict) -> str:
    """The printed base: answered of reporting units and the response rate."""
    return words["base"].format(
        answered=counts.answered, units=counts.units, rate=report_percent(counts.response_rate)
    )


def note_line(counts: QuestionCounts, words: dict) -> str:
    """Whether several answers were possible (and percentages do not sum to 100)."""
    return words["single_note"] if counts.single_code else words["multiple_note"]


def cross_wide(
    counts: QuestionCounts, by: str, long_table: pd.DataFrame, words: dict, max_categories: int = 8
) -> tuple[list[str], list[list[str]]]:
    """A cross-table for print: groups as rows, top-level categories as columns, "n (row %)"."""
    top = counts.table[(counts.table["depth"] == 0) & (counts.table["level"] != UNCODED)]
    categories = list(zip(top["code_id"], top["name"], strict=True))[:max_categories]
    header = [words.get(by, by), words["answered"]] + [name for _, name in categories]
    cells = {(row.group, row.code_id): row for row in long_table.itertuples(index=False)}
    sizes = dict(zip(long_table["group"], long_table["answered"], strict=True))
    rows = []
    for group, size in sizes.items():
        values = [_count_cell(cells.get((group, code_id))) for code_id, _ in categories]
        rows.append([group or words["unknown"], str(size), *values])
    return header, rows


def _count_cell(row) -> str:
    if row is None:
        return "0 (0 %)"
    return f"{row.count} ({report_percent(row.row_percent)} %)"

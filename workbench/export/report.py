"""The content of a report export, grouped by chapter, before any file format is chosen."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from workbench.export.counts import UNCODED, QuestionCounts
from workbench.export.labels import percent_text, report_percent
from workbench.export.quotes import QuestionQuotes

_DIGIT_GROUP = re.compile(r"(\d) (\d{3})")


@dataclass(frozen=True)
class QuestionReport:
    """What a question contributes: its counted table, cross-tables and quotes (each optional)."""

    question: dict
    counts: QuestionCounts | None = None
    crosses: tuple[tuple[str, pd.DataFrame], ...] = ()
    quotes: QuestionQuotes | None = None
    coded: bool = True


@dataclass(frozen=True)
class ReportDocument:
    """What a document says about itself: title, project, report layer, draft, language."""

    title: str
    project: str = ""
    layer_note: str = ""
    draft: bool = False
    lang: str = "nb"


@dataclass(frozen=True)
class ChapterReport:
    """One report chapter and its questions in order."""

    chapter: str | None
    questions: tuple[QuestionReport, ...]


def group_by_chapter(reports: list[QuestionReport]) -> list[ChapterReport]:
    """Chapters in natural order ("2 …" before "13 …", no chapter last), questions kept in order."""
    chapters: dict[str | None, list[QuestionReport]] = {}
    for report in reports:
        chapters.setdefault(report.question["chapter"], []).append(report)
    ordered = sorted(chapters, key=natural_key)
    return [ChapterReport(chapter, tuple(chapters[chapter])) for chapter in ordered]


def natural_key(text: str | None) -> tuple:
    """Sort key that compares runs of digits as numbers; None and blanks sort last."""
    if text is None or not str(text).strip():
        return (1, ())
    parts = re.split(r"(\d+)", str(text).strip().casefold())
    return (0, tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in parts if part))


def chapter_title(chapter: str | None, words: dict) -> str:
    """ "Kapittel 3" for a numbered chapter, the chapter's own name otherwise."""
    if chapter is None or chapter == "":
        return words["no_chapter"]
    return words["chapter"].format(chapter=chapter) if str(chapter).isdigit() else str(chapter)


def question_heading(question: dict) -> str:
    """A question as a heading: its text and id, or the id alone when it has no text."""
    text = (question.get("text") or "").strip()
    return f"{text} ({question['id']})" if text else question["id"]


def base_line(counts: QuestionCounts, words: dict) -> str:
    """The printed base: answered of reporting units and the response rate."""
    return words["base"].format(
        answered=counts.answered, units=counts.units, rate=report_percent(counts.response_rate)
    )


def note_line(counts: QuestionCounts, words: dict) -> str:
    """Whether several answers were possible (and percentages do not sum to 100)."""
    return words["single_note"] if counts.single_code else words["multiple_note"]


def cross_title(counts: QuestionCounts, by: str, words: dict) -> str:
    """The caption text of a cross-table: the question and the grouping attribute."""
    return f"{counts.question_text or counts.question_id} – {words.get(by, by).lower()}"


def quote_suffix(quote, words: dict, *, no_break_numbers: bool = False) -> str:
    """ " (tag; id; også kodet: B, C)" after a quote's text. For print, digit groups such as
    "2 000" can be joined by no-break spaces so that a line never ends inside a number."""
    tag = _DIGIT_GROUP.sub("\\1\u00a0\\2", quote.tag) if no_break_numbers else quote.tag
    parts = [part for part in (tag, quote.quote_id) if part]
    if quote.also_coded:
        parts.append(f"{words['also_coded']}: {', '.join(name for name, _ in quote.also_coded)}")
    return f" ({'; '.join(parts)})"


def cross_wide(
    counts: QuestionCounts, by: str, long_table: pd.DataFrame, words: dict, max_categories: int = 8
) -> tuple[list[str], list[list[str]]]:
    """A cross-table for print: groups as rows, top-level categories as columns, "n (row %)"."""
    top = [row for row in counts.rows if row.depth == 0 and row.level != UNCODED]
    categories = [(row.code_id, row.name) for row in top][:max_categories]
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
    return f"{row.count} ({percent_text(row.count, report_percent(row.row_percent))} %)"

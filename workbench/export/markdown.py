"""The report as Markdown: the same headings, tables and quotes as the Word file."""

from __future__ import annotations

from workbench.export.counts import UNCODED, QuestionCounts
from workbench.export.report import (
    ChapterReport,
    base_line,
    chapter_title,
    cross_wide,
    note_line,
)
from workbench.export.tree import MAIN_THEME


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def counts_markdown(counts: QuestionCounts, words: dict) -> list[str]:
    """A pipe table Category | Antall | Prosent with a total row and the base underneath."""
    lines = [f"| {words['category']} | {words['count']} | {words['percent']} |", "|---|---:|---:|"]
    for row in counts.table.itertuples(index=False):
        name = words["uncoded"] if row.level == UNCODED else _cell(row.name)
        name = f"**{name}**" if row.level == MAIN_THEME else "&nbsp;" * 4 * row.depth + name
        lines.append(f"| {name} | {row.count} | {row.percent_rounded} |")
    total = 100 if counts.answered else 0
    lines.append(f"| **{words['total']}** | **{counts.answered}** | **{total}** |")
    lines += ["", f"*{base_line(counts, words)}. {note_line(counts, words)}*", ""]
    return lines


def cross_markdown(counts: QuestionCounts, by: str, table, words: dict) -> list[str]:
    """A cross-table: groups as rows, top-level categories as columns, "n (row %)"."""
    header, rows = cross_wide(counts, by, table, words)
    lines = ["| " + " | ".join(_cell(name) for name in header) + " |", "|---|" + "---:|" * (len(header) - 1)]
    lines += ["| " + " | ".join(_cell(value) for value in values) + " |" for values in rows]
    return lines + ["", f"*{words['cross_note']}*", ""]


def write_markdown(chapters: list[ChapterReport], words: dict, *, title: str, draft: bool = False) -> str:
    """The whole export as one Markdown text."""
    lines = [f"# {title}", ""]
    if draft:
        lines += [f"**{words['draft_note']}**", ""]
    for chapter in chapters:
        lines += [f"## {chapter_title(chapter.chapter, words)}", ""]
        for report in chapter.questions:
            question = report.question
            lines += [f"### {_cell(question['text'])} ({question['id']})", ""]
            if report.counts is not None:
                lines += counts_markdown(report.counts, words)
                for by, table in report.crosses:
                    lines += cross_markdown(report.counts, by, table, words)
            if report.quotes is not None:
                lines += _quote_lines(report.quotes.sections, words)
    return "\n".join(lines) + "\n"


def _quote_lines(sections, words: dict) -> list[str]:
    lines = [] if sections else [words["no_quotes"], ""]
    for section in sections:
        lines += [f"{'#' * min(4 + section.depth, 6)} {_cell(section.name)}", ""]
        for quote in section.quotes:
            tag = f"{quote.tag}; {quote.quote_id}" if quote.tag else quote.quote_id
            marker = "" if quote.approved else f"**[{words['draft']}]** "
            lines += [f"> {marker}«{_cell(quote.text)}» ({tag})", ""]
    return lines

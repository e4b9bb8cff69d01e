"""The report as Markdown: the same headings, tables and quotes as the Word file."""

from __future__ import annotations

from workbench.export.counts import UNCODED, QuestionCounts
from workbench.export.labels import percent_text
from workbench.export.report import (
    ChapterReport,
    ReportDocument,
    base_line,
    chapter_title,
    cross_title,
    cross_wide,
    note_line,
    question_heading,
    quote_suffix,
)
from workbench.export.tree import MAIN_THEME


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def counts_markdown(counts: QuestionCounts, words: dict, number: int, layer_note: str = "") -> list[str]:
    """ "Tabell N", a pipe table Category | Antall | Prosent with a total row, the base underneath."""
    lines = [f"**{words['table_label']} {number} {_cell(counts.question_text or counts.question_id)}**", ""]
    lines += [f"| {words['category']} | {words['count']} | {words['percent']} |", "|---|---:|---:|"]
    for row in counts.rows:
        name = words["uncoded"] if row.level == UNCODED else _cell(row.name)
        name = f"**{name}**" if row.level == MAIN_THEME else "&nbsp;" * 4 * row.depth + name
        lines.append(f"| {name} | {row.count} | {percent_text(row.count, row.percent_rounded)} |")
    total = 100 if counts.answered else 0
    lines.append(f"| **{words['total']}** | **{counts.answered}** | **{total}** |")
    note = f"{base_line(counts, words)}. {note_line(counts, words)} {layer_note}".strip()
    return lines + ["", f"*{note}*", ""]


def cross_markdown(counts: QuestionCounts, by: str, table, words: dict, number: int) -> list[str]:
    """A cross-table: groups as rows, top-level categories as columns, "n (row %)"."""
    header, rows = cross_wide(counts, by, table, words)
    lines = [f"**{words['table_label']} {number} {_cell(cross_title(counts, by, words))}**", ""]
    lines += ["| " + " | ".join(_cell(name) for name in header) + " |", "|---|" + "---:|" * (len(header) - 1)]
    lines += ["| " + " | ".join(_cell(value) for value in values) + " |" for values in rows]
    return lines + ["", f"*{words['cross_note']}*", ""]


def write_markdown(chapters: list[ChapterReport], words: dict, about: ReportDocument) -> str:
    """The whole export as one Markdown text."""
    lines = [f"# {about.title}", ""]
    lines += [f"*{about.layer_note}*", ""] if about.layer_note else []
    if about.draft:
        lines += [f"**{words['draft_note']}**", ""]
    tables = 0
    for chapter in chapters:
        lines += [f"## {chapter_title(chapter.chapter, words)}", ""]
        for report in chapter.questions:
            lines += [f"### {_cell(question_heading(report.question))}", ""]
            if not report.coded:
                lines += [f"**{words['not_coded_yet']}**", ""]
                continue
            if report.counts is not None:
                tables += 1
                lines += counts_markdown(report.counts, words, tables, about.layer_note)
                for by, table in report.crosses:
                    tables += 1
                    lines += cross_markdown(report.counts, by, table, words, tables)
            if report.quotes is not None:
                lines += _quote_lines(report.quotes.sections, words)
    return "\n".join(lines) + "\n"


def _quote_lines(sections, words: dict) -> list[str]:
    lines = [] if sections else [words["no_quotes"], ""]
    for section in sections:
        lines += [f"{'#' * min(4 + section.depth, 6)} {_cell(section.name)}", ""]
        if section.lead_in and section.quotes:
            lines += [_cell(section.lead_in), ""]
        for quote in section.quotes:
            marker = "" if quote.approved else f"**[{words['draft']}]** "
            lines += [f"> {marker}«{_cell(quote.text)}»{_cell(quote_suffix(quote, words))}", ""]
    return lines

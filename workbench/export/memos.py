"""``export memos``: every memo as CSV and as Markdown, grouped by what it is about.

Memo texts are the coders' own words, written as they are (control characters shown as
symbols, formulas neutralised, Markdown and HTML escaped): they are not anonymised.
"""

from __future__ import annotations

import csv
import io
import re

from workbench.cells import csv_row, xml_safe
from workbench.coding.memo_list import MemoEntry, memo_entries
from workbench.errors import UserError
from workbench.store import coders as coder_rows

MEMO_NOTICE = (
    "memos.csv and memos.md hold the coders' memos as written, with question and respondent ids; "
    "they are not anonymised: keep them inside the project team."
)
CSV_HEADER = [
    "memo_id",
    "about",
    "question_id",
    "respondent_id",
    "wave",
    "segment_id",
    "code_id",
    "code_path",
    "coder",
    "created_at",
    "updated_at",
    "text",
]
WORDS = {
    "nb": {
        "title": "Memoer",
        "count": "{n} memoer, skrevet av kodeteamet; ikke anonymisert.",
        "none": "Ingen memoer ennå.",
        "project": "Prosjektet",
        "code": "Koder",
        "answer": "Svar og sitater",
    },
    "en": {
        "title": "Memos",
        "count": "{n} memos, written by the coding team; not anonymised.",
        "none": "No memos yet.",
        "project": "The project",
        "code": "Codes",
        "answer": "Answers and segments",
    },
}
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#|~!<>])")
_LINE_START = re.compile(r"^(\s*)([-+=])", re.MULTILINE)
_ORDERED = re.compile(r"^(\s*\d+)\.", re.MULTILINE)


def markdown_text(text: str) -> str:
    """Data text that Markdown shows as written: no emphasis, link, HTML, heading or list."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", xml_safe(text))
    escaped = _ORDERED.sub(lambda match: f"{match.group(1)}\\.", escaped)
    return _LINE_START.sub(lambda match: f"{match.group(1)}\\{match.group(2)}", escaped)


def chosen_entries(store, coder: str | None, question_ids: set[str] | None) -> list[MemoEntry]:
    """The memos to export, newest first: one coder's (everyone's when None), on the chosen
    questions (all when None) and every code and project memo."""
    if coder is not None and not coder_rows.coder_exists(store, coder):
        raise UserError(f"{store.path}: there is no coder named '{coder}' in the project.")
    entries = memo_entries(store, None, coder)
    if question_ids is None:
        return entries
    return [entry for entry in entries if not entry.question_id or entry.question_id in question_ids]


def write_memo_files(store, run, coder: str | None, question_ids: set[str] | None, lang: str) -> None:
    """memos.csv and memos.md into an export run, with the notice that they are not anonymised."""
    entries = chosen_entries(store, coder, question_ids)
    run.warn(MEMO_NOTICE)
    run.write("memos.csv", memos_csv(entries))
    run.write("memos.md", memos_markdown(entries, lang))


def memos_csv(entries: list[MemoEntry]) -> str:
    """One row per memo, newest first (UTF-8 with BOM, ';', every cell neutralised)."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for entry in entries:
        target = entry.target
        values = [
            entry.id,
            target.kind,
            entry.question_id,
            entry.respondent,
            entry.wave,
            target.ref if target.kind == "segment" else "",
            target.ref if target.kind == "code" else "",
            entry.code_path,
            entry.coder,
            entry.created_at,
            entry.updated_at,
            entry.text,
        ]
        writer.writerow(csv_row(["" if value is None else value for value in values]))
    return buffer.getvalue()


def _group(entry: MemoEntry) -> str:
    return {"project": "project", "code": "code"}.get(entry.target.kind, "answer")


def memos_markdown(entries: list[MemoEntry], lang: str = "nb") -> str:
    """The memos grouped (project, codes, answers), each under its place, coder and date."""
    words = WORDS[lang]
    lines = [f"# {words['title']}", ""]
    lines += [f"*{words['count'].format(n=len(entries))}*" if entries else words["none"], ""]
    for group in ("project", "code", "answer"):
        chosen = sorted((e for e in entries if _group(e) == group), key=lambda e: (e.place, e.updated_at))
        if chosen:
            lines += [f"## {words[group]}", ""]
        for entry in chosen:
            place = {"project": [], "code": [entry.code_path or entry.place]}.get(group, [entry.place])
            lines += [f"### {' — '.join(markdown_text(text) for text in [*place, entry.coder])}", ""]
            lines += [f"*{entry.updated_at[:16].replace('T', ' ')}*", ""]
            lines += [f"> {line}" if line else ">" for line in markdown_text(entry.text.strip()).splitlines()]
            lines.append("")
    return "\n".join(lines) + "\n"

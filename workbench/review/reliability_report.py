"""The reliability report: per question and per code, with a methods paragraph (nb or en).

Written as markdown and XLSX; ``export_reliability`` is what ``workbench export … reliability``
and ``workbench reliability`` call.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook

from workbench.cells import xlsx_append
from workbench.errors import UserError
from workbench.files import atomic_path
from workbench.review.agreement import RELIABLE, TENTATIVE
from workbench.review.measure import AgreementResult, measure_agreement
from workbench.store import coders as coder_rows
from workbench.store.database import Store

HEADERS = ("Kode", "α", "κ", "Prosent enighet", "Prevalens", "n", "Vurdering")
THEME_HEADERS = ("Tema", *HEADERS[1:])
QUESTION_HEADERS = ("Spørsmål", "n (svar)", "α eksakte kodesett", "κ eksakte kodesett", "Prosent enighet")
ENGLISH = {
    "Kode": "Code",
    "Tema": "Theme",
    "Prosent enighet": "Percent agreement",
    "Prevalens": "Prevalence",
    "Vurdering": "Verdict",
    "Spørsmål": "Question",
    "n (svar)": "n (answers)",
    "α eksakte kodesett": "α exact code sets",
    "κ eksakte kodesett": "κ exact code sets",
}
VERDICTS = {"reliable": "pålitelig", "tentative": "foreløpig", "not": "ikke pålitelig"}
NOT_DEFINED = "i.a. (ingen variasjon)"


def number(value: float | None, decimals: int = 3) -> str:
    """A Norwegian decimal number, or the not-defined marker."""
    return NOT_DEFINED if value is None else f"{value:.{decimals}f}".replace(".", ",")


def verdict(alpha: float | None) -> str:
    """The conventional reading of α, in Norwegian."""
    if alpha is None:
        return NOT_DEFINED
    if alpha >= RELIABLE:
        return VERDICTS["reliable"]
    return VERDICTS["tentative"] if alpha >= TENTATIVE else VERDICTS["not"]


def default_coders(store: Store) -> list[str]:
    """Every coder except consensus layers."""
    return [row["name"] for row in coder_rows.all_coders(store) if not row["is_consensus"]]


def table_rows(result: AgreementResult) -> list[tuple]:
    """One row per code: the values of ``HEADERS``."""
    return [
        (
            code.code,
            code.alpha,
            code.kappa,
            code.percent_agreement,
            code.prevalence,
            code.n,
            verdict(code.alpha),
        )
        for code in result.codes
    ]


def headers(names: Sequence[str], lang: str) -> list[str]:
    """Column headers in the report's language."""
    return [ENGLISH.get(name, name) if lang == "en" else name for name in names]


def question_rows(per_question: dict[str, AgreementResult]) -> list[tuple]:
    """One row per question: the values of ``QUESTION_HEADERS``."""
    return [
        (question, q.segments, q.alpha_exact_sets, q.kappa_exact_sets, q.percent_exact_sets)
        for question, q in sorted(per_question.items())
    ]


def _cell(value) -> str:
    return value if isinstance(value, str) else str(value) if isinstance(value, int) else number(value)


def _table(title: str, names: Sequence[str], rows: list[tuple], lang: str, two_coders: bool) -> list[str]:
    lines = [f"## {title}", "", "| " + " | ".join(headers(names, lang)) + " |", "|" + "---|" * len(names)]
    for row in rows:
        cells = [str(row[0])] + [_cell(value) for value in row[1:]]
        if not two_coders and len(names) == len(HEADERS):
            cells[2] = "–"  # Cohen's κ is defined for exactly two coders
        lines.append("| " + " | ".join(cell.replace("|", "/") for cell in cells) + " |")
    return [*lines, ""]


def markdown(result, themes, per_question, paragraph: str, lang: str = "nb") -> str:
    """The report as markdown: methods paragraph, per-question, per-code and per-theme tables."""
    english = lang == "en"
    lines = [
        "# " + ("Inter-coder reliability" if english else "Reliabilitet mellom kodere"),
        "",
        paragraph,
        "",
    ]
    two = len(result.coders) == 2
    lines += _table(
        "Per question" if english else "Per spørsmål",
        QUESTION_HEADERS,
        question_rows(per_question),
        lang,
        two,
    )
    lines += _table("Per code" if english else "Per kode", HEADERS, table_rows(result), lang, two)
    lines += _table(
        "Per main theme" if english else "Per hovedtema", THEME_HEADERS, table_rows(themes), lang, two
    )
    return "\n".join(lines)


def write_workbook(path: Path, result, themes, per_question, paragraphs: dict[str, str]) -> None:
    """The report as XLSX: sheets Spørsmål, Koder, Hovedtema, Sammendrag (both languages)."""
    workbook = Workbook()
    sheets = [
        ("Spørsmål", QUESTION_HEADERS, question_rows(per_question)),
        ("Koder", HEADERS, table_rows(result)),
        ("Hovedtema", THEME_HEADERS, table_rows(themes)),
    ]
    for index, (title, names, rows) in enumerate(sheets):
        sheet = workbook.active if index == 0 else workbook.create_sheet()
        sheet.title = title
        sheet.append(names)
        for row in rows:
            xlsx_append(sheet, row)
    summary = workbook.create_sheet("Sammendrag")
    summary.append(("Kodere", ", ".join(result.coders)))
    summary.append(("Enhet", "svar"))
    summary.append(("Dobbeltkodede svar", result.segments))
    summary.append(("α eksakte kodesett", result.alpha_exact_sets))
    summary.append(("κ eksakte kodesett", result.kappa_exact_sets))
    summary.append(("Prosent enighet, eksakte kodesett", result.percent_exact_sets))
    summary.append(("α MASI", result.alpha_masi))
    summary.append(("α prevalensvektet", result.alpha_weighted))
    for lang, text in paragraphs.items():
        summary.append((f"Metodeavsnitt ({lang})", text))
    with atomic_path(path) as temporary:
        workbook.save(temporary)


def export_reliability(
    store: Store,
    out_dir: str | Path,
    coders: Sequence[str] | None = None,
    question_id: str | None = None,
    lang: str = "nb",
) -> list[Path]:
    """Write reliability.md (in ``lang``) and reliability.xlsx into ``out_dir``; return their paths."""
    from workbench.review.methods_text import LANGUAGES, gather, paragraph

    if lang not in LANGUAGES:
        raise UserError(f"--lang must be one of {', '.join(LANGUAGES)}, not {lang!r}.")
    chosen = list(coders) if coders else default_coders(store)
    if len(chosen) < 2:
        raise UserError(f"{store.path}: a reliability report needs at least two coders.")
    result = measure_agreement(store, chosen, question_id)
    if result.segments == 0:
        raise UserError(f"{store.path}: no answer is coded by two of {', '.join(chosen)}.")
    per_question = {question: measure_agreement(store, chosen, question) for question in result.questions}
    themes = measure_agreement(store, chosen, question_id, level="theme")
    facts = gather(store, result, per_question)
    paragraphs = {language: paragraph(facts, language) for language in LANGUAGES}
    out_dir = Path(out_dir)
    markdown_path, workbook_path = out_dir / "reliability.md", out_dir / "reliability.xlsx"
    with atomic_path(markdown_path) as temporary:
        temporary.write_text(markdown(result, themes, per_question, paragraphs[lang], lang), encoding="utf-8")
    write_workbook(workbook_path, result, themes, per_question, paragraphs)
    return [markdown_path, workbook_path]

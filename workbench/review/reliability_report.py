"""The reliability report: per-code agreement table and a methods-section paragraph (Norwegian).

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
from workbench.store import teams
from workbench.store.database import Store

HEADERS = ("Kode", "α", "κ", "Prosent enighet", "Prevalens", "n", "Vurdering")
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
    return [row["name"] for row in teams.coders(store) if not row["is_consensus"]]


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


def summary_paragraph(result: AgreementResult, total_segments: int) -> str:
    """A methods-section paragraph: coders, sample size, share double-coded, α range."""
    names = " og ".join([", ".join(result.coders[:-1]), result.coders[-1]])
    share = result.segments / total_segments if total_segments else 0.0
    alphas = [code.alpha for code in result.codes if code.alpha is not None]
    text = (
        f"{len(result.coders)} kodere ({names}) kodet uavhengig av hverandre {result.segments} "
        f"av {total_segments} segmenter ({share:.0%}). "
    ).replace("%", " %")
    if alphas:
        text += (
            f"Krippendorffs α (nominal, forekomst av koden per segment) varierte fra "
            f"{number(min(alphas), 2)} til {number(max(alphas), 2)} på tvers av {len(alphas)} koder, "
            f"med et prevalensvektet gjennomsnitt på {number(result.alpha_weighted, 2)}. "
        )
    else:
        text += "Krippendorffs α kunne ikke beregnes for noen kode (ingen variasjon). "
    text += (
        f"α med MASI-avstand på settet av koder per segment var {number(result.alpha_masi, 2)}. "
        "Verdier fra 0,800 regnes som pålitelige, 0,667–0,800 som foreløpige."
    )
    return text


def markdown(result: AgreementResult, themes: AgreementResult, paragraph: str) -> str:
    """The report as markdown: summary, code table, theme table."""
    lines = ["# Reliabilitet mellom kodere", "", paragraph, ""]
    for title, table in (("Per kode", result), ("Per hovedtema", themes)):
        lines += [f"## {title}", "", "| " + " | ".join(HEADERS) + " |", "|" + "---|" * len(HEADERS)]
        for row in table_rows(table):
            cells = [row[0]] + [number(value) for value in row[1:5]] + [str(row[5]), row[6]]
            if len(table.coders) != 2:
                cells[2] = "–"  # Cohen's κ is defined for exactly two coders
            lines.append("| " + " | ".join(cell.replace("|", "/") for cell in cells) + " |")
        lines.append("")
    return "\n".join(lines)


def write_workbook(path: Path, result: AgreementResult, themes: AgreementResult, paragraph: str) -> None:
    """The report as XLSX: sheets Koder, Hovedtema, Sammendrag."""
    workbook = Workbook()
    sheets = [("Koder", result), ("Hovedtema", themes)]
    for index, (title, table) in enumerate(sheets):
        sheet = workbook.active if index == 0 else workbook.create_sheet()
        sheet.title = title
        sheet.append(HEADERS)
        for row in table_rows(table):
            xlsx_append(sheet, row)
    summary = workbook.create_sheet("Sammendrag")
    summary.append(("Kodere", ", ".join(result.coders)))
    summary.append(("Dobbeltkodede segmenter", result.segments))
    summary.append(("α prevalensvektet", result.alpha_weighted))
    summary.append(("α MASI", result.alpha_masi))
    summary.append(("α eksakte kodesett", result.alpha_exact_sets))
    summary.append(("Sammendrag", paragraph))
    with atomic_path(path) as temporary:
        workbook.save(temporary)


def export_reliability(store: Store, out_dir: str | Path, coders: Sequence[str] | None = None) -> list[Path]:
    """Write reliability.md and reliability.xlsx into ``out_dir``; return their paths."""
    chosen = list(coders) if coders else default_coders(store)
    if len(chosen) < 2:
        raise UserError(f"{store.path}: a reliability report needs at least two coders.")
    result = measure_agreement(store, chosen)
    if result.segments == 0:
        raise UserError(f"{store.path}: no segment is coded by two of {', '.join(chosen)}.")
    themes = measure_agreement(store, chosen, level="theme")
    paragraph = summary_paragraph(result, teams.segment_count(store))
    out_dir = Path(out_dir)
    markdown_path, workbook_path = out_dir / "reliability.md", out_dir / "reliability.xlsx"
    with atomic_path(markdown_path) as temporary:
        temporary.write_text(markdown(result, themes, paragraph), encoding="utf-8")
    write_workbook(workbook_path, result, themes, paragraph)
    return [markdown_path, workbook_path]

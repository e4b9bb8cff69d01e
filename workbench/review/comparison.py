"""The coding comparison: two coders side by side per question and code, disagreements first.

For each question and each of its codes: answers both coders judged, how many carry the code
from both, from only one or the other, with α, κ and percent agreement; and the list of
answers whose code sets differ, with the adjudication standing on them, for the team meeting.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook

from workbench.coding.codebook_tree import Codebook
from workbench.errors import UserError
from workbench.files import atomic_path
from workbench.review.adjudication import coders_key
from workbench.review.measure import CodeAgreement, check_coders, measure_agreement
from workbench.store import Store, teams
from workbench.store import codings as coding_rows
from workbench.store import segments as segment_rows

LIST_HEADERS = (
    "question",
    "answer",
    "respondent",
    "text",
    "first coder's codes",
    "second coder's codes",
    "decision",
)


@dataclass(frozen=True)
class CodeRow:
    """One code of one question, compared between the two coders."""

    question_id: str
    code: str
    n: int
    both: int
    only_first: int
    only_second: int
    alpha: float | None
    kappa: float | None
    percent_agreement: float | None

    @property
    def disagreements(self) -> int:
        return self.only_first + self.only_second


@dataclass(frozen=True)
class Comparison:
    """Per question and code rows (disagreements first) and the figures before and after settling."""

    coders: tuple[str, str]
    rows: tuple[CodeRow, ...]
    answers: int
    differing: int
    settled: int
    alpha: float | None
    kappa: float | None
    percent_agreement: float | None

    @property
    def percent_after(self) -> float | None:
        """Share of answers agreed on or settled after adjudication."""
        return None if not self.answers else (self.answers - self.differing + self.settled) / self.answers


def _sets(store: Store, coders: tuple[str, str], question_id: str | None):
    paths = Codebook.from_store(store)
    judged: dict[int, dict[str, set[str]]] = {}
    question_of: dict[int, str] = {}
    for question, answer, _, coder, code_id in coding_rows.codings_of_coders(store, coders, question_id):
        judged.setdefault(answer, {}).setdefault(coder, set()).add(paths.survivor_path(code_id))
        question_of[answer] = question
    return {a: by for a, by in judged.items() if len(by) == 2}, question_of


def compare(store: Store, coder_names, question_id: str | None = None) -> Comparison:
    """Compare exactly two coders, per question and code."""
    coders = check_coders(store, coder_names)
    if len(coders) != 2:
        raise UserError(
            "The coding comparison sets two coders side by side: give exactly two, e.g. kari,ola."
        )
    judged, question_of = _sets(store, coders, question_id)
    overall = measure_agreement(store, coders, question_id) if judged else None
    return Comparison(
        coders=coders,
        rows=tuple(_code_rows(store, coders, judged, question_of)),
        answers=len(judged),
        differing=sum(_differs(unit, coders) for unit in judged.values()),
        settled=len(_settled_answers(store, coders, judged)),
        alpha=overall.alpha_exact_sets if overall else None,
        kappa=overall.kappa_exact_sets if overall else None,
        percent_agreement=overall.percent_exact_sets if overall else None,
    )


def _differs(unit: dict[str, set[str]], coders: tuple[str, str]) -> bool:
    """Whether the two coders gave this answer different code sets."""
    return unit[coders[0]] != unit[coders[1]]


def _code_rows(store: Store, coders: tuple[str, str], judged: dict, question_of: dict) -> list[CodeRow]:
    """One row per question and code, the most disagreements first."""
    rows = []
    for question in sorted({question_of[answer] for answer in judged}):
        per_code = {code.code: code for code in measure_agreement(store, coders, question).codes}
        units = [judged[answer] for answer in judged if question_of[answer] == question]
        rows.extend(_code_row(question, code, figures, units, coders) for code, figures in per_code.items())
    rows.sort(key=lambda row: (-row.disagreements, row.question_id, row.code))
    return rows


def _code_row(
    question: str, code: str, figures: CodeAgreement, units: list[dict], coders: tuple[str, str]
) -> CodeRow:
    """Count the answers of one question carrying ``code`` from both coders or from only one."""
    pairs = [(code in unit[coders[0]], code in unit[coders[1]]) for unit in units]
    return CodeRow(
        question,
        code,
        len(units),
        sum(first and second for first, second in pairs),
        sum(first and not second for first, second in pairs),
        sum(second and not first for first, second in pairs),
        figures.alpha,
        figures.kappa,
        figures.percent_agreement,
    )


def _settled_answers(store: Store, coders: tuple[str, str], judged: dict) -> set[int]:
    settled = set(teams.adjudicated(store, coders_key(*coders)))
    if not settled:
        return set()
    texts = segment_rows.segments_by_id(store, sorted(settled))
    return {row["answer_id"] for row in texts.values() if row["answer_id"] in judged}


def disagreement_list(store: Store, coder_names, question_id: str | None = None) -> list[tuple]:
    """Every answer the two coders coded differently: the values of ``LIST_HEADERS``."""
    coders = check_coders(store, coder_names)
    judged, question_of = _sets(store, coders, question_id)
    differing = sorted((question_of[a], a) for a, unit in judged.items() if _differs(unit, coders))
    decisions = _decisions_by_answer(store, coders)
    found = []
    for question, answer in differing:
        detail = teams.answer_text_and_respondent(store, answer)
        unit = judged[answer]
        found.append(
            (
                question,
                answer,
                detail["respondent_id"],
                detail["text"],
                "; ".join(sorted(unit[coders[0]])),
                "; ".join(sorted(unit[coders[1]])),
                decisions.get(answer, ""),
            )
        )
    return found


def _decisions_by_answer(store: Store, coders: tuple[str, str]) -> dict[int, str]:
    decided = teams.adjudicated(store, coders_key(*coders))
    texts = segment_rows.segments_by_id(store, sorted(decided))
    return {row["answer_id"]: decided[segment] for segment, row in texts.items()}


def export_disagreements(store: Store, coder_names, out: str | Path, question_id: str | None = None) -> Path:
    """Write the disagreement list to ``out`` (.xlsx or .csv) for the team meeting."""
    out = Path(out)
    if out.suffix.lower() not in (".xlsx", ".csv"):
        raise UserError(f"{out}: write the disagreement list to a .xlsx or .csv file.")
    rows = disagreement_list(store, coder_names, question_id)
    with atomic_path(out) as temporary:
        if out.suffix.lower() == ".csv":
            with open(temporary, "w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(LIST_HEADERS)
                writer.writerows(rows)
        else:
            workbook = Workbook()
            workbook.active.title = "Disagreements"
            workbook.active.append(LIST_HEADERS)
            for row in rows:
                workbook.active.append(row)
            workbook.save(temporary)
    return out

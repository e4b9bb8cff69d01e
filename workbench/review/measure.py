"""Agreement between coders of one project, per code (or main theme) and overall.

The unit is the answer: each coder's codes on an answer are the union over their own
segments of it, so one coder's split never makes two units. A code is judged only on the
answers of the questions it is used in (by any of the coders): q01's codes are never counted
as absent on q05's answers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass

import numpy as np

from workbench.coding.codebook_tree import Codebook
from workbench.errors import UserError
from workbench.review import agreement
from workbench.store import coders as coder_rows
from workbench.store import codings as coding_rows
from workbench.store import survey
from workbench.store.database import Store

LEVELS = ("code", "theme")


@dataclass(frozen=True)
class CodeAgreement:
    """Agreement on one code: presence or absence on each double-coded segment."""

    code: str
    alpha: float | None
    kappa: float | None
    percent_agreement: float | None
    prevalence: float
    n: int


@dataclass(frozen=True)
class AgreementResult:
    """Per-code and overall agreement over the answers coded by at least two coders.

    ``segments`` counts those units (answers); the name is kept for the JSON shape.
    """

    coders: tuple[str, ...]
    segments: int
    codes: tuple[CodeAgreement, ...]
    alpha_weighted: float | None
    alpha_masi: float | None
    alpha_exact_sets: float | None
    kappa_exact_sets: float | None = None
    percent_exact_sets: float | None = None
    questions: tuple[str, ...] = ()
    unit: str = "answer"

    def to_json(self) -> dict:
        """The stable JSON shape of ``workbench agreement --json``."""
        return {
            "coders": list(self.coders),
            "segments": self.segments,
            "codes": [asdict(code) for code in self.codes],
            "overall": {
                "alpha_weighted": self.alpha_weighted,
                "alpha_masi": self.alpha_masi,
                "alpha_exact_sets": self.alpha_exact_sets,
                "kappa_exact_sets": self.kappa_exact_sets,
                "percent_exact_sets": self.percent_exact_sets,
                "unit": self.unit,
                "questions": list(self.questions),
            },
        }


def check_coders(store: Store, coder_names: Sequence[str]) -> tuple[str, ...]:
    """The distinct coder names, each known to the project; at least two."""
    chosen = tuple(dict.fromkeys(name.strip() for name in coder_names if name.strip()))
    if len(chosen) < 2:
        raise UserError("--coders needs at least two different coder names, e.g. --coders A,B.")
    known = {row["name"] for row in coder_rows.all_coders(store)}
    for name in chosen:
        if name not in known:
            raise UserError(f"{store.path}: no coder named {name!r} in this project.")
    return chosen


def measure_agreement(
    store: Store, coder_names: Sequence[str], question_id: str | None = None, level: str = "code"
) -> AgreementResult:
    """Krippendorff's α, Cohen's κ and friends for the given coders (METHOD.md §2)."""
    coders = check_coders(store, coder_names)
    if level not in LEVELS:
        raise UserError(f"--level must be one of {', '.join(LEVELS)}, not {level!r}.")
    if question_id is not None and question_id not in survey.question_ids(store):
        raise UserError(f"{store.path}: no question with id {question_id!r}.")
    paths = Codebook.from_store(store)
    label = paths.theme_name if level == "theme" else paths.survivor_path
    judged: dict[int, dict[str, set[str]]] = {}
    question_of: dict[int, str] = {}
    for question, answer_id, _, coder, code_id in coding_rows.codings_of_coders(store, coders, question_id):
        judged.setdefault(answer_id, {}).setdefault(coder, set()).add(label(code_id))
        question_of[answer_id] = question
    judged = {unit: by_coder for unit, by_coder in judged.items() if len(by_coder) >= 2}
    return _result(coders, judged, question_of)


def _result(coders: tuple[str, ...], judged: dict, question_of: dict[int, str]) -> AgreementResult:
    units = sorted(judged, key=lambda unit: (question_of[unit], unit))
    labels = sorted({code for by_coder in judged.values() for codes in by_coder.values() for code in codes})
    present, coded = _presence(coders, units, labels, judged)
    own = _own_units(units, labels, judged, question_of)
    per_code = _per_code(coders, labels, present, coded, own)
    sets = [
        [frozenset(judged[unit][coder]) if coder in judged[unit] else None for unit in units]
        for coder in coders
    ]
    return AgreementResult(
        coders=coders,
        segments=len(units),
        codes=per_code,
        alpha_weighted=_weighted_alpha(per_code),
        alpha_masi=agreement.masi_alpha(sets) if units else None,
        alpha_exact_sets=agreement.krippendorff_alpha(sets) if units else None,
        kappa_exact_sets=_exact_kappa(sets) if len(coders) == 2 and units else None,
        percent_exact_sets=_rounded_or_none(agreement.percent_agreement(sets)) if units else None,
        questions=tuple(sorted(set(question_of[unit] for unit in units))),
    )


def _own_units(units, labels, judged, question_of) -> np.ndarray:
    """labels × units: whether the unit belongs to a question the label is used in."""
    used: dict[str, set[str]] = {}
    for unit in units:
        for codes in judged[unit].values():
            for code in codes:
                used.setdefault(code, set()).add(question_of[unit])
    questions = np.array([question_of[unit] for unit in units], dtype=object)
    return np.array([np.isin(questions, sorted(used[code])) for code in labels], dtype=bool).reshape(
        len(labels), len(units)
    )


def _exact_kappa(sets) -> float | None:
    first, second = sets
    return _rounded_or_none(agreement.cohen_kappa(first, second))


def _rounded_or_none(value: float | None) -> float | None:
    return None if value is None else round(value, 6)


def _presence(coders, segment_ids, labels, judged) -> tuple[np.ndarray, np.ndarray]:
    """coders × segments × codes presence, and coders × segments "judged this segment"."""
    segment_index = {segment: index for index, segment in enumerate(segment_ids)}
    label_index = {code: index for index, code in enumerate(labels)}
    present = np.zeros((len(coders), len(segment_ids), len(labels)), dtype=bool)
    coded = np.zeros((len(coders), len(segment_ids)), dtype=bool)
    for coder_position, coder in enumerate(coders):
        for segment, by_coder in judged.items():
            if coder in by_coder:
                unit = segment_index[segment]
                coded[coder_position, unit] = True
                present[coder_position, unit, [label_index[code] for code in by_coder[coder]]] = True
    return present, coded


def _per_code(coders, labels, present, coded, own) -> tuple[CodeAgreement, ...]:
    """Per code, over the units of its own questions only."""
    found = []
    for index, code in enumerate(labels):
        units = own[index]
        mine, judged = present[:, units, index : index + 1], coded[:, units]
        alpha = agreement.binary_alpha(mine, judged)[0]
        percent = agreement.binary_percent_agreement(mine, judged)[0]
        kappa = agreement.binary_kappa(mine[0], mine[1])[0] if len(coders) == 2 else None
        prevalence = (mine[:, :, 0] & judged).sum() / judged.sum()
        found.append(
            CodeAgreement(
                code=code,
                alpha=_rounded(alpha),
                kappa=None if kappa is None else _rounded(kappa),
                percent_agreement=_rounded(percent),
                prevalence=round(float(prevalence), 6),
                n=int(units.sum()),
            )
        )
    return tuple(found)


def _rounded(value: float) -> float | None:
    defined = agreement.optional(value)
    return None if defined is None else round(defined, 6)


def _weighted_alpha(per_code: tuple[CodeAgreement, ...]) -> float | None:
    """Mean of the defined per-code α values weighted by prevalence."""
    defined = [code for code in per_code if code.alpha is not None and code.prevalence > 0]
    weight = sum(code.prevalence for code in defined)
    if not defined or weight == 0:
        return None
    return round(sum(code.alpha * code.prevalence for code in defined) / weight, 6)

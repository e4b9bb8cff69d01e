"""Agreement between coders of one project, per code (or main theme) and overall."""

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
    """Per-code and overall agreement over the segments coded by at least two coders."""

    coders: tuple[str, ...]
    segments: int
    codes: tuple[CodeAgreement, ...]
    alpha_weighted: float | None
    alpha_masi: float | None
    alpha_exact_sets: float | None

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
    codebook = Codebook.from_store(store)

    def label(code_id: str) -> str:
        survivor = codebook.survivor(code_id)
        if level == "theme":
            return codebook.code(codebook.main_theme(survivor)).name
        return codebook.path(survivor)

    judged: dict[str, dict[str, set[str]]] = {}
    for segment_id, coder, code_id in coding_rows.codings_of_coders(store, coders, question_id):
        judged.setdefault(segment_id, {}).setdefault(coder, set()).add(label(code_id))
    judged = {segment: by_coder for segment, by_coder in judged.items() if len(by_coder) >= 2}
    return _result(coders, judged)


def _result(coders: tuple[str, ...], judged: dict[str, dict[str, set[str]]]) -> AgreementResult:
    segment_ids = sorted(judged)
    labels = sorted({code for by_coder in judged.values() for codes in by_coder.values() for code in codes})
    present, coded = _presence(coders, segment_ids, labels, judged)
    per_code = _per_code(coders, labels, present, coded)
    sets = [
        [frozenset(judged[segment][coder]) if coder in judged[segment] else None for segment in segment_ids]
        for coder in coders
    ]
    return AgreementResult(
        coders=coders,
        segments=len(segment_ids),
        codes=per_code,
        alpha_weighted=_weighted_alpha(per_code),
        alpha_masi=agreement.masi_alpha(sets) if segment_ids else None,
        alpha_exact_sets=agreement.krippendorff_alpha(sets) if segment_ids else None,
    )


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


def _per_code(coders, labels, present, coded) -> tuple[CodeAgreement, ...]:
    if not labels:
        return ()
    alphas = agreement.binary_alpha(present, coded)
    percents = agreement.binary_percent_agreement(present, coded)
    kappas = agreement.binary_kappa(present[0], present[1]) if len(coders) == 2 else None
    judgements = coded.sum()
    prevalences = (present & coded[:, :, None]).sum(axis=(0, 1)) / judgements
    return tuple(
        CodeAgreement(
            code=code,
            alpha=_rounded(alphas[index]),
            kappa=None if kappas is None else _rounded(kappas[index]),
            percent_agreement=_rounded(percents[index]),
            prevalence=round(float(prevalences[index]), 6),
            n=int(coded.shape[1]),
        )
        for index, code in enumerate(labels)
    )


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

"""The methods-section paragraph of the reliability report, in Norwegian or English.

It states the questions, the unit, the sampling (seeded, share per question), blinding,
completion (assigned against coded) and adjudication, with α over exact code sets as the
headline and κ and percent agreement beside it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from workbench.errors import UserError
from workbench.review.adjudication import coders_key
from workbench.review.measure import AgreementResult
from workbench.store import Store, teams
from workbench.store import segments as segment_rows

LANGUAGES = ("nb", "en")


@dataclass(frozen=True)
class Facts:
    """What the paragraph reports, gathered from the project."""

    result: AgreementResult
    per_question: dict[str, AgreementResult]
    second: tuple[str, ...]
    blind: bool
    shares: tuple[float, ...]
    seeds: tuple[int | None, ...]
    assigned: int
    coded: int
    disagreements: int
    decided: int
    segmented_apart: int = 0


def gather(store: Store, result: AgreementResult, per_question: dict[str, AgreementResult]) -> Facts:
    """The sampling, blinding, completion and adjudication behind an agreement result."""
    second = tuple(coder for coder in teams.assigned_coders(store) if coder in result.coders)
    runs = [row for row in teams.assignment_events(store) if row["coder"] in second]
    how = [json.loads(row["after"] or "{}") for row in runs]
    progress = [row for coder in second for row in teams.sample_progress(store, coder)]
    progress = [row for row in progress if row["question_id"] in per_question]
    pair = coders_key(*result.coders[:2]) if len(result.coders) >= 2 else ""
    decided = sum(
        count
        for question, count in teams.adjudication_counts(store, pair).items()
        if question in per_question
    )
    return Facts(
        result=result,
        per_question=per_question,
        second=second,
        blind=any(teams.assignment_summary(store, coder)[1] for coder in second),
        shares=tuple(sorted({entry["share"] for entry in how if "share" in entry})),
        seeds=tuple(dict.fromkeys(entry.get("seed") for entry in how if "share" in entry)),
        assigned=sum(row["assigned"] for row in progress),
        coded=sum(row["coded"] for row in progress),
        disagreements=_disagreements(result, per_question),
        decided=decided,
        segmented_apart=segment_rows.answers_segmented_apart(store, list(result.coders), list(per_question)),
    )


def _disagreements(result: AgreementResult, per_question: dict[str, AgreementResult]) -> int:
    return sum(round(q.segments * (1 - (q.percent_exact_sets or 0))) for q in per_question.values())


def _number(value: float | None, lang: str, decimals: int = 3) -> str:
    if value is None:
        return "i.a." if lang == "nb" else "n/a"
    text = f"{value:.{decimals}f}"
    return text.replace(".", ",") if lang == "nb" else text


def _percent(value: float | None, lang: str) -> str:
    return (
        _number(None if value is None else value * 100, lang, 0) + " %"
        if value is not None
        else _number(None, lang)
    )


def _join(items: list[str], lang: str) -> str:
    word = " og " if lang == "nb" else " and "
    if not items:
        return ""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + word + items[-1]


def paragraph(facts: Facts, lang: str) -> str:
    """The methods paragraph in ``lang`` (nb or en)."""
    if lang not in LANGUAGES:
        raise UserError(f"--lang must be one of {', '.join(LANGUAGES)}, not {lang!r}.")
    parts = _norwegian(facts) if lang == "nb" else _english(facts)
    return " ".join(part for part in parts if part)


def _per_question(facts: Facts, lang: str) -> str:
    return "; ".join(
        f"{question}: α = {_number(q.alpha_exact_sets, lang)} (n = {q.segments})"
        for question, q in sorted(facts.per_question.items())
    )


def _norwegian(facts: Facts) -> list[str]:
    r, lang = facts.result, "nb"
    kappa, percent = _number(r.kappa_exact_sets, lang), _percent(r.percent_exact_sets, lang)
    missing = facts.assigned - facts.coded
    questions = _join(list(r.questions), lang)
    shares = _join([_percent(share, lang) for share in facts.shares], lang) if facts.shares else None
    seeds = _join([str(seed) for seed in facts.seeds if seed is not None], lang)
    return [
        f"Reliabiliteten ble vurdert for spørsmål {questions}, med svaret som enhet "
        "(en koders koder på et svar er alle kodene hun satte på svarets segmenter).",
        f"Koderne delte {facts.segmented_apart} av svarene ulikt i segmenter; også der ble hver koders "
        "koder på hele svaret sammenlignet."
        if facts.segmented_apart
        else "",
        f"{_join(list(facts.second), lang)} fikk et tilfeldig utvalg på {shares} av svarene per spørsmål"
        + (f" (fast frø {seeds})" if seeds else "")
        + (", og kodet blindt, uten å se de andre koderens koder." if facts.blind else ".")
        if facts.second and shares
        else "",
        f"Av {facts.assigned} tildelte svar ble {facts.coded} kodet ({missing} ikke kodet)."
        if facts.assigned
        else "",
        f"{_join(list(r.coders), lang)} kodet {r.segments} svar i felles. Krippendorffs α over eksakte "
        f"kodesett per svar var {_number(r.alpha_exact_sets, lang)} (Cohens κ {kappa}, "
        f"prosent enighet {percent}); per spørsmål {_per_question(facts, lang)}.",
        "Hver kode ble vurdert bare på svarene til spørsmålene den brukes i. Verdier fra 0,800 regnes "
        "som pålitelige, 0,667–0,800 som foreløpige.",
        f"Uenighetene ble diskutert og avgjort i et eget konsensuslag: {facts.decided} av "
        f"{facts.disagreements} svar med ulike kodesett er avgjort. De uavhengige kodingene er uendret "
        "og ligger til grunn for tallene over.",
    ]


def _english(facts: Facts) -> list[str]:
    r, lang = facts.result, "en"
    kappa, percent = _number(r.kappa_exact_sets, lang), _percent(r.percent_exact_sets, lang)
    missing = facts.assigned - facts.coded
    questions = _join(list(r.questions), lang)
    shares = _join([_percent(share, lang) for share in facts.shares], lang) if facts.shares else None
    seeds = _join([str(seed) for seed in facts.seeds if seed is not None], lang)
    return [
        f"Reliability was assessed for question{'s' if len(r.questions) != 1 else ''} {questions}, "
        "with the answer as the unit (a coder's codes on an answer are all codes she gave its segments).",
        f"The coders segmented {facts.segmented_apart} of the answers differently; there too, each "
        "coder's codes on the whole answer were compared."
        if facts.segmented_apart
        else "",
        f"{_join(list(facts.second), lang)} received a random sample of {shares} of the answers per question"
        + (f" (fixed seed {seeds})" if seeds else "")
        + (" and coded blind, without seeing the other coders' codes." if facts.blind else ".")
        if facts.second and shares
        else "",
        f"Of {facts.assigned} assigned answers, {facts.coded} were coded ({missing} not coded)."
        if facts.assigned
        else "",
        f"{_join(list(r.coders), lang)} coded {r.segments} answers in common. Krippendorff's α over exact "
        f"code sets per answer was {_number(r.alpha_exact_sets, lang)} (Cohen's κ {kappa}, "
        f"percent agreement {percent}); per question {_per_question(facts, lang)}.",
        "Each code was judged only on the answers of the questions it is used in. Values from 0.800 are "
        "read as reliable, 0.667–0.800 as tentative.",
        f"Disagreements were discussed and settled in a separate consensus layer: {facts.decided} of "
        f"{facts.disagreements} answers with different code sets are settled. The independent codings are "
        "unchanged and underlie the figures above.",
    ]

"""The replay protocol (METHOD.md §5): how good would suggestions have been for this coder?

Segments are replayed in the order they were coded (or shuffled per question with a seed);
each is first shown to a model that knows only the segments before it, then learned.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

from workbench.coding.codebook_tree import Codebook
from workbench.errors import UserError
from workbench.store import survey
from workbench.store.database import Store
from workbench.suggest.clustering import AnswerClusterer
from workbench.suggest.data import CodedSegment, coded_segments
from workbench.suggest.definitions import definition_examples
from workbench.suggest.engines import DEFAULT_ENGINE, make_model, project_engine, usable_engine
from workbench.suggest.intervals import intervals
from workbench.suggest.keystrokes import keys_for_code
from workbench.suggest.representation import meaning
from workbench.suggest.vectors import project_vectors

DEFAULT_SEEDS = 10
SHOWN_SUGGESTIONS = 9  # keys 1-9 accept a suggestion
CURVE_BINS = 10


@dataclass(frozen=True)
class ReplayStep:
    """What the suggester proposed for one segment, knowing only the segments before it."""

    segment_id: str
    question_id: str
    coded_share: float  # share of the question's segments coded before this one
    true_codes: tuple[str, ...]
    ranked: tuple[str, ...]
    known: bool  # a true code had been used before
    baseline: str | None  # the most frequent code so far in the question (else overall)
    baseline_top: tuple[str, ...]  # the three most frequent, most frequent first
    keys_with_suggestions: int
    keys_typing_only: int

    def hit_at(self, k: int) -> bool:
        return any(code in self.true_codes for code in self.ranked[:k])

    @property
    def reciprocal_rank(self) -> float:
        for rank, code in enumerate(self.ranked, start=1):
            if code in self.true_codes:
                return 1.0 / rank
        return 0.0


def evaluate(
    store: Store,
    coder: str,
    question_id=None,
    seed=None,
    engine=None,
    on_progress=None,
    *,
    seeds: int = DEFAULT_SEEDS,
    definitions: bool = True,
    **model_params,
) -> dict:
    """The replay's figures as the stable JSON object of ``workbench evaluate``.

    With ``seed`` one seeded replay; otherwise ``seeds`` of them (seeds 0 … N-1): the figures
    are over all of them (each replays the same segments, so this is the mean), with 95 %
    bootstrap intervals resampled by code.
    """
    codebook = Codebook.from_store(store)
    in_scope = segments_in_scope(store, coder, question_id, codebook)
    engine, notice = usable_engine(engine or project_engine(store))
    vectors = project_vectors(store, engine)
    matrix = vectors.segment_rows(in_scope)
    examples = definition_rows(store, codebook, vectors) if definitions else None
    chosen = [seed] if seed is not None else list(range(seeds))
    replayed = (store, matrix, in_scope, codebook, examples, engine)
    steps = _replay_seeds(replayed, chosen, on_progress, model_params)
    figures = summarise(steps)
    figures["segments"] = len(in_scope)
    for point in figures["learning_curve"]:  # each seed puts the same number in each bin
        point["segments"] //= len(chosen)
    figures["engine"], figures["notice"] = engine, notice
    figures["seeds"] = chosen
    figures["definitions"] = len(examples[1]) if examples else 0
    figures["intervals"] = intervals(steps)
    figures["ari"], figures["nmi"] = cluster_agreement(matrix, in_scope, codebook, chosen[0])
    return figures


def _replay_seeds(replayed: tuple, chosen: list[int], on_progress, model_params: dict) -> list:
    """Every seed's replay of the same segments (each question shuffled by that seed)."""
    store, matrix, in_scope, codebook, examples, engine = replayed
    position = {segment.segment_id: index for index, segment in enumerate(in_scope)}
    steps = []
    for number, each in enumerate(chosen):
        ordered = replay_order(store, in_scope, each)
        rows = matrix[[position[segment.segment_id] for segment in ordered]]
        report = _seed_progress(on_progress, number, len(chosen))
        steps.extend(replay(rows, ordered, codebook, each, report, examples, engine, **model_params))
    return steps


def definition_rows(store: Store, codebook, vectors):
    """The definition examples' vectors and codes (None when the project has none)."""
    examples = definition_examples(store, codebook)
    if not examples:
        return None
    return vectors.transform([example.text for example in examples]), [e.code_id for e in examples]


def _seed_progress(on_progress, number: int, count: int):
    if on_progress is None:
        return None
    return lambda done, total: on_progress(number * total + done, count * total)


def segments_in_scope(store, coder, question_id, codebook) -> list[CodedSegment]:
    """The coder's coded segments (of one question if given), in coding order."""
    segments = coded_segments(store, coder, codebook)
    if question_id is not None:
        segments = [seg for seg in segments if seg.question_id == question_id]
    if not segments:
        where = f" in question {question_id!r}" if question_id else ""
        raise UserError(f"coder {coder!r} has no codings{where} to replay.")
    return segments


def replay_order(store: Store, segments: list[CodedSegment], seed=None) -> list[CodedSegment]:
    """Coding order, or with a seed: question by question, each shuffled reproducibly."""
    if seed is None:
        return list(segments)
    position = {row["id"]: index for index, row in enumerate(survey.question_rows(store))}
    rng = np.random.default_rng(seed)
    ordered = []
    for question in sorted({s.question_id for s in segments}, key=lambda q: position.get(q, 0)):
        members = [seg for seg in segments if seg.question_id == question]
        ordered.extend(members[index] for index in rng.permutation(len(members)))
    return ordered


def replay(
    matrix,
    segments,
    codebook,
    seed=None,
    on_progress=None,
    definitions=None,
    engine=DEFAULT_ENGINE,
    **model_params,
):
    """Suggest for each segment with a model of the earlier ones, then teach it the segment.

    ``definitions`` (vectors, code ids) are known from the start, as an imported code list is.
    """
    model = make_model(engine, random_state=seed or 0, **model_params)
    if definitions is not None:
        model.fit(matrix[:0], [], [], definitions=definitions)
    totals = Counter(seg.question_id for seg in segments)
    seen_in_question: Counter = Counter()
    code_counts: Counter = Counter()
    question_counts: dict[str, Counter] = {}
    steps = []
    for index, segment in enumerate(segments):
        row = matrix[index : index + 1]
        ranked = [item.code_id for item in model.suggest(row, segment.question_id, SHOWN_SUGGESTIONS)]
        in_question = question_counts.setdefault(segment.question_id, Counter())
        baseline = tuple(code for code, _ in (in_question or code_counts).most_common(3))
        share = seen_in_question[segment.question_id] / totals[segment.question_id]
        steps.append(_step(segment, ranked, code_counts, codebook, share, baseline))
        model.partial_fit(row, [segment.codes], [segment.question_id])
        seen_in_question[segment.question_id] += 1
        code_counts.update(segment.codes)
        in_question.update(segment.codes)
        if on_progress:
            on_progress(index + 1, len(segments))
    return steps


def _step(
    segment, ranked, code_counts: Counter, codebook, coded_share: float, baseline: tuple[str, ...]
) -> ReplayStep:
    known_names = [codebook.code(code).name for code in code_counts]

    def keys(shown: list[str]) -> int:
        return sum(
            keys_for_code(codebook.code(code).name, known_names, code in code_counts, code in shown)
            for code in segment.codes
        )

    return ReplayStep(
        segment_id=segment.segment_id,
        question_id=segment.question_id,
        coded_share=coded_share,
        true_codes=segment.codes,
        ranked=tuple(ranked),
        known=any(code in code_counts for code in segment.codes),
        baseline=baseline[0] if baseline else None,
        baseline_top=baseline,
        keys_with_suggestions=keys(ranked),
        keys_typing_only=keys([]),
    )


def summarise(steps: list[ReplayStep]) -> dict:
    """hit@1, hit@3, MRR, coverage, known-code hit@3, baseline, keystrokes, learning curve."""
    known = [step for step in steps if step.known]
    return {
        "segments": len(steps),
        "hit_at_1": _share(steps, lambda step: step.hit_at(1)),
        "hit_at_3": _share(steps, lambda step: step.hit_at(3)),
        "mrr": _mean([step.reciprocal_rank for step in steps]),
        "coverage": _share(steps, lambda step: bool(step.ranked)),
        "hit_at_3_known": _share(known, lambda step: step.hit_at(3)),
        "baseline_hit_at_1": _share(steps, lambda step: step.baseline in step.true_codes),
        "hit_at_1_known": _share(known, lambda step: step.hit_at(1)),
        "baseline_hit_at_3": _share(steps, baseline_hit_at_3),
        "baseline_hit_at_3_known": _share(known, baseline_hit_at_3),
        "ceiling": _share(steps, lambda step: step.known),
        "keystrokes_per_segment": {
            "with_suggestions": _mean([step.keys_with_suggestions for step in steps]),
            "typing_only": _mean([step.keys_typing_only for step in steps]),
        },
        "learning_curve": learning_curve(steps),
    }


def baseline_hit_at_3(step: ReplayStep) -> bool:
    """Whether one of the question's three most frequent codes so far is a true code."""
    return any(code in step.true_codes for code in step.baseline_top)


def learning_curve(steps: list[ReplayStep]) -> list[dict]:
    """Figures by how much of the segment's question had been coded before it (tenths)."""
    curve = []
    for bin_index in range(CURVE_BINS):
        low, high = bin_index / CURVE_BINS, (bin_index + 1) / CURVE_BINS
        members = [step for step in steps if low <= step.coded_share < high]
        if not members:
            continue
        curve.append(
            {
                "coded_share_from": low,
                "coded_share_to": high,
                "segments": len(members),
                "hit_at_1": _share(members, lambda step: step.hit_at(1)),
                "hit_at_3": _share(members, lambda step: step.hit_at(3)),
                "hit_at_3_known": _share([s for s in members if s.known], lambda s: s.hit_at(3)),
                "baseline_hit_at_1": _share(members, lambda step: step.baseline in step.true_codes),
            }
        )
    return curve


def cluster_agreement(
    matrix, segments, codebook, seed=None, by_code=False
) -> tuple[float | None, float | None]:
    """ARI and NMI of automatic clusters against the coder's main themes (or codes), per
    question, weighted by the question's segments (None when no question has enough)."""
    weighted_ari = weighted_nmi = total = 0.0
    for question in sorted({seg.question_id for seg in segments}):
        rows = [i for i, seg in enumerate(segments) if seg.question_id == question]
        if len(rows) < 10:
            continue
        themes = [
            segments[i].codes[0] if by_code else codebook.main_theme(segments[i].codes[0]) for i in rows
        ]
        labels = AnswerClusterer(random_state=seed or 0).fit(meaning(matrix[rows])).labels_
        weighted_ari += adjusted_rand_score(themes, labels) * len(rows)
        weighted_nmi += normalized_mutual_info_score(themes, labels) * len(rows)
        total += len(rows)
    if not total:
        return None, None
    return round(weighted_ari / total, 4), round(weighted_nmi / total, 4)


def _share(steps, predicate) -> float | None:
    return round(sum(1 for step in steps if predicate(step)) / len(steps), 4) if steps else None


def _mean(values) -> float | None:
    return round(float(np.mean(values)), 4) if values else None

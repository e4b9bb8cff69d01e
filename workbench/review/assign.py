"""Double-coding samples: a seeded random share of answers per question for a second coder."""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass

from workbench.errors import UserError
from workbench.store import coders as coder_rows
from workbench.store import segments as segment_rows
from workbench.store import survey, teams
from workbench.store.database import Store


@dataclass(frozen=True)
class BlindView:
    """What the terminal UI shows a coder: only the sample, and maybe no other coders' codes.

    ``sample_answer_ids`` is None when the coder has no sample (show every answer).
    """

    sample_answer_ids: frozenset[int] | None
    hide_other_coders: bool


@dataclass(frozen=True)
class Assignment:
    """The outcome of one ``assign`` run, per question: answers newly given to the coder."""

    coder: str
    new_answers_by_question: dict[str, int]
    total_segments: int
    questions_coded_only: bool = False


def blind_view(store: Store, coder: str) -> BlindView:
    """Which answers are in the coder's sample, and whether other coders' codes are hidden
    (read from ``review.blind.Visibility``, the one place that decides)."""
    from workbench.review.blind import Visibility

    view = Visibility.of(store, coder)
    return BlindView(sample_answer_ids=view.sample, hide_other_coders=view.blind)


def draw_sample(
    answers_by_question: dict[str, list[int]],
    already: set[int],
    share: float,
    seed: int | None,
) -> dict[str, list[int]]:
    """Per question, random answers that bring the coder's sample up to ``share`` of it."""
    generator = random.Random(seed)
    chosen: dict[str, list[int]] = {}
    for question in sorted(answers_by_question):
        answers = sorted(answers_by_question[question])
        target = round(share * len(answers))
        if share > 0 and answers and target == 0:
            target = 1
        candidates = [answer for answer in answers if answer not in already]
        missing = max(0, target - (len(answers) - len(candidates)))
        chosen[question] = sorted(generator.sample(candidates, min(missing, len(candidates))))
    return chosen


def coded_questions(store: Store, coder: str) -> list[str]:
    """Questions other (non-consensus) coders have coded: what a second coder can double-code."""
    others = [
        row["name"]
        for row in coder_rows.all_coders(store)
        if not row["is_consensus"] and row["name"] != coder
    ]
    return sorted({question for other in others for question in teams.questions_coded_by(store, other)})


def assign_sample(
    store: Store,
    coder: str,
    share: float,
    question_id: str | None = None,
    seed: int | None = None,
    blind: bool = True,
    all_questions: bool = False,
) -> Assignment:
    """Give the coder a stratified random sample of answers (all their segments) to double-code.

    Without a question, only questions another coder has coded are sampled (all of them when
    nobody has coded yet, or with ``all_questions``).
    """
    _check_request(store, share, question_id)
    coded = [] if question_id or all_questions else coded_questions(store, coder)
    answers_by_question, segments_by_answer = _answers_and_segments(store, question_id, coded)
    already = teams.assigned_answer_ids(store, coder)
    chosen = draw_sample(answers_by_question, already, share, seed)
    new_segments = [
        segment for answers in chosen.values() for answer in answers for segment in segments_by_answer[answer]
    ]
    how = {"share": share, "seed": seed, "questions": sorted(chosen)}
    teams.add_assignments(store, new_segments, coder, blind, how)
    total, _ = teams.assignment_summary(store, coder)
    counts = {question: len(answers) for question, answers in chosen.items()}
    return Assignment(coder, counts, total, bool(coded))


def _check_request(store: Store, share: float, question_id: str | None) -> None:
    if not 0 < share <= 1:
        raise UserError(f"--share must be above 0 and at most 1 (got {share}).")
    if question_id is not None and question_id not in survey.question_ids(store):
        raise UserError(f"{store.path}: no question with id {question_id!r}.")


def _answers_and_segments(
    store: Store, question_id: str | None, coded: list[str]
) -> tuple[dict[str, list[int]], dict[int, list[str]]]:
    """The answered answers per question (of ``coded`` questions, if any) and each one's segments."""
    rows = [row for row in segment_rows.answered_segments(store, question_id) if not coded or row[0] in coded]
    answers_by_question: dict[str, list[int]] = defaultdict(list)
    segments_by_answer: dict[int, list[str]] = defaultdict(list)
    for question, answer_id, segment_id in rows:
        if not segments_by_answer[answer_id]:
            answers_by_question[question].append(answer_id)
        segments_by_answer[answer_id].append(segment_id)
    return answers_by_question, segments_by_answer

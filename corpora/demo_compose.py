"""Compose one respondent's answer to one question from the phrase banks."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from demo_identifying import Surroundings, identifying_sentence
from demo_language import add_typos, to_nynorsk
from demo_phrases import CodeBank, QuestionBank, common

MAX_LENGTH = 900
MAX_DETAILS = 5  # per code and answer, so long answers differ in which details they pick
TWO_CODE_SHARE = 0.28  # of the longer answers; about a fifth of all answers
IDENTIFYING_SHARE = 0.105  # of the longer answers; about 8 % of all answers
EXCLUSIVE_SHORT_SHARE = 0.6
TYPO_RATE = 0.025
_NYNORSK_SHARE_BY_COUNTY = {
    "Vestland": 0.55,
    "Møre og Romsdal": 0.4,
    "Innlandet": 0.1,
    "Vestfold og Telemark": 0.1,
    "Rogaland": 0.1,
}
_NYNORSK_SHARE_ELSEWHERE = 0.02


@dataclass(frozen=True)
class Writer:
    """The person who fills in a unit's form, with their habits."""

    around: Surroundings
    nynorsk: bool
    verbosity: float
    terseness: float
    engagement: float


@dataclass(frozen=True)
class Answer:
    text: str
    codes: tuple[CodeBank, ...]


def make_writer(rng: random.Random, around: Surroundings, county: str) -> Writer:
    """A writer whose language follows the county and whose habits vary."""
    nynorsk_share = _NYNORSK_SHARE_BY_COUNTY.get(county, _NYNORSK_SHARE_ELSEWHERE)
    return Writer(
        around=around,
        nynorsk=rng.random() < nynorsk_share,
        verbosity=rng.lognormvariate(0, 0.35),
        terseness=rng.uniform(0.5, 1.6),
        engagement=rng.uniform(0.75, 1.2),
    )


def answers_question(rng: random.Random, writer: Writer, question: QuestionBank) -> bool:
    """Whether this writer answers this question at all."""
    return rng.random() < min(0.97, question.response_rate * writer.engagement)


def compose_answer(rng: random.Random, writer: Writer, question: QuestionBank) -> Answer:
    """An answer written from one code (sometimes two), with the writer's surface habits."""
    primary = _weighted_code(rng, question.codes)
    short_share = EXCLUSIVE_SHORT_SHARE if primary.exclusive else question.short_share
    if primary.short and rng.random() < short_share * writer.terseness:
        text, codes = rng.choice(primary.short), (primary,)
    else:
        codes = (primary, *_second_code(rng, question, primary))
        text = _long_text(rng, writer, question, codes)
        text = add_typos(rng, text, TYPO_RATE)
    if writer.nynorsk:
        text = to_nynorsk(text)
    return Answer(_sloppy_ending(rng, text), codes)


def _weighted_code(rng: random.Random, codes: tuple[CodeBank, ...]) -> CodeBank:
    return rng.choices(codes, [code.weight for code in codes])[0]


def _second_code(rng: random.Random, question: QuestionBank, primary: CodeBank) -> list[CodeBank]:
    if question.single_code or primary.exclusive or rng.random() >= TWO_CODE_SHARE:
        return []
    others = tuple(code for code in question.codes if code is not primary and not code.exclusive)
    return [_weighted_code(rng, others)]


def _target_length(rng: random.Random, writer: Writer, question: QuestionBank) -> float:
    median = question.median_length * writer.verbosity
    return min(MAX_LENGTH - 170, rng.lognormvariate(math.log(median), 0.7))


def _long_text(
    rng: random.Random, writer: Writer, question: QuestionBank, codes: tuple[CodeBank, ...]
) -> str:
    target = _target_length(rng, writer, question)
    share_of_first = 0.6 if len(codes) > 1 else 1.0
    sentences = _sentences_for(rng, codes[0], target * share_of_first, lead="")
    for code in codes[1:]:
        budget = target - _length(sentences)
        sentences += _sentences_for(rng, code, budget, lead=rng.choice(common.CONNECTORS))
    _add_extras(rng, writer, question, sentences)
    separator = "\n" if _length(sentences) > 400 and rng.random() < 0.15 else " "
    return separator.join(sentences)


def _add_extras(rng: random.Random, writer: Writer, question: QuestionBank, sentences: list[str]) -> None:
    """Maybe an identifying detail, a closing remark and an opening, where they fit."""
    write_in = question.kind == "other"
    identifying = (
        identifying_sentence(rng, writer.around, personal_only=write_in)
        if rng.random() < IDENTIFYING_SHARE
        else ""
    )
    closing = rng.choice(common.CLOSINGS) if not write_in and rng.random() < 0.1 else ""
    opening = rng.choice(question.openings) if question.openings and rng.random() < 0.2 else ""
    if identifying and _length(sentences) + len(identifying) <= MAX_LENGTH:
        sentences.insert(rng.randint(1, len(sentences)), identifying)
    if closing and _length(sentences) + len(closing) <= MAX_LENGTH:
        sentences.append(closing)
    if opening and _length(sentences) + len(opening) <= MAX_LENGTH:
        sentences.insert(0, opening)


def _sentences_for(rng: random.Random, code: CodeBank, budget: float, lead: str) -> list[str]:
    """A core sentence for the code, then details (and a paraphrase) until the budget is spent."""
    first, *paraphrases = rng.sample(code.core, len(code.core))
    sentences = [_with_lead(lead, first)]
    details = paraphrases[:1] + rng.sample(code.details, min(MAX_DETAILS, len(code.details)))
    while details and _length(sentences) + len(details[-1]) <= budget + 40:
        sentences.append(details.pop())
    return sentences


def _with_lead(lead: str, sentence: str) -> str:
    if not lead:
        return sentence
    keeps_capital = len(sentence) > 1 and sentence[1].isupper()
    return lead + (sentence if keeps_capital else sentence[:1].lower() + sentence[1:])


def _length(sentences: list[str]) -> int:
    return sum(len(sentence) + 1 for sentence in sentences)


def _sloppy_ending(rng: random.Random, text: str) -> str:
    """Some respondents drop the final full stop or start in lower case."""
    if text.endswith(".") and rng.random() < 0.08:
        text = text[:-1]
    if rng.random() < 0.03:
        text = text[:1].lower() + text[1:]
    return text

"""Hand-written Norwegian phrase banks for the demo survey, one entry per question.

Every code has full sentences (``core``), extra sentences that add concrete detail
(``details``) and terse answers (``short``). The generator combines them, so each code
is seen in many phrasings and a suggester has to generalise.
"""

from __future__ import annotations

from dataclasses import dataclass


def lines(block: str) -> tuple[str, ...]:
    """The non-blank, stripped lines of a multi-line string."""
    return tuple(line.strip() for line in block.strip().splitlines() if line.strip())


@dataclass(frozen=True)
class CodeBank:
    theme: str
    code: str
    weight: float
    core: tuple[str, ...]
    details: tuple[str, ...]
    short: tuple[str, ...]
    exclusive: bool  # a "nothing to report" code that never shares an answer with another


@dataclass(frozen=True)
class QuestionBank:
    id: str
    text: str
    kind: str
    chapter: str
    single_code: bool
    response_rate: float
    median_length: int
    short_share: float
    openings: tuple[str, ...]
    codes: tuple[CodeBank, ...]


def code(
    theme: str,
    name: str,
    weight: float,
    core: str,
    details: str,
    short: str = "",
    exclusive: bool = False,
) -> CodeBank:
    """A code with its phrase variants given as one-per-line blocks."""
    return CodeBank(theme, name, weight, lines(core), lines(details), lines(short), exclusive)


def question_banks() -> tuple[QuestionBank, ...]:
    """The ten questions of the demo survey, in questionnaire order."""
    from demo_phrases import q01_q02, q03_q04, q05_q06, q07_q08, q09_q10

    return (
        *q01_q02.QUESTIONS,
        *q03_q04.QUESTIONS,
        *q05_q06.QUESTIONS,
        *q07_q08.QUESTIONS,
        *q09_q10.QUESTIONS,
    )

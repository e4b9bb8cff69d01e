"""The demo survey's second wave (2024): the next year's form and its answers.

About 70 % of the units answer again. The form changed the way real forms do: q01 is
reworded, q03 renamed, q05 and q06 renamed and reworded, q02 dropped, q11 and q12 are new,
and q07 became a closed question built from the 2023 categories (column ``q07_tiltak``)
with an "Annet, hva?" write-in (``q07_annet``). One GP code is new, two are not used.
"""

from __future__ import annotations

import random
from dataclasses import replace

from demo_compose import answers_question, compose_answer, make_writer
from demo_identifying import surroundings
from demo_phrases import CodeBank, QuestionBank, question_banks, wave2024
from demo_units import Unit, reporting_units

WAVE = 2024
PARTICIPATION = 0.7
CLOSED_COLUMN = "q07_tiltak"
CLOSED_RESPONSE_RATE = 0.85
OTHER_SHARE = 0.16  # of those answering the closed question, how many tick "Annet" and write
OTHER_LABEL = "Annet"
_NOT_USED_IN_2024 = {"Bedre samarbeid enn før pandemien", "Fastlegene prioriterte smittevern og vaksinering"}


def _by_id() -> dict[str, QuestionBank]:
    return {bank.id: bank for bank in question_banks()}


def closed_options() -> tuple[str, ...]:
    """The 2024 closed question's options: the 2023 q07 codes, in their order."""
    return tuple(code.code for code in _by_id()["q07"].codes)


def _write_in() -> QuestionBank:
    old = _by_id()["q07"]
    kept = tuple(replace(code, weight=0.35) for code in old.codes if not code.exclusive)
    return replace(
        old,
        id="q07_annet",
        text=old.text + " – Annet, hva?",
        kind="other",
        single_code=True,
        response_rate=1.0,
        median_length=90,
        short_share=0.4,
        openings=(),
        codes=(wave2024.RECRUIT_ABROAD, wave2024.RECRUIT_SHARED, wave2024.RECRUIT_TEMPORARY, *kept),
    )


def form() -> tuple[QuestionBank, ...]:
    """The 2024 questions in questionnaire order (the write-in last of the q07 pair)."""
    old = _by_id()
    gp_codes = tuple(code for code in old["q01"].codes if code.code not in _NOT_USED_IN_2024)
    return (
        replace(
            old["q01"],
            text="Hvordan fungerer samarbeidet med fastlegene i dag?",
            codes=(*gp_codes[:3], wave2024.GP_SHORTAGE, *gp_codes[3:]),
        ),
        replace(old["q03"], id="rus_utfordringer"),
        old["q04"],
        replace(
            old["q05"],
            id="bolig",
            text="Hva er de største utfordringene med bolig for personer med psykiske lidelser "
            "eller rusproblemer?",
        ),
        replace(
            old["q06"],
            id="etterlatte_barn",
            text="Hva tilbyr kommunen barn og unge som er etterlatte etter selvmord?",
        ),
        _write_in(),
        old["q08"],
        old["q09"],
        old["q10"],
        _new_question(
            "q11",
            "På hvilke måter involverer kommunen brukerne i utviklingen av tjenestene?",
            "14 Brukermedvirkning",
            (
                wave2024.INVOLVEMENT_BOARD,
                wave2024.INVOLVEMENT_SURVEYS,
                wave2024.INVOLVEMENT_PEERS,
                wave2024.INVOLVEMENT_LITTLE,
            ),
        ),
        _new_question(
            "q12",
            "Hvilke digitale tjenester tilbyr kommunen innen psykisk helse og rus?",
            "15 Digitale tjenester",
            (wave2024.DIGITAL_VIDEO, wave2024.DIGITAL_PROGRAMS, wave2024.DIGITAL_CHAT, wave2024.DIGITAL_NONE),
        ),
    )


def _new_question(question_id: str, text: str, chapter: str, codes: tuple[CodeBank, ...]) -> QuestionBank:
    return QuestionBank(
        id=question_id,
        text=text,
        kind="open",
        chapter=chapter,
        single_code=False,
        response_rate=0.6,
        median_length=170,
        short_share=0.15,
        openings=(),
        codes=codes,
    )


def survey_rows(
    rng: random.Random, questions: tuple[QuestionBank, ...]
) -> tuple[list[list[str]], list[list[str]]]:
    """One wide row per answering unit (with the closed column), and the truth rows."""
    units = reporting_units()
    answer_rows, truth_rows = [], []
    for unit in units:
        if rng.random() >= PARTICIPATION:
            continue
        row, truth = _unit_row(rng, unit, units, questions)
        answer_rows.append(row)
        truth_rows += truth
    return answer_rows, truth_rows


def _unit_row(
    rng: random.Random, unit: Unit, units: list[Unit], questions: tuple[QuestionBank, ...]
) -> tuple[list[str], list[list[str]]]:
    writer = make_writer(rng, surroundings(unit, units), unit.county)
    row, truth = [unit.id, unit.name, unit.county, unit.size_group], []
    ticked = _ticked_options(rng)
    row.append("; ".join(ticked))
    for question in questions:
        if question.id == "q07_annet":
            answering = OTHER_LABEL in ticked
        else:
            answering = answers_question(rng, writer, question)
        if not answering:
            row.append("")
            continue
        answer = compose_answer(rng, writer, question)
        row.append(answer.text)
        truth += [[unit.id, question.id, answer.text, code.theme, code.code] for code in answer.codes]
    return row, truth


def _ticked_options(rng: random.Random) -> list[str]:
    """The closed question's ticks: none, one exclusive "no problem" option, or one to three."""
    if rng.random() >= CLOSED_RESPONSE_RATE:
        return []
    codes = _by_id()["q07"].codes
    chosen = rng.choices(codes, [code.weight for code in codes])[0]
    if chosen.exclusive:
        return [chosen.code]
    others = [code for code in codes if not code.exclusive and code is not chosen]
    ticked = {chosen.code, *(code.code for code in rng.sample(others, rng.choice((0, 0, 1, 2))))}
    ordered = [option for option in closed_options() if option in ticked]
    return ordered + [OTHER_LABEL] if rng.random() < OTHER_SHARE else ordered

"""Last year's codebook for this year's question: which codes carry over, which are not used.

The codebook is the project's, so every code keeps its id from wave to wave. A continued
question keeps its project id, so the codes used for it last year are found by the
question id; a split or merged question also looks at its source questions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workbench.coding.codebook_tree import Codebook
from workbench.errors import UserError
from workbench.store import Store, survey, waves
from workbench.store.codes import code_row


@dataclass(frozen=True)
class CarriedCode:
    """A code used for a question (or its sources) in some wave, and whether it is in use now."""

    code_id: str
    path: str
    respondents_by_wave: dict[int, int] = field(default_factory=dict)
    used_this_wave: bool = True


def source_questions(store: Store, question_id: str, wave: int) -> list[str]:
    """The question itself and the earlier questions it was split from or merged from."""
    rows = waves.question_wave_rows(store, wave)
    sources = [source for row in rows if row["question_id"] == question_id for source in row["sources"]]
    return list(dict.fromkeys([question_id, *sources]))


def attributed_questions(store: Store, question_id: str, wave: int) -> tuple[str, ...]:
    """The questions whose answers in ``wave`` stand for ``question_id`` in a comparison.

    The question itself when it was asked in ``wave``. Otherwise, for a question split from
    an earlier one, that whole earlier question; for one merged from several, all of them
    (pooled: each respondent once). A source not asked in ``wave`` either is followed to its
    own sources. Empty when nothing stands for it.
    """
    asked = waves.questions_in_wave(store, wave)
    sources_of: dict[str, list[str]] = {}
    for row in waves.question_wave_rows(store):
        if row["status"] in ("split", "merged"):
            sources_of.setdefault(row["question_id"], []).extend(row["sources"])
    found: list[str] = []
    pending, seen = [question_id], set()
    while pending:
        current = pending.pop(0)
        if current in seen:
            continue
        seen.add(current)
        if current in asked:
            found.append(current)
        else:
            pending.extend(sources_of.get(current, []))
    return tuple(dict.fromkeys(found))


def question_families(store: Store) -> dict[str, str]:
    """Questions joined by a split or merge, each mapped to one label (its family's first id).

    Suggestions learn per question; a split or merged question learns with the earlier
    question(s) it came from (and a split's parts with each other), so last year's coded
    answers are its examples too. Questions in no split or merge are left out.
    """
    parent: dict[str, str] = {}

    def root(question_id: str) -> str:
        while parent.setdefault(question_id, question_id) != question_id:
            question_id = parent[question_id]
        return question_id

    for row in waves.question_wave_rows(store):
        if row["status"] in ("split", "merged"):
            for source in row["sources"]:
                first, second = sorted((root(row["question_id"]), root(source)))
                parent[second] = first
    return {question_id: root(question_id) for question_id in parent}


def carried_codes(store: Store, question_id: str, wave: int) -> list[CarriedCode]:
    """The live codes used for the question in any wave, with respondents per wave."""
    not_used = waves.codes_not_used(store, wave)
    codebook = Codebook.from_store(store)
    counts: dict[str, dict[int, int]] = {}
    for row in waves.codes_used_for_question(store, source_questions(store, question_id, wave)):
        live = codebook.resolve(row["code_id"])
        if live is not None:
            by_wave = counts.setdefault(live, {})
            by_wave[row["wave"]] = by_wave.get(row["wave"], 0) + row["respondents"]
    return sorted(
        (
            CarriedCode(code, codebook.path(code), by_wave, code not in not_used)
            for code, by_wave in counts.items()
        ),
        key=lambda carried: carried.path,
    )


def mark_not_used(store: Store, code_id: str, wave: int, coder: str | None) -> None:
    """Keep the code in the codebook but mark it as not used in ``wave``; logged."""
    _check_code(store, code_id)
    with store.atomic():
        waves.mark_code_not_used(store, code_id, wave, coder)
        store.log_event("code.not_used", coder=coder, target=code_id, after={"wave": wave})


def use_again(store: Store, code_id: str, wave: int, coder: str | None) -> None:
    """Undo ``mark_not_used`` for ``wave``; logged."""
    _check_code(store, code_id)
    with store.atomic():
        waves.unmark_code_not_used(store, code_id, wave)
        store.log_event("code.used_again", coder=coder, target=code_id, after={"wave": wave})


def _check_code(store: Store, code_id: str) -> None:
    if code_row(store, code_id) is None:
        raise UserError(f"there is no code with id {code_id}.")


CODING_WAVE_SETTING = "coding_wave"


def set_coding_wave(store: Store, wave: int) -> None:
    """Make ``wave`` the one the workbench opens at (the demo starts in its first wave)."""
    if wave not in survey.waves(store):
        raise UserError(f"{store.path}: the project has no answers in wave {wave}.")
    store.set_setting(CODING_WAVE_SETTING, str(wave))


def opening_wave(store: Store, asked: int | None = None) -> int | None:
    """The wave to code: the one asked for, else the project's coding wave, else the newest."""
    present = survey.waves(store)
    if asked is not None:
        if asked not in present:
            known = ", ".join(str(wave) for wave in present) or "none"
            raise UserError(f"{store.path}: the project has no answers in wave {asked} (waves: {known}).")
        return asked
    stored = store.get_setting(CODING_WAVE_SETTING)
    if stored is not None and stored.isdigit() and int(stored) in present:
        return int(stored)
    return present[-1] if present else None

"""Importing a survey file into a project: read, shape, validate, then write in one transaction."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from workbench.errors import UserError
from workbench.ingest.long import long_survey
from workbench.ingest.model import SurveyData
from workbench.ingest.questions import QuestionSpec, read_questions_file
from workbench.ingest.replacing import differing_answers, differing_warning, replace_texts
from workbench.ingest.tables import read_table
from workbench.ingest.wave_import import mapping_for_import
from workbench.ingest.wide import wide_survey
from workbench.store import Store, imports, waves
from workbench.store import survey as survey_rows

LAYOUTS = ("wide", "long")
_CHUNK_ROWS = 20_000

ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True)
class ImportResult:
    """What one import added."""

    file: Path
    wave: int
    new_answers: int
    new_nonresponses: int
    questions: int
    respondents: int
    replaced: int = 0
    warnings: tuple[str, ...] = ()

    def summary(self) -> str:
        """One line for the user: what was added, or "0 new" for a file already imported."""
        if self.replaced:
            return (
                f"Replaced the text of {self.replaced} answers and imported {self.new_answers} new "
                f"answers, wave {self.wave}."
            )
        if self.new_answers == 0 and self.warnings:
            return f"0 new answers from {self.file.name} in wave {self.wave}."
        if self.new_answers == 0:
            return f"0 new answers: every answer in {self.file.name} is already in wave {self.wave}."
        return (
            f"Imported {self.new_answers} new answers ({self.new_nonresponses} non-responses) "
            f"for {self.questions} questions from {self.respondents} respondents, wave {self.wave}."
        )


def import_survey(
    store: Store,
    path: str | Path,
    *,
    layout: str = "wide",
    wave: int | None = None,
    id_column: str | None = None,
    questions_file: str | Path | None = None,
    question_columns: list[str] | None = None,
    on_progress: ProgressCallback | None = None,
    mapping_file: str | Path | None = None,
    replace: bool = False,
) -> ImportResult:
    """Import a wide or long CSV/XLSX survey file as one wave; nothing is written on error.

    Answers already in the project (same respondent, question and wave) are left unchanged,
    so importing a file twice adds nothing the second time; answers whose text differs are
    reported, and replaced only with ``replace`` (refused for split or emptied coded answers).
    The file's questions are mapped to earlier waves' (``mapping_file``, else a proposal that
    needs no judgement).
    """
    wave = date.today().year if wave is None else check_wave(wave)
    survey = read_survey(
        path,
        layout=layout,
        id_column=id_column,
        questions_file=questions_file,
        question_columns=question_columns,
    )
    file = Path(path)
    mapping = mapping_for_import(store, survey, wave, file, mapping_file)
    survey = mapping.apply(survey)
    with store.atomic():
        replaced, warnings = _settle_differing_texts(store, survey, wave, file, replace)
        new_answers, new_nonresponses = write_survey(store, survey, wave, on_progress)
        if new_answers or new_nonresponses or replaced:
            waves.record_question_waves(store, wave, mapping.rows())
            record_import(store, file, layout, wave, new_answers)
    counts = (new_answers, new_nonresponses, len(mapping.links), len(survey.respondents), replaced)
    return ImportResult(file, wave, *counts, tuple(warnings))


def _settle_differing_texts(
    store: Store, survey: SurveyData, wave: int, file: Path, replace: bool
) -> tuple[int, list[str]]:
    """Answers already imported whose text differs: replaced with ``replace``, else reported.

    Returns the number replaced and the import's warnings.
    """
    warnings = list(survey.warnings)
    differing = differing_answers(store, wave, survey.answers)
    if differing and replace:
        return replace_texts(store, wave, differing), warnings
    if differing:
        warnings.append(differing_warning(file.name, wave, differing))
    return 0, warnings


def read_survey(
    path: str | Path,
    *,
    layout: str = "wide",
    id_column: str | None = None,
    questions_file: str | Path | None = None,
    question_columns: list[str] | None = None,
) -> SurveyData:
    """Read and validate a survey file without touching any project."""
    if layout not in LAYOUTS:
        raise UserError(f"unknown layout '{layout}'; choose one of {', '.join(LAYOUTS)}.")
    if questions_file and question_columns:
        raise UserError("name the questions with --questions or with --question-columns, not both.")
    questions = read_questions_file(questions_file) if questions_file else None
    table = read_table(path)
    if layout == "long":
        survey = long_survey(table, id_column=id_column, questions=questions)
    else:
        survey = wide_survey(
            table, id_column=id_column, questions=questions, question_columns=question_columns
        )
    survey.warnings.extend(table.warnings)
    return survey


def record_import(store: Store, file: Path, layout: str, wave: int, new_answers: int) -> None:
    """Note the import in the imports table and the event log."""
    imports.record_import(
        store,
        file_name=file.name,
        file_sha256=file_sha256(file),
        layout=layout,
        wave=wave,
        new_answers=new_answers,
    )
    store.log_event(
        "survey_imported",
        coder=None,
        target=file.name,
        after={"wave": wave, "layout": layout, "new_answers": new_answers},
    )


def write_survey(
    store: Store, survey: SurveyData, wave: int, on_progress: ProgressCallback | None
) -> tuple[int, int]:
    """Write questions, respondents, answers and default segments; (new answers, non-responses)."""
    report = on_progress or (lambda done, total: None)
    write_questions(store, survey.questions)
    imports.add_respondents(store, survey.respondents)
    existing = imports.respondent_question_pairs(store, wave)
    new_answers = [answer for answer in survey.answers if answer[:2] not in existing]
    first_id = imports.last_answer_id(store) + 1
    total = len(new_answers)
    for start in range(0, total, _CHUNK_ROWS):
        chunk = new_answers[start : start + _CHUNK_ROWS]
        imports.add_answers(store, wave, first_id + start, chunk)
        report(start + len(chunk), total)
    report(total, total)
    return total, sum(1 for _, _, text in new_answers if not text.strip())


def write_questions(store: Store, questions: list[QuestionSpec]) -> None:
    """Add the file's new questions after the known ones, in file order."""
    first_position = survey_rows.next_question_position(store)
    imports.add_questions(
        store,
        (
            (spec.id, spec.text, spec.kind, spec.chapter, first_position + index, int(spec.single_code))
            for index, spec in enumerate(questions)
        ),
    )


def check_wave(wave: int) -> int:
    if not 1900 <= wave <= 2200:
        raise UserError(f"wave {wave} is not a survey year (expected e.g. {date.today().year}).")
    return wave


def file_sha256(file: Path) -> str:
    digest = hashlib.sha256()
    with file.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()

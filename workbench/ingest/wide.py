"""The wide layout: one row per respondent, one column per question, other columns attributes."""

from __future__ import annotations

from workbench.errors import UserError
from workbench.ingest.attributes import complete_attributes, respondent_id
from workbench.ingest.model import SurveyData
from workbench.ingest.questions import QuestionSpec
from workbench.ingest.tables import Table


def wide_survey(
    table: Table,
    *,
    id_column: str | None,
    questions: list[QuestionSpec] | None,
    question_columns: list[str] | None,
) -> SurveyData:
    """Answers from the question columns; every other column is a respondent attribute."""
    specs = _question_specs(table, questions, question_columns)
    id_index = _id_index(table, id_column)
    question_indexes = [_question_index(table, spec.id, questions is not None) for spec in specs]
    _refuse_shared_columns(table, id_index, question_indexes)
    attribute_indexes = [
        index for index in range(len(table.header)) if index != id_index and index not in question_indexes
    ]
    respondents: dict[str, dict] = {}
    first_row: dict[str, int] = {}
    answers: list[tuple[str, str, str]] = []
    for row_number, cells in table.rows:
        respondent = _respondent(table, id_index, row_number, cells, first_row)
        attributes = {table.header[index]: cells[index].strip() for index in attribute_indexes}
        respondents[respondent] = complete_attributes(
            respondent, attributes, f"{table.file}: row {row_number}"
        )
        answers.extend(
            (respondent, spec.id, cells[index]) for spec, index in zip(specs, question_indexes, strict=True)
        )
    return SurveyData(specs, respondents, answers)


def _question_specs(
    table: Table, questions: list[QuestionSpec] | None, question_columns: list[str] | None
) -> list[QuestionSpec]:
    if questions is not None:
        return questions
    if question_columns:
        return [QuestionSpec(id=name, text=name) for name in question_columns]
    raise UserError(
        f"{table.file}: the wide layout needs to know which columns hold answers; "
        "give a questions file with --questions FILE or name them with --question-columns A,B."
    )


def _id_index(table: Table, id_column: str | None) -> int:
    if id_column is None:
        return 0
    index = table.find_column(id_column)
    if index is None:
        raise UserError(
            f"{table.file}: row 1: there is no respondent id column '{id_column}' "
            f"(the columns are {', '.join(table.header)})."
        )
    return index


def _question_index(table: Table, question_id: str, from_questions_file: bool) -> int:
    index = table.find_column(question_id)
    if index is None:
        source = "the questions file" if from_questions_file else "--question-columns"
        raise UserError(
            f"{table.file}: row 1: the question column '{question_id}' (from {source}) is not in the file."
        )
    return index


def _refuse_shared_columns(table: Table, id_index: int, question_indexes: list[int]) -> None:
    """Each question needs its own column, and none may be the respondent id column."""
    seen = {id_index}
    for index in question_indexes:
        if index in seen:
            raise UserError(
                f"{table.file}: row 1: column '{table.header[index]}' is named twice as a question "
                "column or is also the respondent id column."
            )
        seen.add(index)


def _respondent(
    table: Table, id_index: int, row_number: int, cells: list[str], first_row: dict[str, int]
) -> str:
    column = table.header[id_index]
    respondent = respondent_id(cells[id_index])
    if not respondent:
        raise UserError(f"{table.file}: row {row_number}, column '{column}': the respondent id is empty.")
    if respondent in first_row:
        raise UserError(
            f"{table.file}: row {row_number}, column '{column}': respondent '{respondent}' "
            f"already has a row ({first_row[respondent]}), so its answers would be duplicated."
        )
    first_row[respondent] = row_number
    return respondent

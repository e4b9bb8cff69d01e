"""The long layout: one row per answer with respondent, question and text columns."""

from __future__ import annotations

from workbench.errors import UserError
from workbench.ingest.attributes import complete_attributes, respondent_id
from workbench.ingest.model import SurveyData
from workbench.ingest.questions import QuestionSpec
from workbench.ingest.tables import Table

RESPONDENT_COLUMNS = ("respondent", "respondent_id")
QUESTION_COLUMNS = ("question", "question_id")
TEXT_COLUMNS = ("text", "answer")


def long_survey(
    table: Table, *, id_column: str | None, questions: list[QuestionSpec] | None
) -> SurveyData:
    """Answers from the rows; columns other than respondent, question, text are attributes."""
    respondent_index = _column(table, (id_column,) if id_column else RESPONDENT_COLUMNS)
    question_index = _column(table, QUESTION_COLUMNS)
    text_index = _column(table, TEXT_COLUMNS)
    core = {respondent_index, question_index, text_index}
    attribute_indexes = [index for index in range(len(table.header)) if index not in core]
    known = None if questions is None else {spec.id for spec in questions}
    first_row: dict[tuple[str, str], int] = {}
    raw_attributes: dict[str, dict[str, str]] = {}
    attribute_rows: dict[str, int] = {}
    answers: list[tuple[str, str, str]] = []
    for row_number, cells in table.rows:
        respondent = _cell(table, row_number, cells, respondent_index, "respondent id")
        respondent = respondent_id(respondent)
        question = _cell(table, row_number, cells, question_index, "question id").strip()
        _check_question(table, row_number, question_index, question, known)
        _check_unique(table, row_number, (respondent, question), first_row)
        answers.append((respondent, question, cells[text_index]))
        if respondent not in raw_attributes:
            attribute_rows[respondent] = row_number
            raw_attributes[respondent] = {}
        collected = raw_attributes[respondent]
        for index in attribute_indexes:
            if cells[index].strip() and not collected.get(table.header[index]):
                collected[table.header[index]] = cells[index].strip()
    respondents = {
        respondent: complete_attributes(
            respondent, attributes, f"{table.file}: row {attribute_rows[respondent]}"
        )
        for respondent, attributes in raw_attributes.items()
    }
    return SurveyData(_specs(questions, answers), respondents, answers)


def _column(table: Table, names: tuple[str, ...]) -> int:
    index = table.find_column(*names)
    if index is None:
        raise UserError(
            f"{table.file}: row 1: the long layout needs a column named '{names[0]}' "
            f"(the columns are {', '.join(table.header)})."
        )
    return index


def _cell(table: Table, row_number: int, cells: list[str], index: int, what: str) -> str:
    value = cells[index].strip()
    if not value:
        raise UserError(
            f"{table.file}: row {row_number}, column '{table.header[index]}': the {what} is empty."
        )
    return value


def _check_question(
    table: Table, row_number: int, index: int, question: str, known: set[str] | None
) -> None:
    if known is not None and question not in known:
        raise UserError(
            f"{table.file}: row {row_number}, column '{table.header[index]}': question "
            f"'{question}' is not in the questions file."
        )


def _check_unique(
    table: Table, row_number: int, key: tuple[str, str], first_row: dict[tuple[str, str], int]
) -> None:
    if key in first_row:
        raise UserError(
            f"{table.file}: row {row_number}, columns '{RESPONDENT_COLUMNS[0]}' and "
            f"'{QUESTION_COLUMNS[0]}': respondent '{key[0]}' already answered question "
            f"'{key[1]}' in row {first_row[key]}."
        )
    first_row[key] = row_number


def _specs(
    questions: list[QuestionSpec] | None, answers: list[tuple[str, str, str]]
) -> list[QuestionSpec]:
    """The questions file's list, or the questions in order of first appearance."""
    if questions is not None:
        return questions
    order = dict.fromkeys(question for _, question, _ in answers)
    return [QuestionSpec(id=question, text=question) for question in order]

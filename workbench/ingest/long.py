"""The long layout: one row per answer with respondent, question and text columns."""

from __future__ import annotations

from dataclasses import dataclass, field

from workbench.errors import UserError
from workbench.ingest.attributes import complete_attributes, respondent_id
from workbench.ingest.model import SurveyData
from workbench.ingest.questions import QuestionSpec
from workbench.ingest.tables import Table

RESPONDENT_COLUMNS = ("respondent", "respondent_id")
QUESTION_COLUMNS = ("question", "question_id")
TEXT_COLUMNS = ("text", "answer")


@dataclass(frozen=True)
class LongColumns:
    """Where the respondent, question and text are; every other column is an attribute."""

    respondent: int
    question: int
    text: int
    attributes: list[int]


def long_survey(table: Table, *, id_column: str | None, questions: list[QuestionSpec] | None) -> SurveyData:
    """Answers from the rows; columns other than respondent, question, text are attributes."""
    columns = long_columns(table, id_column)
    known = None if questions is None else {spec.id for spec in questions}
    first_row: dict[tuple[str, str], int] = {}
    attributes = AttributeCollector(table, columns.attributes)
    answers: list[tuple[str, str, str]] = []
    for row_number, cells in table.rows:
        key = _answer_key(table, columns, row_number, cells, known)
        if key in first_row:
            raise _duplicate(table, columns, row_number, key, first_row[key])
        first_row[key] = row_number
        answers.append((*key, cells[columns.text]))
        attributes.collect(key[0], row_number, cells)
    return SurveyData(_specs(questions, answers), attributes.completed(), answers)


def long_columns(table: Table, id_column: str | None) -> LongColumns:
    respondent = _column(table, (id_column,) if id_column else RESPONDENT_COLUMNS)
    question = _column(table, QUESTION_COLUMNS)
    text = _column(table, TEXT_COLUMNS)
    others = [index for index in range(len(table.header)) if index not in (respondent, question, text)]
    return LongColumns(respondent, question, text, others)


@dataclass
class AttributeCollector:
    """Per respondent, the first non-empty value of each attribute column and its first row."""

    table: Table
    indexes: list[int]
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    first_rows: dict[str, int] = field(default_factory=dict)

    def collect(self, respondent: str, row_number: int, cells: list[str]) -> None:
        collected = self.values.get(respondent)
        if collected is None:
            self.first_rows[respondent] = row_number
            self.values[respondent] = {self.table.header[i]: cells[i].strip() for i in self.indexes}
        elif "" in collected.values():
            for index in self.indexes:
                name = self.table.header[index]
                collected[name] = collected[name] or cells[index].strip()

    def completed(self) -> dict[str, dict]:
        return {
            respondent: complete_attributes(
                respondent, values, f"{self.table.file}: row {self.first_rows[respondent]}"
            )
            for respondent, values in self.values.items()
        }


def _column(table: Table, names: tuple[str, ...]) -> int:
    index = table.find_column(*names)
    if index is None:
        raise UserError(
            f"{table.file}: row 1: the long layout needs a column named '{names[0]}' "
            f"(the columns are {', '.join(table.header)})."
        )
    return index


def _answer_key(
    table: Table, columns: LongColumns, row_number: int, cells: list[str], known: set[str] | None
) -> tuple[str, str]:
    respondent = respondent_id(_cell(table, row_number, cells, columns.respondent, "respondent id"))
    question = _cell(table, row_number, cells, columns.question, "question id")
    if known is not None and question not in known:
        raise UserError(
            f"{table.file}: row {row_number}, column '{table.header[columns.question]}': question "
            f"'{question}' is not in the questions file."
        )
    return respondent, question


def _cell(table: Table, row_number: int, cells: list[str], index: int, what: str) -> str:
    value = cells[index].strip()
    if not value:
        raise UserError(
            f"{table.file}: row {row_number}, column '{table.header[index]}': the {what} is empty."
        )
    return value


def _duplicate(
    table: Table, columns: LongColumns, row_number: int, key: tuple[str, str], first: int
) -> UserError:
    return UserError(
        f"{table.file}: row {row_number}, columns '{table.header[columns.respondent]}' and "
        f"'{table.header[columns.question]}': respondent '{key[0]}' already answered question "
        f"'{key[1]}' in row {first}."
    )


def _specs(questions: list[QuestionSpec] | None, answers: list[tuple[str, str, str]]) -> list[QuestionSpec]:
    """The questions file's list, or the questions in order of first appearance."""
    if questions is not None:
        return questions
    order = dict.fromkeys(question for _, question, _ in answers)
    return [QuestionSpec(id=question, text=question) for question in order]

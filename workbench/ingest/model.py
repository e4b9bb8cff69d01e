"""The survey a file describes, in the shape the database takes it."""

from __future__ import annotations

from dataclasses import dataclass, field

from workbench.ingest.questions import QuestionSpec


@dataclass
class SurveyData:
    """Questions in file order, respondents with their attributes, and raw answers."""

    questions: list[QuestionSpec]
    respondents: dict[str, dict]
    answers: list[tuple[str, str, str]]  # (respondent id, question id, raw text)
    warnings: list[str] = field(default_factory=list)  # said to the user, the import goes on

"""A small real project for Pilot tests: six respondents, two questions, imported from CSV."""

from __future__ import annotations

import pytest

from workbench.ingest import import_survey
from workbench.project import create_project
from workbench.settings import Settings
from workbench.store import Store

ANSWERS = [
    ("0301", "Oslo", "Oslo", "Bydel i Oslo", "Vi har faste møter med fastlegene.", "Lite endring."),
    (
        "1103",
        "Stavanger",
        "Rogaland",
        "50 000 og mer",
        "Samarbeidet fungerer godt. Men vi mangler psykologer.",
        "",
    ),
    ("3001", "Halden", "Viken", "20 000–49 999", "Som før.", "Ingen endring."),
    (
        "4601",
        "Bergen",
        "Vestland",
        "50 000 og mer",
        "Fastlegene deltar sjelden i møter.",
        "Mer digitale møter.",
    ),
    (
        "5001",
        "Trondheim",
        "Trøndelag",
        "50 000 og mer",
        "Vi har et godt samarbeid med DPS og fastleger.",
        "Uendret.",
    ),
    ("1804", "Bodø", "Nordland", "50 000 og mer", "Ventetiden er for lang.", "Som før."),
]
QUESTIONS_YAML = """\
- id: q01
  text: "Hvordan fungerer samarbeidet med fastlegene?"
  kind: open
  chapter: "3 Samarbeid"
- id: q02
  text: "Hva endret seg under pandemien?"
  kind: open
  chapter: "5 Pandemien"
"""


def write_project(folder) -> str:
    """Create and import the small survey; return the project path."""
    survey = folder / "answers.csv"
    lines = ["respondent_id;name;county;size_group;q01;q02"]
    lines += [";".join(row) for row in ANSWERS]
    survey.write_text("\n".join(lines) + "\n", encoding="utf-8")
    questions = folder / "questions.yaml"
    questions.write_text(QUESTIONS_YAML, encoding="utf-8")
    path = folder / "project.db"
    with create_project(path) as store:
        import_survey(store, survey, layout="wide", wave=2024, questions_file=questions)
    return str(path)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def project_path(tmp_path, monkeypatch) -> str:
    monkeypatch.setenv("WORKBENCH_CONFIG_DIR", str(tmp_path / "config"))
    return write_project(tmp_path)


@pytest.fixture
def make_app(project_path):
    """Build the app on the temporary project, as ``make_app`` would, without a lock."""
    from workbench import coding
    from workbench.tui import WorkbenchApp

    def build(**settings):
        store = Store(project_path)
        coding.ensure_coder(store, "ola")
        return WorkbenchApp(store, None, Settings(**settings), coder="ola")

    return build

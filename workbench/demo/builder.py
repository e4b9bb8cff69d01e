"""The bundled demo project: the synthetic survey in ``workbench/demo/`` imported into a project.

It is built once in the user's data folder (or at a given path) and reused afterwards.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from workbench.errors import UserError
from workbench.ingest import ImportResult, import_survey
from workbench.project import create_project

DEMO_WAVE = 2023
DEMO_FILE_NAME = "demo.db"


def demo_source_files() -> tuple[Path, Path]:
    """The demo corpus shipped with the package: the wide answers CSV and its questions file."""
    folder = Path(str(resources.files("workbench.demo")))
    answers, questions = folder / "answers.csv", folder / "questions.yaml"
    for path in (answers, questions):
        if not path.is_file():
            raise UserError(f"{path}: the demo corpus file is missing from this installation.")
    return answers, questions


def default_demo_path() -> Path:
    """Where the demo project lives unless told otherwise: the user's data folder."""
    import platformdirs

    return platformdirs.user_data_path("workbench", appauthor=False) / DEMO_FILE_NAME


def ensure_demo_project(path: str | Path | None = None, on_progress=None) -> tuple[Path, bool]:
    """The demo project's path, building it first if it does not exist; (path, was built)."""
    target = Path(path) if path is not None else default_demo_path()
    if target.exists():
        return target, False
    answers, questions = demo_source_files()
    build_demo_project(target, answers, questions, on_progress=on_progress)
    return target, True


def build_demo_project(target: Path, answers: Path, questions: Path, *, on_progress=None) -> ImportResult:
    """Import the demo survey into a new project at ``target``.

    The project is built under a temporary name and renamed when complete, so an interrupted
    build never leaves a half-filled demo that would be reused.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".building")
    remove_project_files(partial)
    try:
        with create_project(partial) as store:
            result = import_survey(
                store, answers, questions_file=questions, wave=DEMO_WAVE, on_progress=on_progress
            )
        os.replace(partial, target)
    finally:
        remove_project_files(partial)
    return result


def remove_project_files(path: Path) -> None:
    """Delete a project file and its SQLite side files, if present."""
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        leftover.unlink(missing_ok=True)

"""The bundled demo project: the synthetic survey in ``workbench/demo/`` imported into a project.

Both waves are imported: 2023, then 2024 with its checked question mapping
(``mapping_2024.yaml``), so the yearly cycle can be tried. Coding starts in 2023: the
project's coding wave is set to it, and the terminal UI opens there. The project is built
once in the user's data folder (or at a given path) and reused afterwards.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from workbench.coding.waves import set_coding_wave
from workbench.errors import UserError
from workbench.ingest import ImportResult, import_survey
from workbench.project import create_project

DEMO_WAVE = 2023
SECOND_WAVE = 2024
DEMO_FILE_NAME = "demo.db"


@dataclass(frozen=True)
class DemoWave:
    """One wave of the demo corpus: its year, answers, questions and mapping (None for the first)."""

    year: int
    answers: Path
    questions: Path
    mapping: Path | None = None


def demo_source_files() -> tuple[DemoWave, ...]:
    """The demo corpus shipped with the package, one entry per wave, oldest first."""
    folder = Path(str(resources.files("workbench.demo")))
    waves = (
        DemoWave(DEMO_WAVE, folder / "answers.csv", folder / "questions.yaml"),
        DemoWave(
            SECOND_WAVE,
            folder / "answers_2024.csv",
            folder / "questions_2024.yaml",
            folder / "mapping_2024.yaml",
        ),
    )
    for wave in waves:
        for path in (wave.answers, wave.questions, wave.mapping):
            if path is not None and not path.is_file():
                raise UserError(f"{path}: the demo corpus file is missing from this installation.")
    return waves


def default_demo_path() -> Path:
    """Where the demo project lives unless told otherwise: the user's data folder."""
    import platformdirs

    return platformdirs.user_data_path("workbench", appauthor=False) / DEMO_FILE_NAME


def ensure_demo_project(path: str | Path | None = None, on_progress=None) -> tuple[Path, bool]:
    """The demo project's path, building it first if it does not exist; (path, was built)."""
    target = Path(path) if path is not None else default_demo_path()
    if target.exists():
        return target, False
    build_demo_project(target, demo_source_files(), on_progress=on_progress)
    return target, True


def build_demo_project(target: Path, waves: tuple[DemoWave, ...], *, on_progress=None) -> list[ImportResult]:
    """Import the demo's waves into a new project at ``target``; coding starts in the first.

    The project is built under a temporary name and renamed when complete, so an interrupted
    build never leaves a half-filled demo that would be reused.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".building")
    remove_project_files(partial)
    try:
        with create_project(partial) as store:
            results = [
                import_survey(
                    store,
                    wave.answers,
                    questions_file=wave.questions,
                    wave=wave.year,
                    mapping_file=wave.mapping,
                    on_progress=on_progress,
                )
                for wave in waves
            ]
            set_coding_wave(store, waves[0].year)
        os.replace(partial, target)
    finally:
        remove_project_files(partial)
    return results


def remove_project_files(path: Path) -> None:
    """Delete a project file and its SQLite side files, if present."""
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        leftover.unlink(missing_ok=True)

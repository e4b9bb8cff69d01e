"""Opening and creating project files, and the headline summary of one."""

from __future__ import annotations

from pathlib import Path

from workbench.store import Store, overview, survey


def create_project(path: str | Path) -> Store:
    """Create a new, empty project file and return its store."""
    return Store(path, create=True)


def open_project(path: str | Path, *, read_only: bool = False) -> Store:
    """Open an existing project file (migrating it if it is older than this program)."""
    return Store(path, read_only=read_only)


def project_info(path: str | Path) -> dict:
    """Respondents, waves, coders, codes and per-question answer counts (``info --json``)."""
    with open_project(path, read_only=True) as store:
        counts = overview.project_counts(store)
        questions = [
            {
                "id": row["id"],
                "answers": row["answers"],
                "nonresponses": row["nonresponses"],
                "coded_share": round(row["coded"] / row["answers"], 4) if row["answers"] else 0.0,
            }
            for row in overview.question_summaries(store)
        ]
        return {
            "respondents": counts["respondents"],
            "waves": survey.waves(store),
            "coders": counts["coders"],
            "codes": counts["codes"],
            "questions": questions,
        }

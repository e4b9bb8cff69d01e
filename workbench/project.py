"""Opening and creating project files, and the headline summary of one."""

from __future__ import annotations

from pathlib import Path

from workbench.errors import UserError
from workbench.store import Store, overview, report_layer, survey
from workbench.store import coders as coder_rows


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
            "primary_coder": report_layer.primary_coder(store),
            "codes": counts["codes"],
            "questions": questions,
        }


def set_primary_coder(path: str | Path, name: str) -> None:
    """Make ``name`` the coder whose codings the report exports show by default."""
    with open_project(path) as store:
        if not coder_rows.coder_exists(store, name) or name in report_layer.consensus_coders(store):
            known = ", ".join(report_layer.independent_coders(store)) or "none yet"
            raise UserError(f"{path}: there is no coder named '{name}' to make primary (coders: {known}).")
        report_layer.set_primary_coder(store, name)

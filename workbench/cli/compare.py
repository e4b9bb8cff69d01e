"""``workbench export P.db counts --compare 2023``: year against year."""

from __future__ import annotations

from workbench.errors import UserError


def wave_list(text: str) -> list[int]:
    """ "2022,2023" as years; a user error for anything else."""
    try:
        years = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise UserError(
            f"--compare takes years separated by commas (e.g. 2022,2023), not '{text}'."
        ) from None
    if not years:
        raise UserError("--compare names no wave; give e.g. --compare 2023.")
    return years


def run_compare_command(arguments, options) -> int:
    from workbench.export.compare_files import compare_json, comparisons_for, run_compare
    from workbench.project import open_project

    if arguments.kind != "counts":
        raise UserError(f"--compare applies to 'export counts', not '{arguments.kind}'.")
    years = wave_list(arguments.compare)
    with open_project(arguments.project) as store:
        if arguments.json:
            print(compare_json(comparisons_for(store, options, years)))
            return 0
        result = run_compare(store, options, years)
    print(f"Wrote {len(result.files)} files to {result.folder}")
    return 0

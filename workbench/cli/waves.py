"""``workbench waves``: the question mapping between waves, and last year's codes this year."""

from __future__ import annotations

import json

from workbench.display import visible_line


def register(subparsers) -> None:
    command = subparsers.add_parser(
        "waves",
        help="show how each wave's questions continue earlier ones, and carried-over codes",
        description=(
            "Without --question: every wave's questions with their form id, status (new, "
            "continued, split, merged) and source questions. With --question Q --wave Y: the "
            "codes used for Q in any wave, respondents per wave, and whether each is used in Y. "
            "--not-used CODE_ID / --use-again CODE_ID mark a code for --wave Y."
        ),
    )
    command.add_argument("project", help="the project file (PROJECT.db)")
    command.add_argument("--wave", type=int, metavar="YEAR", help="the wave (default: the latest)")
    command.add_argument("--question", metavar="QID", help="list the codes carried over to this question")
    command.add_argument("--not-used", metavar="CODE_ID", help="mark a code as not used in --wave")
    command.add_argument("--use-again", metavar="CODE_ID", help="use a code again in --wave")
    command.add_argument("--coder", metavar="NAME", help="who marks the code (for the event log)")
    command.add_argument(
        "--coding-wave",
        type=int,
        metavar="YEAR",
        help="open the terminal workbench at this wave from now on (default: the newest)",
    )
    command.add_argument("--json", action="store_true", help="print JSON")
    command.set_defaults(handler=run_waves)


def run_waves(arguments) -> int:
    from workbench.coding import waves as carry
    from workbench.project import open_project
    from workbench.store import survey as survey_rows
    from workbench.store import waves

    with open_project(arguments.project) as store:
        if arguments.coding_wave is not None:
            carry.set_coding_wave(store, arguments.coding_wave)
        wave = arguments.wave or survey_rows.latest_wave(store)
        if arguments.not_used:
            carry.mark_not_used(store, arguments.not_used, wave, arguments.coder)
        if arguments.use_again:
            carry.use_again(store, arguments.use_again, wave, arguments.coder)
        if arguments.question:
            payload = [vars(code) for code in carry.carried_codes(store, arguments.question, wave)]
        else:
            payload = waves.question_wave_rows(store)
    if arguments.json:
        print(json.dumps({"wave": wave, "rows": payload}, ensure_ascii=False, indent=2))
    else:
        for line in _lines(payload, wave, bool(arguments.question)):
            print(visible_line(line))
    return 0


def _lines(rows: list[dict], wave: int, codes: bool) -> list[str]:
    if codes:
        return [
            f"{'  ' if row['used_this_wave'] else '– '}{row['path']}  "
            + "  ".join(f"{year}: {count}" for year, count in sorted(row["respondents_by_wave"].items()))
            + ("" if row["used_this_wave"] else f"  (not used in {wave})")
            for row in rows
        ]
    return [
        f"{row['wave']}  {row['form_id']:<20} → {row['question_id']:<20} {row['status']:<10} "
        f"{', '.join(row['sources'])}"
        for row in rows
    ]

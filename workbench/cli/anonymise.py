"""``workbench anonymise``: fill the anonymisation queue, or check quotes for leaks."""

from __future__ import annotations

from workbench.cli.output import print_json, shown, writable_project
from workbench.cli.progress import ProgressBar


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "anonymise",
        help="propose anonymisation spans for report quotes, or check them for leaks",
        description="Propose identifying spans for quotes marked for the report (--propose), "
        "or list every quote that still holds an open detection (--check; exit code 3 if any).",
    )
    parser.add_argument("project", help="the project file")
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--propose", action="store_true", help="fill the review queue")
    action.add_argument("--check", action="store_true", help="report open detections (exit 3 if any)")
    parser.add_argument("--all", action="store_true", help="every segment, not only report quotes")
    parser.add_argument("--coder", default=None, help="name recorded in the anonymisation log")
    parser.add_argument("--json", action="store_true", help="print stable JSON instead of text")
    parser.set_defaults(handler=run_anonymise)


def run_anonymise(arguments) -> int:
    if arguments.propose:
        return _propose(arguments)
    return _check(arguments)


def _propose(arguments) -> int:
    from workbench.anonymise.review import propose

    with writable_project(arguments.project) as store:
        bar = ProgressBar("Proposing")
        summary = propose(store, all_segments=arguments.all, coder=arguments.coder, on_progress=bar)
        bar.finish()
    if arguments.json:
        print_json(summary.__dict__)
    else:
        print(
            f"Segments: {summary.segments}, newly proposed: {summary.proposed}, "
            f"detections: {summary.detections}"
        )
    return 0


def _check(arguments) -> int:
    from workbench.anonymise.leak import check_quotes
    from workbench.store.segments import segments_with_attributes

    with writable_project(arguments.project) as store:
        segment_ids = [
            row["id"] for row in segments_with_attributes(store, for_report_only=not arguments.all)
        ]
        report = check_quotes(store, segment_ids)
    if arguments.json:
        print_json(_report_json(report))
    elif report.ok:
        print(f"All {report.checked} quotes are cleared for export.")
    else:
        print(f"{len(report.problems)} of {report.checked} quotes are not cleared:")
        for line in report.describe(limit=len(report.problems)).splitlines():
            print(shown(line))
    return 0 if report.ok else 3


def _report_json(report) -> dict:
    return {
        "checked": report.checked,
        "ok": report.ok,
        "problems": [
            {
                "segment_id": problem.segment_id,
                "respondent_id": problem.respondent_id,
                "reason": problem.reason,
                "detections": [
                    {
                        "start": d.start,
                        "end": d.end,
                        "kind": d.kind,
                        "text": d.text,
                        "placeholder": d.placeholder,
                        "certain": d.certain,
                    }
                    for d in problem.detections
                ],
            }
            for problem in report.problems
        ],
    }

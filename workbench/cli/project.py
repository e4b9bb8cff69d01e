"""``workbench init`` and ``workbench info``."""

from __future__ import annotations

from workbench.cli.output import print_json, shown
from workbench.display import visible_line


def register(subparsers) -> None:
    init = subparsers.add_parser("init", help="create an empty project file")
    init.add_argument("project", help="path of the new project file (PROJECT.db)")
    init.set_defaults(handler=run_init)

    info = subparsers.add_parser("info", help="summarise a project: respondents, waves, questions")
    info.add_argument("project", help="the project file")
    info.add_argument("--json", action="store_true", help="print stable JSON instead of text")
    info.add_argument(
        "--set-primary",
        metavar="NAME",
        help="make NAME the primary coder: the report layer exports use unless --coder is given",
    )
    info.set_defaults(handler=run_info)


def run_init(arguments) -> int:
    from workbench import project

    project.create_project(arguments.project).close()
    print(f"Created project {arguments.project}")
    return 0


def run_info(arguments) -> int:
    from workbench import project

    if arguments.set_primary:
        project.set_primary_coder(arguments.project, arguments.set_primary)
        print(f"Primary coder: {visible_line(arguments.set_primary)}")
    summary = project.project_info(arguments.project)
    if arguments.json:
        print_json(summary)
        return 0
    print(f"Respondents: {summary['respondents']}")
    print(f"Waves: {', '.join(shown(wave) for wave in summary['waves']) or '-'}")
    print(f"Coders: {', '.join(shown(coder) for coder in summary['coders']) or '-'}")
    print(f"Primary coder: {shown(summary['primary_coder'] or '-')}")
    print(f"Codes: {summary['codes']}")
    print(f"{'question':<16} {'answers':>8} {'non-resp.':>9} {'coded':>6}")
    for question in summary["questions"]:
        print(
            f"{shown(question['id']):<16} {question['answers']:>8} {question['nonresponses']:>9} "
            f"{question['coded_share']:>6.0%}"
        )
    from workbench.cli.teams import print_sample_progress

    print_sample_progress(arguments.project)
    return 0

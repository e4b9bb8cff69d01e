"""``workbench code``, ``workbench history`` and ``workbench codebook export|import``."""

from __future__ import annotations

import json
import sys

from workbench.display import visible_line
from workbench.errors import UserError

DEFAULT_CODER = "cli"


def register(subparsers) -> None:
    code = subparsers.add_parser("code", help="apply or remove a code on an answer (scriptable coding)")
    code.add_argument("project", help="the project file (PROJECT.db)")
    code.add_argument("--answer", type=int, required=True, metavar="ID", help="answer id")
    code.add_argument("--code", required=True, metavar="PATH", help='code path, e.g. "Theme > Code"')
    code.add_argument("--coder", default=DEFAULT_CODER, metavar="NAME", help=f"default: {DEFAULT_CODER}")
    code.add_argument("--remove", action="store_true", help="take the code off instead")
    code.set_defaults(handler=run_code)

    history = subparsers.add_parser("history", help="the codebook's story: created, renamed, merged …")
    history.add_argument("project", help="the project file")
    history.add_argument("--json", action="store_true", help="print stable JSON instead of text")
    history.set_defaults(handler=run_history)

    codebook = subparsers.add_parser("codebook", help="export or import a code list (.yaml, .csv, .qdc)")
    codebook.add_argument(
        "action", choices=("export", "import"), help="export the codebook, or import a list"
    )
    codebook.add_argument("project", help="the project file")
    codebook.add_argument("file", help="the code-list file (.yaml, .csv or .qdc)")
    codebook.add_argument("--coder", default=DEFAULT_CODER, metavar="NAME", help="who imports (events)")
    codebook.add_argument("--title", default="", help="title written into a YAML export")
    codebook.set_defaults(handler=run_codebook)


def run_code(arguments) -> int:
    from workbench import coding
    from workbench.project import open_project

    with open_project(arguments.project) as store:
        segments = coding.segments_of_answer(store, arguments.answer)
        if not segments:
            raise UserError(f"Answer {arguments.answer} does not exist or is a non-response.")
        if arguments.remove:
            code_id = coding.code_for_path(store, arguments.code, arguments.coder, create=False)
            removed = sum(coding.remove_codes(store, s.id, [code_id], arguments.coder) for s in segments)
            print(f"Removed '{arguments.code}' from {removed} segment(s) of answer {arguments.answer}.")
            return 0
        _warn_if_similar(store, coding, arguments.code)
        with store.atomic():
            code_id = coding.code_for_path(store, arguments.code, arguments.coder)
            applied = sum(len(coding.apply_codes(store, s.id, [code_id], arguments.coder)) for s in segments)
    print(f"Applied '{arguments.code}' to {applied} segment(s) of answer {arguments.answer}.")
    return 0


def _warn_if_similar(store, coding, path: str) -> None:
    """Print 'Did you mean …?' when the code is new but close to an existing one."""
    from workbench.coding.codebook import similar_names, split_path

    try:
        coding.code_for_path(store, path, "", create=False)
    except UserError:
        similar = similar_names(store, split_path(path)[-1])
        if similar:
            print(f"warning: new code '{path}'. Did you mean '{similar[0]}'?")


def run_history(arguments) -> int:
    from workbench.coding.history import codebook_history
    from workbench.project import open_project

    with open_project(arguments.project, read_only=True) as store:
        stories = codebook_history(store)
    if arguments.json:
        print(json.dumps({"codes": stories}, ensure_ascii=False, indent=2))
        return 0
    for story in stories:
        status = "" if story["status"] == "live" else f" [{story['status']}]"
        print(f"{story['path']}{status}")
        for step in story["steps"]:
            codings = "" if step["codings"] is None else f" ({step['codings']} codings)"
            detail = f" {step['detail']}" if step["detail"] else ""
            print(f"  {step['at'][:19]}  {step['coder'] or '-':<10} {step['what']}{detail}{codings}")
    if not stories:
        print("The codebook is empty.")
    return 0


def run_codebook(arguments) -> int:
    from workbench import codelists
    from workbench.project import open_project

    if arguments.action == "export":
        with open_project(arguments.project, read_only=True) as store:
            written = codelists.export_code_list(store, arguments.file, title=arguments.title)
        print(f"Wrote the code list to {written}")
        return 0
    with open_project(arguments.project) as store:
        report = codelists.import_code_list(store, arguments.file, arguments.coder)
    print(
        f"Imported {arguments.file}: {len(report.new)} new, {len(report.changed)} changed, "
        f"{len(report.unchanged)} unchanged."
    )
    for label, paths in (("new", report.new), ("changed", report.changed)):
        for path in paths:
            print(f"  {label}: {path}")
    for notice in report.notices:
        print(f"workbench: notice: {visible_line(notice)}", file=sys.stderr)
    return 0

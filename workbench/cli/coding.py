"""``workbench code``, ``workbench history`` and ``workbench codebook export|import``."""

from __future__ import annotations

import sys

from workbench.cli.output import answer_id, print_json, shown, writable_project
from workbench.errors import UserError

DEFAULT_CODER = "cli"


def register(subparsers) -> None:
    code = subparsers.add_parser("code", help="apply or remove a code on an answer (scriptable coding)")
    code.add_argument("project", help="the project file (PROJECT.db)")
    code.add_argument("--answer", type=answer_id, required=True, metavar="ID", help="answer id")
    code.add_argument("--code", required=True, metavar="PATH", help='code path, e.g. "Theme > Code"')
    code.add_argument("--coder", default=DEFAULT_CODER, metavar="NAME", help=f"default: {DEFAULT_CODER}")
    code.add_argument("--remove", action="store_true", help="take the code off instead")
    code.set_defaults(handler=run_code)

    history = subparsers.add_parser(
        "history", help="the codebook's story (created, renamed, merged …) and memo changes"
    )
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

    with writable_project(arguments.project) as store:
        segments = coding.segments_of_answer(store, arguments.answer, arguments.coder)
        if not segments:
            raise UserError(f"Answer {arguments.answer} does not exist or is a non-response.")
        if arguments.remove:
            code_id = coding.code_for_path(store, arguments.code, arguments.coder, create=False)
            removed = sum(coding.remove_codes(store, s.id, [code_id], arguments.coder) for s in segments)
            print(
                f"Removed '{shown(arguments.code)}' from {removed} segment(s) of answer {arguments.answer}."
            )
            return 0
        _warn_if_similar(store, coding, arguments.code)
        with store.atomic():
            code_id = coding.code_for_path(store, arguments.code, arguments.coder)
            segment_ids = [segment.id for segment in segments]
            created = coding.apply_to_segments(store, segment_ids, [code_id], arguments.coder, how="typed")
    print(f"Applied '{shown(arguments.code)}' to {len(created)} segment(s) of answer {arguments.answer}.")
    return 0


def _warn_if_similar(store, coding, path: str) -> None:
    """Print 'Did you mean …?' when the code is new but close to an existing one."""
    from workbench.coding.codebook import similar_names

    try:
        coding.code_for_path(store, path, "", create=False)
    except UserError:
        similar = similar_names(store, coding.parse_path(path)[-1])
        if similar:
            print(f"warning: new code '{shown(path)}'. Did you mean '{shown(similar[0])}'?")


def run_history(arguments) -> int:
    from workbench.coding.history import codebook_history
    from workbench.coding.memos import memo_history
    from workbench.project import open_project

    with open_project(arguments.project, read_only=True) as store:
        stories, memos = codebook_history(store), memo_history(store)
    if arguments.json:
        print_json({"codes": stories, "memos": memos})
        return 0
    for story in stories:
        status = "" if story["status"] == "live" else f" [{story['status']}]"
        print(f"{shown(story['path'])}{status}")
        for step in story["steps"]:
            codings = "" if step["codings"] is None else f" ({_codings_count(step)})"
            detail = f" {shown(step['detail'])}" if step["detail"] else ""
            coder = shown(step["coder"] or "-")
            print(f"  {step['at'][:19]}  {coder:<10} {shown(step['what'])}{detail}{codings}")
    if not stories:
        print("The codebook is empty.")
    _print_memo_history(memos)
    return 0


def _codings_count(step: dict) -> str:
    """ "2 codings" the code had at a step, or "2 moved" for the codings a split moved."""
    number = step["codings"]
    return f"{number} moved" if step["what"] == "split" else f"{number} coding{'' if number == 1 else 's'}"


def _print_memo_history(memos: list[dict]) -> None:
    from workbench.display import visible_line

    if memos:
        print("Memos")
    for step in memos:
        text = f": {visible_line(step['text'])}" if step["text"] else ""
        about = visible_line(step["about"])
        print(
            f"  {step['at'][:19]}  {visible_line(step['coder'] or '-'):<10} {step['what']} on {about}{text}"
        )


def run_codebook(arguments) -> int:
    from workbench.coding import codelists
    from workbench.project import open_project

    if arguments.action == "export":
        with open_project(arguments.project, read_only=True) as store:
            written = codelists.export_code_list(store, arguments.file, title=arguments.title)
        print(f"Wrote the code list to {written}")
        return 0
    with writable_project(arguments.project) as store:
        report = codelists.import_code_list(store, arguments.file, arguments.coder)
    print(
        f"Imported {shown(arguments.file)}: {len(report.new)} new, {len(report.changed)} changed, "
        f"{len(report.unchanged)} unchanged."
    )
    for label, paths in (("new", report.new), ("changed", report.changed)):
        for path in paths:
            print(f"  {label}: {shown(path)}")
    for notice in report.notices:
        print(f"workbench: notice: {shown(notice)}", file=sys.stderr)
    return 0

"""``workbench import``: read a survey file (wide, long or an already coded spreadsheet)."""

from __future__ import annotations

import sys
from pathlib import Path

from workbench.cli.output import shown, writable_project
from workbench.cli.progress import ProgressBar
from workbench.errors import UserError

DESCRIPTION = (
    "Import answers from a CSV (, or ; separated; UTF-8 or Windows-1252) or XLSX file. "
    "Wide layout: one row per respondent, question columns named by --questions or "
    "--question-columns. Long layout: columns respondent, question, text. "
    "Coded layout: a spreadsheet that already carries codes (also the method's XLSX with "
    "sheets Data and Kodeliste). A REFI-QDA .qdpx project is recognised by its suffix. "
    "Re-importing a file adds nothing (answers whose text differs are reported; --replace takes "
    "the file's text); a new --wave adds beside the old one."
)


def register(subparsers) -> None:
    command = subparsers.add_parser(
        "import", help="import survey answers from a CSV or XLSX file", description=DESCRIPTION
    )
    command.add_argument("project", help="the project file (PROJECT.db)")
    command.add_argument("file", help="the survey file (.csv, .xlsx or a REFI-QDA .qdpx)")
    command.add_argument("--layout", choices=("wide", "long", "coded"), default="wide", help="default: wide")
    command.add_argument("--questions", metavar="FILE", help="CSV or YAML: id, text, kind, chapter")
    command.add_argument(
        "--question-columns", metavar="A,B", help="comma-separated names of the answer columns"
    )
    command.add_argument(
        "--id-column", metavar="NAME", help="respondent id column (default: the first column)"
    )
    command.add_argument("--wave", type=int, metavar="YEAR", help="survey year (default: this year)")
    command.add_argument("--coder", metavar="NAME", help="coder of the codes (coded layout)")
    command.add_argument(
        "--map",
        metavar="FILE",
        help="YAML question mapping to earlier waves; if FILE does not exist, the proposed "
        "mapping is written there and nothing is imported (edit it, then import again)",
    )
    command.add_argument(
        "--replace",
        action="store_true",
        help="take the file's text for answers already imported whose text differs (a corrected file)",
    )
    command.set_defaults(handler=run_import)


def run_import(arguments) -> int:
    progress = ProgressBar("Importing")
    warnings: list[str] = []
    with writable_project(arguments.project) as store:
        try:
            if arguments.file.lower().endswith(".qdpx"):
                summary = _import_refi(store, arguments)
            elif arguments.map and not Path(arguments.map).exists():
                summary = _propose_mapping(store, arguments)
            elif arguments.layout == "coded":
                summary = _import_coded(store, arguments, progress)
            else:
                result = _import_survey(store, arguments, progress)
                summary, warnings = result.summary(), list(result.warnings)
        finally:
            progress.finish()
    for line in str(summary).splitlines():
        print(shown(line))
    for warning in warnings:
        print(f"workbench: warning: {shown(warning)}", file=sys.stderr)
    return 0


def _import_survey(store, arguments, progress):
    from workbench.ingest import import_survey

    if arguments.coder:
        raise UserError("--coder applies only to --layout coded; survey answers carry no coder.")
    return import_survey(
        store,
        arguments.file,
        layout=arguments.layout,
        wave=arguments.wave,
        id_column=arguments.id_column,
        questions_file=arguments.questions,
        question_columns=_column_list(arguments.question_columns),
        on_progress=progress,
        mapping_file=arguments.map,
        replace=arguments.replace,
    )


def _propose_mapping(store, arguments) -> str:
    from workbench.cli.mapping import propose_mapping_file

    if arguments.layout == "coded" or arguments.file.lower().endswith(".qdpx"):
        raise UserError("--map applies to survey answers (wide or long layout) only.")
    return propose_mapping_file(store, arguments, _column_list(arguments.question_columns))


def _import_coded(store, arguments, progress) -> str:
    from workbench.ingest.coded import import_coded_file

    if arguments.questions or arguments.question_columns:
        raise UserError("--questions and --question-columns do not apply to --layout coded.")
    result = import_coded_file(
        store, arguments.file, coder=arguments.coder, wave=arguments.wave, on_progress=progress
    )
    return result.summary()


def _import_refi(store, arguments) -> str:
    from workbench.refi.project_import import import_qdpx

    if arguments.questions or arguments.question_columns:
        raise UserError("--questions and --question-columns do not apply to a .qdpx project.")
    report = import_qdpx(store, arguments.file, coder=arguments.coder or "imported", wave=arguments.wave)
    return report.summary()


def _column_list(text: str | None) -> list[str] | None:
    if text is None:
        return None
    columns = [name.strip() for name in text.split(",") if name.strip()]
    if not columns:
        raise UserError("--question-columns names no columns; give them as A,B,C.")
    return columns

"""``workbench export``: counted tables, quote lists, the Word report and interchange files."""

from __future__ import annotations

import sys

from workbench.cli.output import print_json, shown

KINDS = ("counts", "quotes", "report", "xlsx", "refi", "reliability", "memos", "options")


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export counts, quotes, the Word report, the method's XLSX, REFI-QDA, reliability or memos",
        description="Each run writes its own folder under exports/ (or --out DIR) "
        "with a manifest.json; quotes always pass the anonymisation leak check (exit 3 when "
        "it refuses). The private key file (quote id -> respondent) is written beside the "
        "folder, never inside it.",
        epilog='counts --json prints a list with one object per question: {"question", "wave", '
        '"single_code", "answered", "units", "categories": [{"name", "level", "count", '
        '"percent"}], "coder"}; level is main_theme, sub_theme, code or uncoded (name null); percent is '
        "unrounded, of the respondents who answered; a respondent counts once per category.",
    )
    _add_what_and_where(parser)
    _add_quote_options(parser)
    _add_layer_and_safety(parser)
    _add_wave_options(parser)
    parser.set_defaults(handler=run_export_command)


def _add_what_and_where(parser) -> None:
    """Which project, which part of it, and where the files go."""
    parser.add_argument("project", help="the project file")
    parser.add_argument("kind", choices=KINDS, help="what to export")
    parser.add_argument("--chapter", help="only this report chapter")
    parser.add_argument("--question", help="only this question id")
    parser.add_argument("--out", metavar="DIR", help="write into DIR instead of a new folder under exports/")
    parser.add_argument(
        "--lang", choices=("nb", "en"), default="nb", help="language of labels in the files (default nb)"
    )
    parser.add_argument(
        "--json", action="store_true", help="for counts: print the counted tables as JSON on stdout"
    )
    parser.add_argument("--wave", type=int, help="survey year (default: the newest)")


def _add_quote_options(parser) -> None:
    """How quotes, tags, cross-tables and charts are shown."""
    parser.add_argument(
        "--all-segments",
        action="store_true",
        help="quote every coded segment, not only those marked for the report",
    )
    parser.add_argument(
        "--draft",
        action="store_true",
        help="allow quotes that are not anonymised yet, marked as such; show uncoded questions",
    )
    parser.add_argument(
        "--tag",
        default="size_group",
        metavar="ATTRS",
        help="respondent attributes shown after each quote, comma-separated, or 'none' (default size_group)",
    )
    parser.add_argument(
        "--by", default="", metavar="ATTRS", help="cross-tables by these attributes, e.g. county,size_group"
    )
    parser.add_argument(
        "--repeat-quotes",
        action="store_true",
        help="print a quote with several codes under each of them (default: under its first code)",
    )
    parser.add_argument("--no-charts", action="store_true", help="leave charts out of Word files")


def _add_layer_and_safety(parser) -> None:
    """Whose codings count, and the say-so that raw or identifying output needs."""
    parser.add_argument(
        "--coder",
        help="the report layer: whose codings count and are quoted (default: the primary coder); "
        "consensus codings replace them where a disagreement was settled; for memos: only this coder's",
    )
    parser.add_argument(
        "--raw",
        action="store_true",
        help="for xlsx: write the method's spreadsheet with raw, non-anonymised text",
    )
    parser.add_argument(
        "--allow-identifying",
        action="store_true",
        help="allow --tag attributes that identify the respondent (name, number …) in a private file",
    )


def _add_wave_options(parser) -> None:
    """Year against year, and closed answer options from open answers."""
    parser.add_argument(
        "--compare",
        metavar="YEARS",
        help="counts only: compare --wave (default newest) with these waves, e.g. 2023 or 2022,2023",
    )
    parser.add_argument(
        "--min-share",
        type=float,
        default=5.0,
        metavar="PCT",
        help="options: least share of respondents (default 5)",
    )
    parser.add_argument(
        "--check", type=int, metavar="YEAR", help="options: check the list against a later wave"
    )
    parser.add_argument(
        "--closed-column", metavar="NAME", help="options --check: the closed question's column (its base)"
    )


def _attribute_list(text: str) -> tuple[str, ...]:
    if text.strip().lower() == "none":
        return ()
    return tuple(part.strip() for part in text.split(",") if part.strip())


def options_from_arguments(arguments):
    """The export options the command line asked for."""
    from workbench.export import ExportOptions

    return ExportOptions(
        chapter=arguments.chapter,
        question=arguments.question,
        lang=arguments.lang,
        all_segments=arguments.all_segments,
        draft=arguments.draft,
        tag_attributes=_attribute_list(arguments.tag),
        cross_by=_attribute_list(arguments.by),
        wave=arguments.wave,
        coder=arguments.coder,
        charts=not arguments.no_charts,
        out=arguments.out,
        raw=arguments.raw,
        allow_identifying=arguments.allow_identifying,
        repeat_quotes=arguments.repeat_quotes,
    )


def run_export_command(arguments) -> int:
    from workbench.cli.progress import ProgressBar
    from workbench.export import run_export
    from workbench.project import open_project

    options = options_from_arguments(arguments)
    if arguments.kind == "options":
        from workbench.cli.options import run_options_command

        return run_options_command(arguments, options)
    if arguments.compare:
        from workbench.cli.compare import run_compare_command

        return run_compare_command(arguments, options)
    # Exports only read the project, so they run beside an open TUI without its lock.
    with open_project(arguments.project, read_only=True) as store:
        if arguments.json and arguments.kind == "counts":
            return _print_counts_json(store, options)
        progress = ProgressBar(f"export {arguments.kind}")
        result = run_export(store, arguments.kind, options, on_progress=progress)
        progress.finish()
    print(f"Wrote {len(result.files)} files to {result.folder}")
    for warning in result.warnings:
        print(f"workbench: warning: {shown(warning)}", file=sys.stderr)
    for path in result.private_files:
        print(f"Private key (do not share): {path}")
    return 0


def _print_counts_json(store, options) -> int:
    from workbench.export.counts import count_questions
    from workbench.export.jobs import select_questions

    questions = select_questions(store, options)
    counted = count_questions(store, questions, options.wave, options.coder)
    print_json([counts.as_json() for counts in counted])
    return 0

"""``workbench tui``: open the terminal workbench on a project (Textual is imported lazily)."""

from __future__ import annotations


def register(subparsers) -> None:
    tui = subparsers.add_parser("tui", help="code answers in the terminal workbench")
    tui.add_argument("project", help="the project file (PROJECT.db)")
    tui.add_argument("--coder", help="your coder name (default: the last one used, else your user name)")
    tui.add_argument("--question", help="open at this question (default: where you left off)")
    tui.add_argument(
        "--wave",
        type=int,
        metavar="YEAR",
        help="code this wave (default: the project's coding wave, else the newest)",
    )
    tui.set_defaults(handler=run_tui)


def run_tui(arguments) -> int:
    from workbench.tui import run_app

    return run_app(arguments.project, arguments.coder, arguments.question, arguments.wave)

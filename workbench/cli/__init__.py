"""The thin command line: one subcommand per job, each registered by a module of this package.

Each module in ``COMMAND_MODULES`` defines ``register(subparsers)`` which adds its subcommands
and sets ``handler`` (a function taking the parsed arguments and returning an exit code).
The terminal UI is imported lazily by the commands that open it.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from workbench import __version__
from workbench.errors import UserError

COMMAND_MODULES = (
    "workbench.cli.project",
    "workbench.cli.importing",
    "workbench.cli.demo",
    "workbench.cli.export",
    "workbench.cli.teams",
    "workbench.cli.tui",
    "workbench.cli.suggest",
    "workbench.cli.coding",
    "workbench.cli.anonymise",
    "workbench.cli.waves",
)


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser with every registered subcommand."""
    parser = argparse.ArgumentParser(
        prog="workbench",
        description="Full coding of free-text survey answers, in the terminal.",
    )
    parser.add_argument("--version", action="version", version=f"workbench {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``workbench`` console script."""
    parser = build_parser()
    arguments = parser.parse_args(argv)
    if not getattr(arguments, "handler", None):
        parser.print_help()
        return 2
    try:
        return arguments.handler(arguments) or 0
    except UserError as error:
        print(f"workbench: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("workbench: interrupted.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())

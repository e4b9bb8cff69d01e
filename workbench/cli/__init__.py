"""The thin command line: one subcommand per job, each registered by a module of this package.

Each module in ``COMMAND_MODULES`` defines ``register(subparsers)`` which adds its subcommands
and sets ``handler`` (a function taking the parsed arguments and returning an exit code).
The terminal UI is imported lazily by the commands that open it.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from workbench import __version__
from workbench.display import visible
from workbench.errors import UserError

# 128 + SIGPIPE, as a tool killed by a closed pipe reports it (`workbench history | head`).
EXIT_CLOSED_PIPE = 141

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
        code = arguments.handler(arguments) or 0
        sys.stdout.flush()
        return code
    except UserError as error:
        return _complain(str(error), error.exit_code)
    except KeyboardInterrupt:
        return _complain("interrupted.", 130)
    except BrokenPipeError:
        return _closed_pipe()
    except OSError as error:
        where = f"{error.filename}: " if error.filename else ""
        return _complain(f"{where}{error.strerror or error}; nothing was written there.", 2)
    except Exception as error:
        from workbench.store.database import database_error_message

        message = database_error_message(error)
        if message is None:
            raise
        return _complain(f"{arguments.project}: {message}" if hasattr(arguments, "project") else message, 2)


def _complain(message: str, exit_code: int) -> int:
    """One sentence on stderr (controls made visible: messages may quote data)."""
    try:
        print(f"workbench: {visible(message)}", file=sys.stderr)
    except BrokenPipeError:
        pass
    return exit_code


def _closed_pipe() -> int:
    """The reader went away (``| head``): stop quietly, and keep the exit-time flush quiet too."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return EXIT_CLOSED_PIPE


if __name__ == "__main__":
    sys.exit(main())

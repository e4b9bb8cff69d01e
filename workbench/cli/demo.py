"""``workbench demo``: build the bundled demo project (once) and open it in the terminal UI."""

from __future__ import annotations

from workbench.cli.progress import ProgressBar


def register(subparsers) -> None:
    command = subparsers.add_parser(
        "demo",
        help="build the bundled demo project and open the terminal UI",
        description=(
            "Build the demo project from the synthetic survey shipped with workbench (in your "
            "data folder unless --path is given; reused if it already exists) and open it. The "
            "demo holds two waves, 2023 and 2024 (mapped to 2023's questions); it opens at 2023, "
            "where coding starts, unless --wave 2024 is given."
        ),
    )
    command.add_argument("--path", metavar="P", help="where the demo project file lives")
    command.add_argument(
        "--coder",
        metavar="NAME",
        help="your coder name (default: the last one used, else your user name)",
    )
    command.add_argument("--wave", type=int, metavar="YEAR", help="code this wave (default: 2023)")
    command.add_argument("--no-tui", action="store_true", help="only build the project and print its path")
    command.set_defaults(handler=run_demo)


def run_demo(arguments) -> int:
    from workbench.demo.builder import ensure_demo_project

    progress = ProgressBar("Building the demo project")
    try:
        path, built = ensure_demo_project(arguments.path, on_progress=progress)
    finally:
        progress.finish()
    if arguments.no_tui:
        print(path)
        return 0
    print(f"{'Built' if built else 'Opening'} the demo project {path}")
    from workbench import tui

    return tui.run_app(path, arguments.coder, wave=arguments.wave) or 0

"""``workbench info`` on a 100 000-answer project: the query, and the whole command.

Target (issue 2): the command in under 0.5 s. The table separates the summary query
(``project_info`` in-process) from start-up (Python, imports, ``build_parser``), since the
command's time is mostly the latter.

    python bench/bench_info.py [--answers 100000] [--coded-share 0.3] [--db /tmp/info.db]
"""

from __future__ import annotations

import argparse
import os
import runpy
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
generator = runpy.run_path(str(HERE / "generate_project.py"))
REPEATS = 5
# The command as it would run if sqlite-utils did not import pandas and numpy at import time.
WITHOUT_PANDAS = (
    "import sys\n"
    "class Refuse:\n"
    "    def find_spec(self, name, path=None, target=None):\n"
    "        if name.split('.')[0] in ('pandas', 'numpy'): raise ImportError(name)\n"
    "sys.meta_path.insert(0, Refuse()); import sqlite_utils; sys.meta_path.pop(0)\n"
    "from workbench.cli import main; sys.exit(main(['info', sys.argv[1]]))\n"
)
# The floor: the same, without the other subcommands' modules (only project_info).
FLOOR = WITHOUT_PANDAS.replace(
    "from workbench.cli import main; sys.exit(main(['info', sys.argv[1]]))",
    "from workbench.project import project_info; project_info(sys.argv[1])",
)


def best_seconds(command: list[str]) -> float:
    """The fastest of several runs of a command, in seconds."""
    timings = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        timings.append(time.perf_counter() - started)
    return min(timings)


def query_seconds(db: Path) -> float:
    from workbench.project import project_info

    timings = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        project_info(db)
        timings.append(time.perf_counter() - started)
    return min(timings)


def build(db: Path, answers: int, coded_share: float) -> None:
    with tempfile.TemporaryDirectory() as folder:
        survey = Path(folder) / "long.csv"
        generator["write_long_csv"](survey, answers)
        print(generator["build_project"](db, survey, "long", None).summary())
    if coded_share:
        print(f"coded {generator['code_share'](db, coded_share)} segments")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=100_000)
    parser.add_argument("--coded-share", type=float, default=0.3)
    parser.add_argument("--db", type=Path, help="reuse (or build and keep) this project file")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = arguments.db or Path(folder) / "info.db"
        if not db.exists():
            build(db, arguments.answers, arguments.coded_share)
        python = sys.executable
        rows = [
            ("python start-up (python -c pass)", best_seconds([python, "-c", "pass"])),
            (
                "import workbench.cli + build_parser",
                best_seconds([python, "-c", "import workbench.cli as c; c.build_parser()"]),
            ),
            ("project_info() in-process", query_seconds(db)),
            ("workbench info (whole command)", best_seconds([python, "-m", "workbench", "info", str(db)])),
            (
                "workbench info, sqlite-utils without pandas",
                best_seconds([python, "-c", WITHOUT_PANDAS, str(db)]),
            ),
            ("project_info only, without pandas (floor)", best_seconds([python, "-c", FLOOR, str(db)])),
            (
                "workbench info --json (whole command)",
                best_seconds([python, "-m", "workbench", "info", str(db), "--json"]),
            ),
        ]
    print(f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    print(f"{'measure (best of ' + str(REPEATS) + ')':<44} {'seconds':>8}")
    for label, seconds in rows:
        print(f"{label:<44} {seconds:>8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

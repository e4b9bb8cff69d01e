"""Import throughput and peak memory for 10 000 and 100 000 answers, wide and long CSV.

Each import runs in its own process so its peak memory (``ru_maxrss``) is its own.
Targets (issue 2): 100 000 answers (long CSV, ~20 MB) < 5 s and < 1 GB; 10 000 < 1 s.

    python bench/bench_import.py [--sizes 10000,100000] [--layouts wide,long]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import runpy
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
generator = runpy.run_path(str(HERE / "generate_project.py"))


def child(layout: str, survey: str, questions: str) -> None:
    """Run one import in this process and print its timing and peak memory as JSON."""
    from workbench.ingest import import_survey
    from workbench.project import create_project

    with tempfile.TemporaryDirectory() as folder, create_project(Path(folder) / "b.db") as store:
        started, cpu_started = time.perf_counter(), time.process_time()
        result = import_survey(store, survey, layout=layout, wave=2023, questions_file=questions or None)
        seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        json.dumps(
            {
                "seconds": seconds,
                "cpu_seconds": cpu_seconds,
                "peak_mb": peak_kb / 1024,
                "answers": result.new_answers,
            }
        )
    )


def measure(layout: str, answers: int, folder: Path) -> dict:
    """Generate the file, import it in a subprocess, and return the figures."""
    survey = folder / f"{layout}_{answers}.csv"
    questions = folder / "questions.yaml"
    writer = generator["write_long_csv" if layout == "long" else "write_wide_csv"]
    writer(survey, answers)
    generator["write_questions_yaml"](questions)
    started = time.perf_counter()
    output = subprocess.run(
        [
            sys.executable,
            __file__,
            "--child",
            layout,
            str(survey),
            str(questions) if layout == "wide" else "",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    figures = json.loads(output)
    figures.update(
        layout=layout, size_mb=survey.stat().st_size / 1e6, process_seconds=time.perf_counter() - started
    )
    return figures


HEADER = (
    f"{'layout':<6} {'answers':>8} {'file MB':>8} {'import s':>9} {'cpu s':>6} {'process s':>10} "
    f"{'peak MB':>8}"
)


def table_row(row: dict) -> str:
    return (
        f"{row['layout']:<6} {row['answers']:>8} {row['size_mb']:>8.1f} {row['seconds']:>9.2f} "
        f"{row['cpu_seconds']:>6.2f} {row['process_seconds']:>10.2f} {row['peak_mb']:>8.0f}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--layouts", default="wide,long")
    parser.add_argument("--child", nargs=3, metavar=("LAYOUT", "FILE", "QUESTIONS"))
    arguments = parser.parse_args()
    if arguments.child:
        child(*arguments.child)
        return 0
    print(f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; wall times grow with load)")
    print(HEADER)
    with tempfile.TemporaryDirectory() as folder:
        for answers in (int(size) for size in arguments.sizes.split(",")):
            for layout in arguments.layouts.split(","):
                print(table_row(measure(layout, answers, Path(folder))))
    return 0


if __name__ == "__main__":
    sys.exit(main())

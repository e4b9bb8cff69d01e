"""Benchmark of the REFI-QDA round trip: export a coded project as .qdpx, import it into an
empty project, export again, and check that the counts and the archive are the same.

A generated survey (long layout, ~200 characters per answer, 10 % non-responses), half of its
segments coded with one of ten codes, one code merged into another and one deleted.
Run: python bench/bench_refi.py [--answers 20000] [--questions 10]
"""

from __future__ import annotations

import argparse
import runpy
import sys
import tempfile
import time
from pathlib import Path

from workbench import coding
from workbench.export import ExportOptions, run_export
from workbench.project import create_project, open_project
from workbench.refi.project import export_qdpx
from workbench.refi.project_import import import_qdpx

GENERATOR = runpy.run_path(str(Path(__file__).with_name("generate_project.py")))


def _build(folder: Path, answers: int, questions: int) -> Path:
    survey, database = folder / "survey.csv", folder / "p.db"
    GENERATOR["write_long_csv"](survey, answers, questions)
    GENERATOR["build_project"](database, survey, "long", None)
    GENERATOR["code_share"](database, 0.5)
    with open_project(database) as store:
        live = coding.Codebook.from_store(store).live()
        coding.merge_codes(store, live[0].id, live[1].id, "bench")
        coding.retire_code(store, live[2].id, "bench")
    return database


def _timed(action):
    started = time.perf_counter()
    result = action()
    return result, time.perf_counter() - started


def _counts(store, folder: Path) -> str:
    result = run_export(store, "counts", ExportOptions(out=str(folder), charts=False))
    return (result.folder / "counts.csv").read_text(encoding="utf-8-sig")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=20000)
    parser.add_argument("--questions", type=int, default=10)
    arguments = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        with open_project(_build(folder, arguments.answers, arguments.questions)) as original:
            codings = original.scalar("SELECT COUNT(*) FROM codings")
            first, export_seconds = _timed(lambda: export_qdpx(original, folder / "a" / "project.qdpx"))
            copy = create_project(folder / "copy.db")
            report, import_seconds = _timed(lambda: import_qdpx(copy, first, coder="bench"))
            second = export_qdpx(copy, folder / "b" / "project.qdpx")
            same_counts = _counts(original, folder / "ca") == _counts(copy, folder / "cb")
            copy.close()
        print(f"{arguments.answers} answers in {arguments.questions} questions, {codings} codings")
        print(f"  export .qdpx  {export_seconds:6.2f} s  ({first.stat().st_size / 1e6:.1f} MB)")
        added = f"{report.answers_new} answers, {report.codings_new} REFI codings"
        print(f"  import .qdpx  {import_seconds:6.2f} s  ({added})")
        print(f"  same counts after the round trip: {same_counts}")
        print(f"  same archive when the copy is exported: {first.read_bytes() == second.read_bytes()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

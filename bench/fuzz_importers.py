"""Fuzz every importer with many seeded hypothesis inputs and print what happened to them.

    python bench/fuzz_importers.py [EXAMPLES_PER_IMPORTER] [SEED]

For each importer: inputs tried, imported, refused in one sentence (database unchanged),
tracebacks, and refusals that changed the database anyway. The CI test runs the same
harness with a few examples (tests/hostile/test_fuzz_importers.py).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "hostile")]

from fuzz_harness import FuzzRun, fuzz  # noqa: E402

COLUMNS = ("imported", "refused", "traceback", "changed")


def main() -> int:
    examples = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    random_seed = int(sys.argv[2]) if len(sys.argv) > 2 else 20261201
    with tempfile.TemporaryDirectory() as folder:
        run = FuzzRun(Path(folder))
        started = time.perf_counter()
        fuzz(run, examples, random_seed)
        seconds = time.perf_counter() - started
    print(f"seed {random_seed}, up to {examples} examples per importer, {seconds:.0f} s")
    print(f"{'importer':<18} {'tried':>6} " + " ".join(f"{name:>9}" for name in COLUMNS))
    for importer, outcomes in run.by_importer.items():
        cells = " ".join(f"{outcomes[name]:>9}" for name in COLUMNS)
        print(f"{importer:<18} {sum(outcomes.values()):>6} {cells}")
    total = run.outcomes
    print(f"{'all':<18} {sum(total.values()):>6} " + " ".join(f"{total[name]:>9}" for name in COLUMNS))
    for failure in run.failures[:3]:
        print(failure)
    return 1 if total["traceback"] or total["changed"] else 0


if __name__ == "__main__":
    sys.exit(main())

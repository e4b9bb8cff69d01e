"""A seeded fuzz run of every importer: no traceback, no changed database on refusal."""

from __future__ import annotations

from fuzz_harness import FuzzRun, fuzz

EXAMPLES_PER_IMPORTER = 25


def test_fuzzed_imports_never_trace_and_never_change_a_refusing_database(tmp_path):
    run = FuzzRun(tmp_path)
    fuzz(run, EXAMPLES_PER_IMPORTER, random_seed=20261201)
    assert run.failures == [], run.failures[0]
    assert run.outcomes["traceback"] == 0 and run.outcomes["changed"] == 0, run.outcomes
    assert sum(run.outcomes.values()) >= 5 * EXAMPLES_PER_IMPORTER
    assert run.outcomes["refused"] > 0

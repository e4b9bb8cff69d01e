"""The collector's full passes wait for a pause; the usual collector comes back afterwards."""

from __future__ import annotations

import gc

import pytest

from workbench import heap


@pytest.fixture
def deferred():
    heap.defer_full_collections()
    yield
    heap.restore_collections()


def make_cycles(count: int) -> list:
    nodes = []
    for _ in range(count):
        node: dict = {}
        node["self"] = node
        nodes.append(node)
    return nodes


def full_passes_while(work) -> int:
    """How many full passes the collector ran by itself during ``work()``."""
    passes = []

    def note(phase, info):
        if phase == "start" and info["generation"] == 2:
            passes.append(info)

    gc.callbacks.append(note)
    try:
        work()
    finally:
        gc.callbacks.remove(note)
    return len(passes)


def test_allocations_trigger_a_full_pass_only_with_the_usual_thresholds():
    gc.collect()
    assert full_passes_while(lambda: make_cycles(400_000)) > 0  # the usual collector
    heap.defer_full_collections()
    try:
        gc.collect()
        assert full_passes_while(lambda: make_cycles(400_000)) == 0
    finally:
        heap.restore_collections()


def test_a_full_pass_runs_while_idle_only_when_something_is_pending(deferred):
    make_cycles(20_000)
    assert heap.collect_while_idle() is True
    assert gc.get_count()[2] == 0
    assert heap.collect_while_idle() is False


def test_restore_gives_back_the_usual_thresholds_and_unfreezes():
    usual = gc.get_threshold()
    heap.defer_full_collections()
    heap.freeze_long_lived()
    assert gc.get_freeze_count() > 0
    heap.restore_collections()
    assert gc.get_threshold() == usual
    assert gc.get_freeze_count() == 0

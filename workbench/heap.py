"""Keep the garbage collector's full passes out of the coder's way.

A full (oldest-generation) pass of Python's cyclic collector walks every tracked object: with
Textual, scikit-learn and a fitted suggester loaded that took about 150 ms, and it fell on an
arbitrary key press every few dozen answers. So, while the app runs, objects that live as long
as the program (modules, the screen's widgets, the learned state) are frozen out of the
collector's reach once they exist, and full passes are not triggered by allocations but run
when the coder pauses (``collect_while_idle``). Young generations are collected as usual, and
reference counting frees everything that is not in a cycle.
"""

from __future__ import annotations

import gc

NEVER = 10**9  # full passes after this many middle-generation passes: in practice never
_usual_thresholds = gc.get_threshold()


def freeze_long_lived() -> None:
    """Exclude every object alive now from future collections (cheap: no object is visited)."""
    gc.freeze()


def defer_full_collections() -> None:
    """Stop allocations from triggering full passes; ``collect_while_idle`` runs them."""
    young, middle, _oldest = _usual_thresholds
    gc.set_threshold(young, middle, NEVER)


def collect_while_idle() -> bool:
    """Run a full pass if anything reached the oldest generation since the last one (call
    it when the coder has paused); True if one ran."""
    if gc.get_count()[2] == 0:
        return False
    gc.collect()
    return True


def restore_collections() -> None:
    """Back to the usual collector: nothing frozen, full passes by allocation again (the app
    is closing, and a test process opens many apps one after another)."""
    gc.unfreeze()
    gc.set_threshold(*_usual_thresholds)

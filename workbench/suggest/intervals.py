"""95 % bootstrap intervals of replay figures, resampled by code.

Segments of one code are not independent (a code whose answers share words is hit again and
again), so the bootstrap draws codes with replacement and takes all their segments.
"""

from __future__ import annotations

import numpy as np

RESAMPLES = 1000

METRICS = {
    "hit_at_1": (False, lambda step: step.hit_at(1)),
    "hit_at_3": (False, lambda step: step.hit_at(3)),
    "hit_at_1_known": (True, lambda step: step.hit_at(1)),
    "hit_at_3_known": (True, lambda step: step.hit_at(3)),
    "baseline_hit_at_3": (False, lambda step: any(c in step.true_codes for c in step.baseline_top)),
    "baseline_hit_at_3_known": (True, lambda step: any(c in step.true_codes for c in step.baseline_top)),
}


def intervals(steps, resamples: int = RESAMPLES, seed: int = 0) -> dict[str, list[float] | None]:
    """Per figure, [low, high] of its 95 % bootstrap interval (None without segments)."""
    return {
        name: code_bootstrap(
            [step for step in steps if step.known or not known_only], predicate, resamples, seed
        )
        for name, (known_only, predicate) in METRICS.items()
    }


def code_bootstrap(steps, predicate, resamples: int = RESAMPLES, seed: int = 0) -> list[float] | None:
    """The 2.5th and 97.5th percentiles of the share, drawing codes with replacement."""
    if not steps:
        return None
    codes = sorted({min(step.true_codes) for step in steps})
    index = {code: position for position, code in enumerate(codes)}
    hits, counts = np.zeros(len(codes)), np.zeros(len(codes))
    for step in steps:
        position = index[min(step.true_codes)]
        counts[position] += 1
        hits[position] += bool(predicate(step))
    draws = np.random.default_rng(seed).integers(0, len(codes), size=(resamples, len(codes)))
    shares = hits[draws].sum(axis=1) / counts[draws].sum(axis=1)
    low, high = np.percentile(shares, [2.5, 97.5])
    return [round(float(low), 4), round(float(high), 4)]

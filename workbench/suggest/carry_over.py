"""Last year's coded answers as examples this year: each example weighted by its wave.

An example of the current wave weighs 1; one of an earlier wave weighs
``earlier_weight ** years_back``, so last year's codings help from the first answer on and
give way as this year's codings accumulate. The weights scale the neighbour votes.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

EARLIER_WAVE_WEIGHT = 0.5


def wave_weights(
    waves: Sequence[int | None], current_wave: int | None, earlier_weight: float = EARLIER_WAVE_WEIGHT
) -> np.ndarray:
    """One weight per example: 1 for the current wave (or an unknown one), less for earlier."""
    if current_wave is None:
        return np.ones(len(waves))
    years_back = np.array([0 if wave is None else max(current_wave - wave, 0) for wave in waves], dtype=float)
    return np.power(earlier_weight, years_back)

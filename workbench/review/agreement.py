"""Inter-coder agreement: Krippendorff's α (nominal, MASI), Cohen's κ, percent agreement.

Pure functions over reliability data, following METHOD.md §2. Reliability data is a list of
coders, each a list of values per unit, with ``None`` for a missing value. Every statistic
returns ``None`` when it is undefined (one value only, no pairable units), never NaN.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence

import numpy as np

Value = Hashable
ReliabilityData = Sequence[Sequence[Value | None]]

RELIABLE = 0.800
TENTATIVE = 0.667


def value_counts(data: ReliabilityData) -> tuple[np.ndarray, list[Value]]:
    """Units × values matrix of how many coders gave each value, for pairable units only."""
    values = sorted({value for row in data for value in row if value is not None}, key=repr)
    column = {value: index for index, value in enumerate(values)}
    unit_count = max((len(row) for row in data), default=0)
    counts = np.zeros((unit_count, len(values)))
    for row in data:
        for unit, value in enumerate(row):
            if value is not None:
                counts[unit, column[value]] += 1
    return counts[counts.sum(axis=1) >= 2], values


def coincidences(counts: np.ndarray) -> np.ndarray:
    """The coincidence matrix o_ck from a units × values count matrix of pairable units."""
    pairable = counts.sum(axis=1, keepdims=True) - 1
    weighted = counts / pairable
    matrix = weighted.T @ counts
    matrix -= np.diag(weighted.sum(axis=0))
    return matrix


def alpha_from_counts(counts: np.ndarray, distance: np.ndarray | None = None) -> float | None:
    """α = 1 − D_o / D_e from unit value counts; nominal distance unless one is given."""
    if counts.shape[0] == 0 or counts.shape[1] == 0:
        return None
    observed = coincidences(counts)
    totals = observed.sum(axis=1)
    total = totals.sum()
    if distance is None:
        distance = 1.0 - np.eye(len(totals))
    disagreement_observed = (observed * distance).sum() / total
    disagreement_expected = (np.outer(totals, totals) * distance).sum() / (total * (total - 1))
    if disagreement_expected <= 1e-12:
        return None
    return float(1.0 - disagreement_observed / disagreement_expected)


def krippendorff_alpha(data: ReliabilityData) -> float | None:
    """Krippendorff's α at the nominal level, missing values allowed."""
    counts, _ = value_counts(data)
    return alpha_from_counts(counts)


def alpha_with_distance(data: ReliabilityData, distance: Callable[[Value, Value], float]) -> float | None:
    """Krippendorff's α with any distance function between values (e.g. MASI on sets)."""
    counts, values = value_counts(data)
    matrix = np.array([[distance(left, right) for right in values] for left in values])
    return alpha_from_counts(counts, matrix.reshape(len(values), len(values)))


def masi_distance(left: frozenset, right: frozenset) -> float:
    """MASI distance between two sets: 1 − Jaccard × monotonicity."""
    left, right = set(left), set(right)
    union = left | right
    if not union:
        return 0.0
    shared = left & right
    if left == right:
        monotonicity = 1.0
    elif left <= right or right <= left:
        monotonicity = 2 / 3
    elif shared:
        monotonicity = 1 / 3
    else:
        monotonicity = 0.0
    return 1.0 - len(shared) / len(union) * monotonicity


def masi_distance_matrix(sets: Sequence[frozenset]) -> np.ndarray:
    """MASI distances between every pair of the given sets, computed with matrix products."""
    members = sorted({member for chosen in sets for member in chosen}, key=repr)
    column = {member: index for index, member in enumerate(members)}
    membership = np.zeros((len(sets), len(members)))
    for row, chosen in enumerate(sets):
        membership[row, [column[member] for member in chosen]] = 1
    shared = membership @ membership.T
    sizes = membership.sum(axis=1)
    union = sizes[:, None] + sizes[None, :] - shared
    smaller = np.minimum(sizes[:, None], sizes[None, :])
    larger = np.maximum(sizes[:, None], sizes[None, :])
    monotonicity = np.select(
        [shared == larger, shared == smaller, shared > 0], [1.0, 2 / 3, 1 / 3], default=0.0
    )
    with np.errstate(divide="ignore", invalid="ignore"):
        jaccard = np.where(union > 0, shared / union, 1.0)
    return 1.0 - jaccard * monotonicity


def masi_alpha(data: Sequence[Sequence[frozenset | None]]) -> float | None:
    """Krippendorff's α with MASI distance on each unit's set of codes."""
    counts, values = value_counts(data)
    return alpha_from_counts(counts, masi_distance_matrix(values))


def cohen_kappa_table(both_yes: int, yes_no: int, no_yes: int, both_no: int) -> float | None:
    """Cohen's κ from a 2×2 table (A yes/B yes, A yes/B no, A no/B yes, A no/B no)."""
    total = both_yes + yes_no + no_yes + both_no
    if total == 0:
        return None
    observed = (both_yes + both_no) / total
    first_yes = (both_yes + yes_no) / total
    second_yes = (both_yes + no_yes) / total
    expected = first_yes * second_yes + (1 - first_yes) * (1 - second_yes)
    return kappa_from_proportions(observed, expected)


def kappa_from_proportions(observed: float, expected: float) -> float | None:
    """κ = (p_o − p_e) / (1 − p_e); undefined when chance agreement is certain."""
    if expected >= 1 - 1e-12:
        return None
    return (observed - expected) / (1 - expected)


def cohen_kappa(first: Sequence[Value | None], second: Sequence[Value | None]) -> float | None:
    """Cohen's κ for two coders over the units both coded."""
    pairs = [(a, b) for a, b in zip(first, second, strict=True) if a is not None and b is not None]
    if not pairs:
        return None
    observed = sum(a == b for a, b in pairs) / len(pairs)
    labels = {value for pair in pairs for value in pair}
    expected = sum(
        (sum(a == label for a, _ in pairs) / len(pairs)) * (sum(b == label for _, b in pairs) / len(pairs))
        for label in labels
    )
    return kappa_from_proportions(observed, expected)


def percent_agreement(data: ReliabilityData) -> float | None:
    """Share of pairable units on which every coder who coded the unit gave the same value."""
    counts, _ = value_counts(data)
    if counts.shape[0] == 0:
        return None
    return float((counts.max(axis=1) == counts.sum(axis=1)).mean())


def verdict(alpha: float | None) -> str:
    """The conventional reading of an α value (METHOD.md §2 thresholds)."""
    if alpha is None:
        return "n/a (no variation)"
    if alpha >= RELIABLE:
        return "reliable"
    if alpha >= TENTATIVE:
        return "tentative"
    return "not reliable"


def binary_alpha(present: np.ndarray, coded: np.ndarray) -> np.ndarray:
    """Nominal α per code for presence/absence data, vectorised over codes.

    ``present`` is coders × units × codes (bool), ``coded`` coders × units (bool: the coder
    judged the unit). Units judged by fewer than two coders are dropped. NaN marks undefined.
    """
    judged = coded.sum(axis=0)
    keep = judged >= 2
    yes = (present & coded[:, :, None]).sum(axis=0)[keep].astype(float)
    judged = judged[keep].astype(float)[:, None]
    no = judged - yes
    matching = ((yes * (yes - 1) + no * (no - 1)) / (judged - 1)).sum(axis=0)
    yes_total, no_total = yes.sum(axis=0), no.sum(axis=0)
    total = yes_total + no_total
    chance = yes_total * (yes_total - 1) + no_total * (no_total - 1)
    denominator = total * (total - 1) - chance
    with np.errstate(divide="ignore", invalid="ignore"):
        alpha = ((total - 1) * matching - chance) / denominator
    return np.where(np.abs(denominator) > 1e-12, alpha, np.nan)


def binary_kappa(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """Cohen's κ per code for two coders' units × codes presence arrays. NaN marks undefined."""
    units = first.shape[0]
    observed = (first == second).sum(axis=0) / units
    first_yes, second_yes = first.mean(axis=0), second.mean(axis=0)
    expected = first_yes * second_yes + (1 - first_yes) * (1 - second_yes)
    with np.errstate(divide="ignore", invalid="ignore"):
        kappa = (observed - expected) / (1 - expected)
    return np.where(expected < 1 - 1e-12, kappa, np.nan)


def binary_percent_agreement(present: np.ndarray, coded: np.ndarray) -> np.ndarray:
    """Per code, the share of pairable units on which every judging coder agreed."""
    judged = coded.sum(axis=0)
    keep = judged >= 2
    yes = (present & coded[:, :, None]).sum(axis=0)[keep]
    judged = judged[keep][:, None]
    if yes.shape[0] == 0:
        return np.full(present.shape[2], np.nan)
    return ((yes == 0) | (yes == judged)).mean(axis=0)


def optional(value: float) -> float | None:
    """A float, or None where NumPy computed NaN (undefined)."""
    return None if value is None or np.isnan(value) else float(value)

"""The keystroke model of the replay: accepting a suggestion versus typing a code name."""

from __future__ import annotations


def keys_for_code(name: str, known_names: list[str], is_known: bool, is_shown: bool) -> int:
    """Keys to give a segment one code.

    One key if the code is among the shown suggestions (keys 1-9); otherwise the shortest
    prefix of the name that picks it out of the known codes plus Enter; for a new code, its
    whole name plus Enter.
    """
    if is_shown:
        return 1
    if not is_known:
        return len(name) + 1
    return unique_prefix_length(name, known_names) + 1


def unique_prefix_length(name: str, names: list[str]) -> int:
    """Characters of ``name`` needed before no other name starts the same way."""
    lowered = name.casefold()
    others = [other.casefold() for other in names if other.casefold() != lowered]
    for length in range(1, len(lowered) + 1):
        prefix = lowered[:length]
        if not any(other.startswith(prefix) for other in others):
            return length
    return len(lowered)

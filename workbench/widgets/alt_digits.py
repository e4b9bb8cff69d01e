"""alt+1…9 on the coding screen: apply a suggestion and stay (even in auto-next).

A terminal sends alt+digit as ESC and the digit, which Textual reads as the character macOS
types for Option+digit; Pilot and terminals with the kitty keyboard protocol send "alt+N".
"§" (alt+6) is left out, as a code name may begin with it.
"""

from __future__ import annotations

import unicodedata

ALT_DIGIT_CHARACTERS = dict(zip("¡™£¢∞¶•ª", (1, 2, 3, 4, 5, 7, 8, 9), strict=True))


def _key_name(character: str) -> str:
    """Textual's key name for a typed character ("™" → "trade_mark_sign")."""
    if character.isalnum():
        return character
    return unicodedata.name(character).lower().replace("-", "_").replace(" ", "_")


def alt_digit_keys(number: int) -> str:
    """The binding keys that mean alt+``number``."""
    typed = [_key_name(char) for char, digit in ALT_DIGIT_CHARACTERS.items() if digit == number]
    return ",".join([f"alt+{number}", *typed])


def suggestion_digit(key: str, character: str | None) -> tuple[int | None, bool]:
    """(1–9, whether alt was held) for a digit key, else (None, False)."""
    if character in ALT_DIGIT_CHARACTERS:
        return ALT_DIGIT_CHARACTERS[character], True
    stay = key.startswith("alt+")
    digit = key.removeprefix("alt+")
    return (int(digit), stay) if len(digit) == 1 and digit in "123456789" else (None, False)

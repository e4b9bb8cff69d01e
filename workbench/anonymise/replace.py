"""Norwegian placeholders for detections, consistent within one quote."""

from __future__ import annotations

from string import ascii_uppercase

from workbench.anonymise.spans import Span

PLACEHOLDERS = {
    "district": "[bydel]",
    "county": "[fylke]",
    "health": "[helseforetak]",
    "dps": "[DPS]",
    "service": "[tjeneste]",
    "person": "[navn]",
    "phone": "[telefon]",
    "email": "[e-post]",
    "url": "[nettside]",
    "national_id": "[fødselsnummer]",
    "org_number": "[org.nr.]",
    "address": "[adresse]",
}
OWN_MUNICIPALITY = "[kommunen]"


def normalise_key(name: str) -> str:
    """A place name reduced for comparison: case-folded, without "kommune"/"bydel"."""
    words = name.casefold().split()
    return " ".join(word for word in words if word not in {"kommune", "bydel", "herad"})


def placeholders_for(spans: list[Span], own_key: str = "") -> list[str]:
    """The placeholder of each span: own municipality ``[kommunen]``, others lettered A, B …

    Letters follow first mention, certain spans before flagged ones, so a quote reads
    "[kommune A] … [kommune B] … [kommune A]" when the first place comes back.
    """
    own = normalise_key(own_key)
    letters: dict[str, str] = {}
    ordered = sorted(spans, key=lambda span: (not span.certain, span.start))
    for span in ordered:
        key = normalise_key(span.key)
        if span.kind == "municipality" and key != own and key not in letters:
            letters[key] = _letter(len(letters))
    return [_placeholder(span, own, letters) for span in spans]


def _letter(index: int) -> str:
    letters = ascii_uppercase
    return letters[index] if index < len(letters) else letters[index // 26 - 1] + letters[index % 26]


def _placeholder(span: Span, own: str, letters: dict[str, str]) -> str:
    if span.kind != "municipality":
        return PLACEHOLDERS[span.kind]
    key = normalise_key(span.key)
    return OWN_MUNICIPALITY if key == own else f"[kommune {letters[key]}]"


def apply_replacements(text: str, replacements: list[tuple[int, int, str]]) -> str:
    """``text`` with each (start, end, new text) applied; spans must not overlap."""
    pieces, cursor = [], 0
    for start, end, new_text in sorted(replacements):
        pieces += [text[cursor:start], new_text]
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)

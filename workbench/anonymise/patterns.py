"""Regular expressions for identifiers with a fixed shape: phones, e-mail, web addresses,
national id and organisation numbers, street addresses and postcode + place."""

from __future__ import annotations

import re

from workbench.anonymise.spans import Span

_PHONE_GROUPS = (
    r"[2-9]\d{7}",  # 91234567
    r"[2-9]\d(?:[ .]\d{2}){3}",  # 55 12 34 56
    r"[2-9]\d(?:-\d{2}){3}",  # 55-12-34-56
    r"[2-9]\d{2}[ .]\d{2}[ .]\d{3}",  # 912 34 567
)
_PHONE = re.compile(
    r"(?<![\w+(])"
    r"(?:(?:(?:\+|00)47[ .-]?|\((?:\+|00)47\)\s?)(?:[2-9]\d{3}[ .]\d{4}|" + "|".join(_PHONE_GROUPS) + ")"
    r"|(?:" + "|".join(_PHONE_GROUPS) + "))"
    r"(?![\w])(?!\s*(?:kr\b|kroner|NOK|,-|millioner|mill\.))"
)
# Eight digits with any single separators between them ("9 2 4 1 2 1 0 2", "+47-924-12-102").
_PHONE_LOOSE = re.compile(
    r"(?<![\w+.,])(?P<country>(?:\+|00)\s?47[ .-]*)?[2-9](?:[ .-]?\d){7}(?![\d])"
    r"(?!\s*(?:kr\b|kroner|NOK|,-|millioner|mill\.))"
)
_PHONE_LABEL = re.compile(r"(?i:tlf|telefon|mobil|mob|tel|ring|sms)\.?:?\s*$")
_THOUSANDS = re.compile(r"\d{1,3}(?:[ .]\d{3})+")
_YEARS_OR_DATE = re.compile(r"(?:19|20)\d\d\W(?:19|20)\d\d|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}")
_PHONE_AFTER_LABEL = re.compile(r"(?i:tlf\.?|telefon|mobil|tel\.?)(?::)?\s*([2-9]\d{3}[ .]\d{4})\b")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(
    r"(?:https?://|www\.)[^\s<>«»\"]+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:no|com|org|net|info)(?:/[^\s<>«»\"]*)?(?![\w@])"
)
_DIGIT = re.compile(r"\d")
_URL_HINT = re.compile(r"https?://|www\.|\.(?:no|com|org|net|info)\b")
_NATIONAL_ID = re.compile(r"(?<![\d])(\d{6})[ ]?(\d{5})(?![\d])")
_ORG_NUMBER = re.compile(
    r"(?P<label>(?i:org\.?\s*nr\.?|org\.?\s*nummer|organisasjonsnummer)\s*:?\s*)?"
    r"(?<![\d])(?P<number>\d{3}[ ]?\d{3}[ ]?\d{3})(?![\d])"
)
_STREET_SUFFIX = r"(?:gata|gate|gaten|veien|vegen|vei|veg|allé|alle|plass|stien|bakken|torget)"
_STREET = re.compile(
    r"\b(?:(?:[A-ZÆØÅ][\wæøå.-]*\s){0,2}[A-ZÆØÅa-zæøå][\wæøå-]*"
    + _STREET_SUFFIX
    + r"|(?:[A-ZÆØÅ][\wæøå.-]*\s){1,2}(?:gate|vei|veg|allé|plass))"
    + r"\s\d{1,4}(?:\s?[A-H](?![\wæøå]))?(?!\d)"
)
_POSTCODE_PLACE = re.compile(r"(?<![\d])(\d{4})\s+[A-ZÆØÅ][a-zæøå]+(?:[ -][A-ZÆØÅ][a-zæøå]+)?")

_ID_WEIGHTS_1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_ID_WEIGHTS_2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
_ORG_WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)


def _mod11_digit(digits: str, weights: tuple[int, ...]) -> int | None:
    """The mod-11 check digit for ``digits``; None when no valid digit exists (remainder 1)."""
    remainder = sum(int(digit) * weight for digit, weight in zip(digits, weights, strict=True)) % 11
    check = (11 - remainder) % 11
    return None if check == 10 else check


def is_national_id(number: str) -> bool:
    """True if an 11-digit number carries valid check digits of a Norwegian national id."""
    digits = number.replace(" ", "")
    if len(digits) != 11 or not digits.isdigit():
        return False
    first = _mod11_digit(digits[:9], _ID_WEIGHTS_1)
    second = _mod11_digit(digits[:10], _ID_WEIGHTS_2)
    return first == int(digits[9]) and second == int(digits[10])


def is_org_number(number: str) -> bool:
    """True if a 9-digit number is a valid organisation number (starts 8/9, mod-11 check)."""
    digits = number.replace(" ", "")
    if len(digits) != 9 or not digits.isdigit() or digits[0] not in "89":
        return False
    return _mod11_digit(digits[:8], _ORG_WEIGHTS) == int(digits[8])


def pattern_spans(text: str) -> list[Span]:
    """Every regular-expression detection in ``text`` (overlaps are settled later).

    Cheap tests skip the costly expressions for the many texts without digits or links.
    """
    spans = _number_spans(text) if _DIGIT.search(text) else []
    if "@" in text:
        spans += [Span(m.start(), m.end(), "email") for m in _EMAIL.finditer(text)]
    if _URL_HINT.search(text):
        spans += [_url_span(m) for m in _URL.finditer(text)]
    return spans


def _number_spans(text: str) -> list[Span]:
    spans = [Span(m.start(), m.end(), "phone") for m in _PHONE.finditer(text)]
    spans += [Span(m.start(1), m.end(1), "phone") for m in _PHONE_AFTER_LABEL.finditer(text)]
    spans += [Span(m.start(), m.end(), "phone") for m in _PHONE_LOOSE.finditer(text) if _loose_phone(m)]
    spans += [
        Span(m.start(), m.end(), "national_id")
        for m in _NATIONAL_ID.finditer(text)
        if is_national_id(m.group(1) + m.group(2))
    ]
    spans += _org_number_spans(text)
    spans += [Span(m.start(), m.end(), "address") for m in _STREET.finditer(text)]
    spans += _postcode_spans(text)
    return spans


def _loose_phone(match: re.Match) -> bool:
    """A loosely written phone number, unless it reads as an amount, two years or a date."""
    number = match.group()
    labelled = match.group("country") or _PHONE_LABEL.search(
        match.string[max(0, match.start() - 12) : match.start()]
    )
    if labelled:
        return True
    return not (_THOUSANDS.fullmatch(number) or _YEARS_OR_DATE.fullmatch(number))


def _url_span(match: re.Match) -> Span:
    end = match.end()
    while end > match.start() and match.string[end - 1] in ".,;:!?)":
        end -= 1
    return Span(match.start(), end, "url")


def _org_number_spans(text: str) -> list[Span]:
    spans = []
    for match in _ORG_NUMBER.finditer(text):
        if match.group("label") or is_org_number(match.group("number")):
            spans.append(Span(match.start("number"), match.end("number"), "org_number"))
    return spans


def _postcode_spans(text: str) -> list[Span]:
    """Postcode + place; a year-like number only counts after a comma or a line break."""
    spans = []
    for match in _POSTCODE_PLACE.finditer(text):
        looks_like_year = 1900 <= int(match.group(1)) <= 2099
        if looks_like_year and not text[: match.start()].rstrip(" ").endswith((",", "\n")):
            continue
        spans.append(Span(match.start(), match.end(), "address"))
    return spans

"""Words printed in exports: Norwegian (bokmål) by default, English on request."""

from __future__ import annotations

import math

from workbench.errors import UserError

_LABELS = {
    "nb": {
        "category": "Kategori",
        "count": "Antall",
        "percent": "Prosent",
        "total": "Totalt",
        "multiple": "Flere svar mulig",
        "multiple_note": "Flere svar mulig: prosentene summerer seg ikke til 100.",
        "single_note": "Ett svar per enhet: prosentene summerer seg til 100.",
        "answered": "Svarte",
        "units": "Rapporteringsenheter",
        "response_rate": "Svarprosent",
        "base": "n = {answered} av {units} rapporteringsenheter ({rate} % svarte)",
        "uncoded": "Ikke kodet",
        "question": "Spørsmål",
        "chapter": "Kapittel {chapter}",
        "no_chapter": "Uten kapittel",
        "quotes": "Sitater",
        "no_quotes": "Ingen sitater valgt til rapporten.",
        "draft": "IKKE ANONYMISERT",
        "draft_note": "UTKAST – IKKE ANONYMISERT. Skal ikke deles.",
        "cross_note": "Antall (prosent av dem i gruppen som svarte).",
        "county": "Fylke",
        "size_group": "Kommunestørrelse",
        "unknown": "Ukjent",
        "level_main_theme": "Hovedtema",
        "level_sub_theme": "Undertema",
        "level_code": "Kode",
        "report_title": "Kodede fritekstsvar",
        "counts_title": "Tellinger",
        "quotes_title": "Sitater",
        "layer": "Koding: {coder} ({source}).",
        "layer_chosen": "valgt for denne eksporten",
        "layer_primary": "primærkoder",
        "layer_only coder": "eneste koder",
        "layer_consensus": "Konsensus erstatter kodingen der en uenighet er avgjort ({settled} sitater).",
        "layer_none": "Ingen koding ennå.",
        "table_label": "Tabell",
        "figure_label": "Figur",
        "not_coded_yet": "Ikke kodet ennå.",
        "also_coded": "også kodet",
    },
    "en": {
        "category": "Category",
        "count": "Count",
        "percent": "Percent",
        "total": "Total",
        "multiple": "Several answers possible",
        "multiple_note": "Several answers possible: the percentages do not sum to 100.",
        "single_note": "One answer per unit: the percentages sum to 100.",
        "answered": "Answered",
        "units": "Reporting units",
        "response_rate": "Response rate",
        "base": "n = {answered} of {units} reporting units ({rate} % answered)",
        "uncoded": "Not coded",
        "question": "Question",
        "chapter": "Chapter {chapter}",
        "no_chapter": "No chapter",
        "quotes": "Quotes",
        "no_quotes": "No quotes chosen for the report.",
        "draft": "NOT ANONYMISED",
        "draft_note": "DRAFT – NOT ANONYMISED. Do not share.",
        "cross_note": "Count (percent of those in the group who answered).",
        "county": "County",
        "size_group": "Size group",
        "unknown": "Unknown",
        "level_main_theme": "Main theme",
        "level_sub_theme": "Sub-theme",
        "level_code": "Code",
        "report_title": "Coded free-text answers",
        "counts_title": "Counts",
        "quotes_title": "Quotes",
        "layer": "Coding: {coder} ({source}).",
        "layer_chosen": "chosen for this export",
        "layer_primary": "primary coder",
        "layer_only coder": "the only coder",
        "layer_consensus": "Consensus replaces it where a disagreement was settled ({settled} quotes).",
        "layer_none": "No coding yet.",
        "table_label": "Table",
        "figure_label": "Figure",
        "not_coded_yet": "Not coded yet.",
        "also_coded": "also coded",
    },
}

LANGUAGES = tuple(_LABELS)


def labels(lang: str = "nb") -> dict[str, str]:
    """The label set for a language code ("nb" or "en")."""
    if lang not in _LABELS:
        raise UserError(f"unknown export language '{lang}'; choose one of {', '.join(LANGUAGES)}.")
    return _LABELS[lang]


def report_percent(value: float) -> int:
    """A percentage rounded like a report: whole numbers, halves rounded up."""
    return int(math.floor(value + 0.5))


def percent_text(count: int, rounded: int) -> str:
    """A printed percentage: "<1" for a non-zero share that rounds to 0."""
    return "<1" if count and not rounded else str(rounded)

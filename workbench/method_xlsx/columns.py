"""Column headers of the method's spreadsheet, Norwegian by default and English on request."""

from __future__ import annotations

DATA_SHEET = "Data"
CODE_SHEET = "Kodeliste"
QUESTION_SHEET = "Spørsmål"

# key -> (Norwegian header, English header)
DATA_COLUMNS = {
    "segment_id": ("Sitat-ID", "Quote ID"),
    "respondent_id": ("Respondent-ID", "Respondent ID"),
    "wave": ("Bølge", "Wave"),
    "question_id": ("Spørsmål-ID", "Question ID"),
    "start": ("Start", "Start"),
    "end": ("Slutt", "End"),
    "text": ("Sitat", "Quote"),
    "code": ("Kode", "Code"),
    "main_theme": ("Hovedtema", "Main theme"),
    "sub_theme": ("Undertema", "Sub-theme"),
    "coder": ("Koder", "Coder"),
    "memo": ("Memo", "Memo"),
    "for_report": ("Til rapport", "For report"),
    "anonymised": ("Anonymisert sitat", "Anonymised quote"),
    "code_id": ("Kode-ID", "Code ID"),
    "coding_id": ("Koding-ID", "Coding ID"),
    "how": ("Kodet hvordan", "Coded how"),
    "coded_at": ("Kodet når", "Coded when"),
    "segment_created_at": ("Sitat opprettet", "Quote created"),
}

CODE_COLUMNS = {
    "code_id": ("Kode-ID", "Code ID"),
    "label": ("Kode", "Label"),
    "definition": ("Definisjon", "Definition"),
    "main_theme": ("Hovedtema", "Main theme"),
    "sub_theme": ("Undertema", "Sub-theme"),
    "order": ("Rekkefølge", "Order"),
    "created": ("Opprettet", "Created"),
    "merged_into": ("Slått sammen med", "Merged into"),
    "parent_id": ("Overordnet ID", "Parent ID"),
    "is_theme": ("Tema", "Theme"),
    "codable": ("Kodbar", "Codable"),
    "retired": ("Utgått", "Retired"),
    "colour": ("Farge", "Colour"),
    "created_by": ("Opprettet av", "Created by"),
}

QUESTION_COLUMNS = {
    "id": ("Spørsmål-ID", "Question ID"),
    "text": ("Spørsmålstekst", "Question text"),
    "kind": ("Type", "Kind"),
    "chapter": ("Kapittel", "Chapter"),
    "single_code": ("Ett svar", "Single code"),
}

YES = {"nb": "Ja", "en": "Yes"}
NO = {"nb": "Nei", "en": "No"}


def headers(columns: dict[str, tuple[str, str]], lang: str) -> list[str]:
    """The header row of a sheet in the chosen language."""
    index = 0 if lang == "nb" else 1
    return [labels[index] for labels in columns.values()]


def key_for_header(columns: dict[str, tuple[str, str]]) -> dict[str, str]:
    """Header text (either language, case-insensitive) -> column key."""
    return {label.casefold(): key for key, labels in columns.items() for label in labels}


def is_yes(value: object) -> bool:
    """True for the spreadsheet's yes values (Ja/Yes/1/True/x)."""
    return str(value or "").strip().casefold() in {"ja", "yes", "1", "true", "x"}


def cell_text(value: object) -> str:
    """A cell's value as text ("" for an empty cell), unstripped."""
    return "" if value is None else str(value)

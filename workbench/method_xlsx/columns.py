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
    "coder": ("Kodet av", "Coder"),
    "memo": ("Memo", "Memo"),
    "for_report": ("Til rapport", "For report"),
    "anonymised": ("Anonymisert sitat", "Anonymised quote"),
    "code_id": ("Kode-ID", "Code ID"),
    "coding_id": ("Koding-ID", "Coding ID"),
    "how": ("Kodet hvordan", "Coded how"),
    "coded_at": ("Kodet når", "Coded when"),
    "segment_created_at": ("Sitat opprettet", "Quote created"),
    "owner": ("Egen inndeling for", "Own segmentation of"),  # empty: the shared segmentation
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
    "lead_in": ("Innledning", "Lead-in"),
}

QUESTION_COLUMNS = {
    "id": ("Spørsmål-ID", "Question ID"),
    "text": ("Spørsmålstekst", "Question text"),
    "kind": ("Type", "Kind"),
    "chapter": ("Kapittel", "Chapter"),
    "single_code": ("Ett svar", "Single code"),
}

MEMO_SHEET = "Memoer"
MEMO_COLUMNS = {
    "memo_id": ("Memo-ID", "Memo ID"),
    "about": ("Gjelder", "About"),
    "question_id": ("Spørsmål-ID", "Question ID"),
    "respondent_id": ("Respondent-ID", "Respondent ID"),
    "wave": ("Bølge", "Wave"),
    "segment_id": ("Sitat-ID", "Quote ID"),
    "code": ("Kode", "Code"),
    "code_id": ("Kode-ID", "Code ID"),
    "coder": ("Skrevet av", "Written by"),
    "created_at": ("Opprettet", "Created"),
    "updated_at": ("Endret", "Changed"),
    "text": ("Memo", "Memo"),
}
# What a memo is about, in words.
TARGET_VALUES = {
    "project": ("prosjektet", "project"),
    "answer": ("svar", "answer"),
    "segment": ("sitat", "quote"),
    "code": ("kode", "code"),
}

# Headers of respondent attributes the importer knows; other attributes keep their own name.
ATTRIBUTE_HEADERS = {
    "name": ("Navn", "Name"),
    "county": ("Fylke", "County"),
    "size_group": ("Kommunestørrelse", "Size group"),
}
# Stored values shown in words: how a coding was made, and a question's kind.
HOW_VALUES = {
    "typed": ("skrevet", "typed"),
    "suggestion": ("forslag", "suggestion"),
    "bulk": ("flere samtidig", "bulk"),
    "imported": ("importert", "imported"),
    "consensus": ("konsensus", "consensus"),
}
KIND_VALUES = {"open": ("åpent", "open"), "comment": ("kommentar", "comment"), "other": ("annet", "other")}
# Columns holding one line per code of the row (a row is one quote as one coder coded it).
CODE_LINE_COLUMNS = ("code", "main_theme", "sub_theme", "code_id", "coding_id", "how", "coded_at")
# Column widths in characters; the quote and other long texts wrap.
WIDTHS = {"text": 60, "anonymised": 60, "memo": 40, "code": 30, "main_theme": 24, "sub_theme": 24}
WRAPPED = {"text", "anonymised", "memo", "code", "main_theme", "sub_theme", "definition", "label", "lead_in"}

YES = {"nb": "Ja", "en": "Yes"}
NO = {"nb": "Nei", "en": "No"}


def shown_value(values: dict[str, tuple[str, str]], stored: str, lang: str) -> str:
    """A stored value (typed, open …) in the sheet's language; unknown values unchanged."""
    return values[stored][0 if lang == "nb" else 1] if stored in values else stored


def stored_value(values: dict[str, tuple[str, str]], shown: str) -> str:
    """The stored value for a word in either language (case-insensitive); else the text itself."""
    wanted = shown.strip().casefold()
    return next((key for key, words in values.items() if wanted in (w.casefold() for w in words)), shown)


def attribute_header(name: str, lang: str) -> str:
    """The Data sheet's header for a respondent attribute."""
    return shown_value(ATTRIBUTE_HEADERS, name, lang)


def headers(columns: dict[str, tuple[str, str]], lang: str) -> list[str]:
    """The header row of a sheet in the chosen language."""
    index = 0 if lang == "nb" else 1
    return [labels[index] for labels in columns.values()]


# Headers of older files: "Koder" (read as codes or coder) held the coder's name.
_OLD_HEADERS = {"koder": "coder"}


def key_for_header(columns: dict[str, tuple[str, str]]) -> dict[str, str]:
    """Header text (either language, case-insensitive) -> column key."""
    known = {label.casefold(): key for key, labels in columns.items() for label in labels}
    old = {header: key for header, key in _OLD_HEADERS.items() if key in columns and header not in known}
    return {**old, **known}


def is_yes(value: object) -> bool:
    """True for the spreadsheet's yes values (Ja/Yes/1/True/x)."""
    return str(value or "").strip().casefold() in {"ja", "yes", "1", "true", "x"}


def cell_text(value: object) -> str:
    """A cell's value as text ("" for an empty cell), unstripped."""
    return "" if value is None else str(value)

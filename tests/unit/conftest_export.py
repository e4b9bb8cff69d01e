"""A small coded project for the export tests, written with plain inserts, and a fake
anonymisation layer (the quote source the export job hands to ``workbench.export.quotes``)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from workbench.errors import LeakError
from workbench.export import jobs
from workbench.project import create_project
from workbench.store.database import new_id, now, stable_id

WAVE = 2024
RESPONDENTS = {
    "0301": {"name": "Oslo", "county": "Oslo", "size_group": "50 000 og over"},
    "3401": {"name": "Kongsvinger", "county": "Innlandet", "size_group": "10 000–19 999"},
    "3403": {"name": "Hamar", "county": "Innlandet", "size_group": "20 000–49 999"},
    "4601": {"name": "Bergen", "county": "Vestland", "size_group": "50 000 og over"},
    "4602": {"name": "Kinn", "county": "Vestland", "size_group": "10 000–19 999"},
    "1804": {"name": "Bodø", "county": "Nordland", "size_group": "50 000 og over"},
    "1811": {"name": "Bindal", "county": "Nordland", "size_group": "Under 2 000"},
}


@dataclass
class ExportProject:
    """The store and the ids the tests refer to."""

    store: object
    codes: dict[str, str]
    segments: dict[tuple[str, str], list[str]]


def insert_answer(store, respondent: str, question: str, text: str, splits=()) -> list[str]:
    """An answer with its segments (whole answer, or split at the given offsets)."""
    cursor = store.execute(
        "INSERT INTO answers (respondent_id, question_id, wave, text, is_nonresponse) VALUES (?, ?, ?, ?, ?)",
        (respondent, question, WAVE, text, int(not text.strip())),
    )
    if not text.strip():
        return []
    bounds = [0, *splits, len(text)]
    ids = []
    for index, (start, end) in enumerate(zip(bounds, bounds[1:], strict=False)):
        segment_id = stable_id("segment", respondent, question, WAVE) if index == 0 else new_id()
        store.execute(
            "INSERT INTO segments (id, answer_id, start, end, for_report, created_at) "
            "VALUES (?, ?, ?, ?, 1, ?)",
            (segment_id, cursor.lastrowid, start, end, now()),
        )
        ids.append(segment_id)
    return ids


def insert_code(store, name: str, parent_id: str | None = None, *, theme=False, position=0, **fields) -> str:
    code_id = new_id()
    store.execute(
        "INSERT INTO codes (id, parent_id, name, is_theme, position, retired, merged_into, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            code_id,
            parent_id,
            name,
            int(theme),
            position,
            fields.get("retired", 0),
            fields.get("merged_into"),
            now(),
        ),
    )
    return code_id


def insert_coding(store, segment_id: str, code_id: str, coder: str = "ann") -> None:
    store.execute("INSERT OR IGNORE INTO coders (name, created_at) VALUES (?, ?)", (coder, now()))
    store.execute(
        "INSERT INTO codings (id, segment_id, code_id, coder, how, created_at) "
        "VALUES (?, ?, ?, ?, 'typed', ?)",
        (new_id(), segment_id, code_id, coder, now()),
    )


def _codebook(store) -> dict[str, str]:
    codes = {"Samarbeid": insert_code(store, "Samarbeid", theme=True, position=0)}
    codes["Møter"] = insert_code(store, "Møter", codes["Samarbeid"], theme=True, position=0)
    codes["Faste møter"] = insert_code(store, "Faste møter", codes["Møter"], position=0)
    codes["Ad hoc-møter"] = insert_code(store, "Ad hoc-møter", codes["Møter"], position=1)
    codes["Felles rutiner"] = insert_code(store, "Felles rutiner", codes["Samarbeid"], position=1)
    codes["Utfordringer"] = insert_code(store, "Utfordringer", theme=True, position=1)
    codes["Mangel på tid"] = insert_code(store, "Mangel på tid", codes["Utfordringer"])
    codes["Annet"] = insert_code(store, "Annet", position=2)
    codes["Gammel"] = insert_code(store, "Gammel", codes["Utfordringer"], retired=1)
    codes["Tidsnød"] = insert_code(store, "Tidsnød", merged_into=codes["Mangel på tid"])
    return codes


ANSWERS_Q1 = {  # multi-code question: respondent → (text, splits, codes per segment)
    "0301": ("Vi har faste møter. Og faste møter igjen.", (19,), [["Faste møter"], ["Faste møter"]]),
    "3401": ("Faste møter og felles rutiner.", (), [["Faste møter", "Felles rutiner"]]),
    "3403": ("Det mangler tid i Hamar.", (), [["Tidsnød"]]),
    "4601": ("Ad hoc når noe skjer.", (), [["Ad hoc-møter"]]),
    "4602": ("Noe helt annet.", (), [["Annet", "Gammel"]]),
    "1804": ("Ikke kodet ennå.", (), [[]]),
    "1811": ("   ", (), []),
}
ANSWERS_Q2 = {  # single-code question
    "0301": "Ja, faste møter.",
    "3401": "Faste møter.",
    "3403": "Mangler tid.",
    "4601": "Annet.",
    "4602": "Annet her.",
    "1804": "Faste møter hver uke.",
}
Q2_CODES = {
    "0301": "Faste møter",
    "3401": "Faste møter",
    "3403": "Mangel på tid",
    "4601": "Annet",
    "4602": "Annet",
    "1804": "Faste møter",
}


def build_export_project(path) -> ExportProject:
    """Seven units, two chapters, a three-level codebook with a retired and a merged code."""
    store = create_project(path)
    with store.atomic():
        for respondent, attributes in RESPONDENTS.items():
            store.execute(
                "INSERT INTO respondents (id, attributes) VALUES (?, ?)",
                (respondent, json.dumps(attributes, ensure_ascii=False)),
            )
        for position, (question, chapter, single) in enumerate(
            [("q01", "1", 0), ("q02", "1", 1), ("q03", "2", 0)]
        ):
            store.execute(
                "INSERT INTO questions (id, text, chapter, position, single_code) VALUES (?, ?, ?, ?, ?)",
                (question, f"Spørsmål {question}?", chapter, position, single),
            )
        codes = _codebook(store)
        segments = {}
        for respondent, (text, splits, code_lists) in ANSWERS_Q1.items():
            segments[(respondent, "q01")] = insert_answer(store, respondent, "q01", text, splits)
            for segment_id, names in zip(segments[(respondent, "q01")], code_lists, strict=True):
                for name in names:
                    insert_coding(store, segment_id, codes[name])
        for respondent, text in ANSWERS_Q2.items():
            segments[(respondent, "q02")] = insert_answer(store, respondent, "q02", text)
            insert_coding(store, segments[(respondent, "q02")][0], codes[Q2_CODES[respondent]])
    return ExportProject(store, codes, segments)


@dataclass(frozen=True)
class FakeQuote:
    segment_id: str
    text: str
    approved: bool


def install_fake_anonymiser(monkeypatch, *, leak: bool = False) -> list:
    """Replace the anonymisation layer: respondent names become "[kommunen]"; record calls."""
    calls = []

    def anonymised_quotes(store, segment_ids, *, draft=False):
        calls.append((list(segment_ids), draft))
        if leak and not draft:
            raise LeakError("2 quotes still hold unapproved detections: q01-001 'Hamar'.")
        rows = store.rows(
            "SELECT s.id, s.start, s.end, a.text, r.attributes FROM segments s "
            "JOIN answers a ON a.id = s.answer_id JOIN respondents r ON r.id = a.respondent_id"
        )
        by_id = {row["id"]: row for row in rows}
        quotes = []
        for segment_id in segment_ids:
            row = by_id[segment_id]
            text = row["text"][row["start"] : row["end"]].strip()
            name = json.loads(row["attributes"])["name"]
            quotes.append(
                FakeQuote(segment_id, text if draft else text.replace(name, "[kommunen]"), not draft)
            )
        return quotes

    monkeypatch.setattr(jobs, "anonymised_quotes", anonymised_quotes)
    return calls

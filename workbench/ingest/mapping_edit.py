"""A stored question mapping, read back for review and edited one question at a time.

The mapping screen shows each question of a wave with its status and the earlier question(s)
it comes from, with their text similarity; the user changes a status or the sources and
saves (``mapping_save.save_mapping``). Every edit returns a new ``QuestionMapping``; the
checks are those of ``import --map FILE``, worded for the screen.
"""

from __future__ import annotations

from dataclasses import replace

from rapidfuzz import fuzz, utils

from workbench.errors import UserError
from workbench.ingest.mapping import SOURCE_COUNTS, STATUSES, QuestionLink, QuestionMapping
from workbench.store import Store, survey, waves


def similarity(text: str, earlier_text: str) -> int:
    """Text similarity 0–100, as the proposal measures it (token-set ratio)."""
    if not text.strip() or not earlier_text.strip():
        return 0
    return round(fuzz.token_set_ratio(text, earlier_text, processor=utils.default_process))


def mapped_waves(store: Store) -> list[int]:
    """The waves whose questions can continue earlier ones: every wave with a stored mapping
    but the project's first, oldest first."""
    present = survey.waves(store)
    stored = {row["wave"] for row in waves.question_wave_rows(store)}
    return [wave for wave in present[1:] if wave in stored]


def earlier_questions(store: Store, wave: int) -> list[dict]:
    """The questions another wave asked (id, text), each with the text of the latest form
    before ``wave`` that asked it (else of a later form, else the project's text)."""
    forms: dict[str, list[dict]] = {}
    for row in waves.question_wave_rows(store):
        if row["wave"] != wave and row["text"]:
            forms.setdefault(row["question_id"], []).append(row)
    found = []
    for row in waves.earlier_questions(store, wave):
        asked = forms.get(row["id"], [])
        before = [form for form in asked if form["wave"] < wave]
        text = (before or asked)[-1]["text"] if asked else row["text"]
        found.append({"id": row["id"], "text": text})
    return found


def load_mapping(store: Store, wave: int) -> QuestionMapping:
    """The stored mapping of ``wave``, with each link's similarity to its sources recomputed."""
    rows = waves.question_wave_rows(store, wave)
    if not rows:
        raise UserError(f"{store.path}: wave {wave} has no question mapping stored.")
    text_of = {row["id"]: row["text"] for row in earlier_questions(store, wave)}
    links = tuple(
        QuestionLink(
            row["form_id"],
            row["status"],
            tuple(row["sources"]),
            source_similarity(row["text"], row["sources"], text_of),
            row["text"],
        )
        for row in sorted(rows, key=lambda row: _position(store, row["question_id"]))
    )
    linked = {source for link in links for source in link.sources}
    dropped = tuple(question for question in text_of if question not in linked)
    return QuestionMapping(wave, links, dropped)


def _position(store: Store, question_id: str) -> tuple:
    rows = survey.question_rows(store, question_id)
    return (rows[0]["position"], question_id) if rows else (0, question_id)


def source_similarity(text: str, sources, text_of: dict[str, str]) -> int:
    """The best similarity of ``text`` to any of its sources' texts (0 for none)."""
    return max((similarity(text, text_of.get(source, "")) for source in sources), default=0)


def with_status(
    mapping: QuestionMapping, form_id: str, status: str, remembered: tuple[str, ...] = ()
) -> QuestionMapping:
    """The mapping with one question's status changed; its sources (else ``remembered``, e.g.
    the stored ones) kept as far as they fit."""
    if status not in STATUSES:
        raise UserError(f"status '{status}' is not one of {', '.join(STATUSES)}.")
    link = _link(mapping, form_id)
    most = SOURCE_COUNTS[status][1]
    return _replaced(mapping, replace(link, status=status, sources=(link.sources or remembered)[:most]))


def with_sources(
    mapping: QuestionMapping, form_id: str, sources: tuple[str, ...], text_of: dict[str, str]
) -> QuestionMapping:
    """The mapping with one question's earlier question(s) chosen; the similarity recomputed."""
    link = _link(mapping, form_id)
    score = source_similarity(link.text, sources, text_of)
    return _replaced(mapping, replace(link, sources=tuple(sources), score=score))


def _link(mapping: QuestionMapping, form_id: str) -> QuestionLink:
    for link in mapping.links:
        if link.form_id == form_id:
            return link
    raise UserError(f"wave {mapping.wave} has no question {form_id}.")


def _replaced(mapping: QuestionMapping, new: QuestionLink) -> QuestionMapping:
    links = tuple(new if link.form_id == new.form_id else link for link in mapping.links)
    linked = {source for link in links for source in link.sources}
    known = {*mapping.dropped, *(source for link in mapping.links for source in link.sources)}
    return replace(mapping, links=links, dropped=tuple(sorted(known - linked)))


def mapping_problem(store: Store, mapping: QuestionMapping) -> str | None:
    """The first thing that keeps the mapping from being saved, as one sentence, or None."""
    earlier = {row["id"] for row in waves.earlier_questions(store, mapping.wave)}
    for link in mapping.links:
        low, high = SOURCE_COUNTS[link.status]
        if not low <= len(link.sources) <= high:
            need = {0: "no earlier question", 1: "one earlier question"}.get(
                low, "two or more earlier questions"
            )
            return f"{link.form_id} is {link.status}: choose {need} (f)."
        unknown = [source for source in link.sources if source not in earlier]
        if unknown:
            return f"{link.form_id} comes from {unknown[0]}, which no other wave asks."
        if link.status != "continued" and link.form_id in earlier:
            return (
                f"{link.form_id} is a question of another wave already; "
                f"mark it continued from {link.form_id}."
            )
    continued = [link.sources[0] for link in mapping.links if link.status == "continued"]
    twice = sorted({source for source in continued if continued.count(source) > 1})
    if twice:
        return f"two questions continue {twice[0]}; mark them both as split from it."
    return None

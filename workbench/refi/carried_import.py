"""Reading back what ``carried_export`` wrote: questions (answered or not), the waves' question
mapping, codes not used in a wave, the project's settings and its consensus layers (and, for
``code_details``, the Set of codebook details).

A Set that workbench did not write, or whose description does not read as one it wrote, is
discarded and counted. What the importing project already has is kept: its settings (the
primary coder among them), its own mapping of a question in a wave.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from workbench.ingest.importer import check_wave
from workbench.refi.carried_export import NOT_USED_KEY, QUESTION_KEY, SETTINGS_KEY
from workbench.refi.code_details import DETAILS_KEY
from workbench.refi.project import PROJECT_NAMESPACE
from workbench.store import Store, now, report_layer, survey, waves
from workbench.store import coders as coder_rows

QUESTION_KINDS = ("open", "comment", "other")
WAVE_STATUSES = ("new", "continued", "split", "merged")


def _tag(name: str) -> str:
    return f"{{{PROJECT_NAMESPACE}}}{name}"


def read_json(element: ET.Element | None) -> dict:
    """The JSON object in an element's text; {} when there is none or it is no object."""
    try:
        value = json.loads(element.text or "") if element is not None else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def question_fields(question_id: str, values: dict) -> dict:
    """A question as workbench exports it (unknown kinds read as open, anything else as text)."""
    kind = values.get("question_kind", values.get("kind", "open"))
    single = values.get("single_code")
    return {
        "id": question_id,
        "text": str(values.get("question_text", values.get("text")) or ""),
        "kind": kind if kind in QUESTION_KINDS else "open",
        "chapter": str(values.get("chapter") or "") or None,
        "single_code": int(single is True or single == 1 or single == "true"),
    }


@dataclass
class CarriedSets:
    """The Sets of an archive: workbench's questions and not-used marks, and the others' count."""

    questions: list[dict] = field(default_factory=list)
    not_used: list[tuple[dict, list[str]]] = field(default_factory=list)
    codebook: dict = field(default_factory=dict)
    foreign: int = 0


def read_sets(root: ET.Element) -> CarriedSets:
    """Sort the archive's Sets into the ones workbench wrote and the rest."""
    found = CarriedSets()
    for element in root.iter(_tag("Set")):
        marks = read_json(element.find(_tag("Description")))
        question, not_used = marks.get(QUESTION_KEY), marks.get(NOT_USED_KEY)
        if isinstance(marks.get(DETAILS_KEY), dict):
            found.codebook = marks[DETAILS_KEY]
        elif isinstance(question, dict) and isinstance(question.get("id"), str) and question["id"].strip():
            found.questions.append(question)
        elif isinstance(not_used, dict) and isinstance(not_used.get("wave"), int):
            members = [ref.get("targetGUID") for ref in element.findall(_tag("MemberCode"))]
            found.not_used.append((not_used, [guid for guid in members if guid]))
        else:
            found.foreign += 1
    return found


def restore_questions(store: Store, questions: list[dict]) -> set[str]:
    """Create or update the questions (in the archive's order) and their wave mapping."""
    mapped = waves.question_wave_rows(store)
    taken = {(row["question_id"], row["wave"]) for row in mapped} | {
        (row["wave"], row["form_id"]) for row in mapped
    }
    for question in questions:
        survey.upsert_question(store, question_fields(question["id"].strip(), question))
        forms = question.get("waves") if isinstance(question.get("waves"), list) else []
        for form in forms:
            row = _wave_row(question["id"].strip(), form)
            if row and (row[0], row[1]) not in taken and (row[1], row[2]) not in taken:
                waves.record_question_waves(store, row[1], [(row[0], *row[2:])])
                taken |= {(row[0], row[1]), (row[1], row[2])}
    return {question["id"].strip() for question in questions}


def _wave_row(question_id: str, form: object) -> tuple | None:
    """(question, wave, form id, text, status, sources) of one mapping entry; None if unreadable."""
    if not isinstance(form, dict) or not isinstance(form.get("wave"), int):
        return None
    sources = form.get("sources") if isinstance(form.get("sources"), list) else []
    status = form.get("status") if form.get("status") in WAVE_STATUSES else "new"
    form_id = str(form.get("form_id") or question_id)
    text = str(form.get("text") or "")
    return (question_id, check_wave(form["wave"]), form_id, text, status, [str(s) for s in sources])


def restore_not_used(store: Store, not_used: list[tuple[dict, list[str]]], code_ids: dict) -> None:
    """Mark the member codes as not used in their Set's wave (codes the import knows only)."""
    for marks, members in not_used:
        marked_by = marks.get("marked_by") if isinstance(marks.get("marked_by"), dict) else {}
        for guid in members:
            if guid in code_ids:
                coder = marked_by.get(guid)
                waves.mark_code_not_used(
                    store,
                    code_ids[guid],
                    check_wave(marks["wave"]),
                    coder if isinstance(coder, str) else None,
                )


def restore_settings(store: Store, root: ET.Element) -> None:
    """Consensus layers as consensus coders; each setting the project does not have yet."""
    carried = read_json(root.find(_tag("Description"))).get(SETTINGS_KEY)
    if not isinstance(carried, dict):
        return
    consensus = carried.get("consensus_coders")
    for name in consensus if isinstance(consensus, list) else []:
        if isinstance(name, str) and name.strip():
            coder_rows.insert_coder(store, name, True, now())
    settings = carried.get("settings") if isinstance(carried.get("settings"), dict) else {}
    for key, value in settings.items():
        if not isinstance(value, str) or not value.strip() or store.get_setting(key) is not None:
            continue
        if key == report_layer.PRIMARY_CODER_SETTING:
            report_layer.set_primary_coder(store, value)
        else:
            store.set_setting(key, value)

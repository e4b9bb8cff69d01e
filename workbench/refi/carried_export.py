"""What REFI-QDA has no element for, written where the schema allows free text.

- Every question (answered or not) is a ``Set`` named by its id, with a ``MemberSource`` for
  each of its answers and a ``Description`` holding ``{"workbench_question": {id, text, kind,
  chapter, single_code, position, waves: [{wave, form_id, text, status, sources}]}}`` — the
  question and how each wave's form mapped onto it. A question without answers travels too.
- The codes marked as not used in a wave are a ``Set`` with a ``MemberCode`` per code and
  ``{"workbench_codes_not_used": {wave, marked_by: {code guid: coder}}}``.
- The project's settings (its primary coder, suggestion engine …) and its consensus layers are
  the ``Project``'s ``Description``: ``{"workbench": {"settings": {key: value},
  "consensus_coders": […]}}``.

JSON escapes control characters, so hostile text in these fields survives exactly. Other
tools show the Sets as document and code groups and the JSON as their descriptions.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from workbench.coding.codebook_tree import Codebook
from workbench.store import Store, report_layer, stable_id, survey, waves
from workbench.store import interchange as interchange_rows

QUESTION_KEY = "workbench_question"
NOT_USED_KEY = "workbench_codes_not_used"
SETTINGS_KEY = "workbench"
QUESTION_FIELDS = ("id", "text", "kind", "chapter", "single_code", "position")
WAVE_FIELDS = ("wave", "form_id", "text", "status", "sources")


def _json(value: dict) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def question_sets(store: Store, sources_by_question: dict[str, list[str]]) -> list[ET.Element]:
    """One Set per question, in report order, with its answers' sources as members."""
    forms: dict[str, list[dict]] = {}
    for row in waves.question_wave_rows(store):
        forms.setdefault(row["question_id"], []).append({key: row[key] for key in WAVE_FIELDS})
    sets = []
    for question in survey.question_rows(store):
        fields = {key: question[key] for key in QUESTION_FIELDS}
        element = ET.Element(
            "Set", {"guid": stable_id("refi-question", question["id"]), "name": question["id"]}
        )
        description = {QUESTION_KEY: {**fields, "waves": forms.get(question["id"], [])}}
        ET.SubElement(element, "Description").text = _json(description)
        for guid in sources_by_question.get(question["id"], []):
            ET.SubElement(element, "MemberSource", {"targetGUID": guid})
        sets.append(element)
    return sets


def not_used_sets(store: Store, codebook: Codebook) -> list[ET.Element]:
    """One Set per wave with codes marked as not used in it (live codes only)."""
    by_wave: dict[int, dict[str, str | None]] = {}
    for row in interchange_rows.codes_not_used_rows(store):
        if codebook.resolve(row["code_id"]) == row["code_id"]:
            by_wave.setdefault(row["wave"], {})[row["code_id"]] = row["marked_by"]
    sets = []
    for wave, marked_by in sorted(by_wave.items()):
        element = ET.Element(
            "Set", {"guid": stable_id("refi-not-used", str(wave)), "name": f"Not used in {wave}"}
        )
        description = {NOT_USED_KEY: {"wave": wave, "marked_by": marked_by}}
        ET.SubElement(element, "Description").text = _json(description)
        for code_id in marked_by:
            ET.SubElement(element, "MemberCode", {"targetGUID": code_id})
        sets.append(element)
    return sets


def add_sets(
    root: ET.Element, store: Store, codebook: Codebook, sources_by_question: dict, more: list[ET.Element]
) -> None:
    """Append the ``Sets`` element with ``more`` sets at its end (omitted when there is no set:
    an empty one is invalid)."""
    sets = [*question_sets(store, sources_by_question), *not_used_sets(store, codebook), *more]
    if sets:
        ET.SubElement(root, "Sets").extend(sets)


def add_project_description(root: ET.Element, store: Store) -> None:
    """Append the project's Description with its settings and consensus layers, if any."""
    settings = {
        "settings": interchange_rows.all_settings(store),
        "consensus_coders": report_layer.consensus_coders(store),
    }
    if settings["settings"] or settings["consensus_coders"]:
        ET.SubElement(root, "Description").text = _json({SETTINGS_KEY: settings})


def left_out_notice(store: Store) -> str | None:
    """One sentence naming what the archive cannot carry, or None when nothing is lost."""
    counts = interchange_rows.uncarried_counts(store)
    parts = [
        f"the change history ({_count(counts['events'], 'event')})" if counts["events"] else "",
        f"the import log ({_count(counts['imports'], 'file')})" if counts["imports"] else "",
        f"the anonymisation log ({_count(counts['anonymisation_log'], 'entry')})"
        if counts["anonymisation_log"]
        else "",
        _count(counts["merge_conflicts"], "unsettled merge conflict") if counts["merge_conflicts"] else "",
        _count(counts["anonymisation_spans"], "anonymisation decision") + " not yet approved"
        if counts["anonymisation_spans"]
        else "",
    ]
    kept = [part for part in parts if part]
    if not kept:
        return None
    return "project.qdpx leaves out what REFI-QDA cannot hold: " + ", ".join(kept) + "."


def _count(number: int, noun: str) -> str:
    if number == 1:
        return f"{number} {noun}"
    return f"{number} {noun[:-1]}ies" if noun.endswith("y") else f"{number} {noun}s"

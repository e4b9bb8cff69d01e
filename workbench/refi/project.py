"""Export a project as a REFI-QDA ``.qdpx`` archive (``project.qde`` plus ``sources/``).

Map: respondent → Case with VariableValues; attribute → Variable; answer → TextSource
(non-responses too, as empty sources, so the report's base survives the round trip);
segment → PlainTextSelection; coding → Coding; coder → User; memo → Note.

A source carries its question as REFI variables: ``question_id``, ``wave``,
``question_text``, ``chapter``, ``question_kind`` (open/comment/other), ``single_code``
("true"/"false") and ``question_position``. A selection's ``Description`` is "for_report"
when the segment is marked for the report, or a JSON object ``{"for_report": …,
"anonymisation": {"segment_hash", "final_text", "approved_by", "approved_at"},
"adjudications": […], "assignments": […], "review_comments": […]}`` when its anonymised text
was approved or team work touched it (``team_marks``). Every question (answered or not), the
waves' question mapping, codes not used in a wave, the project's settings and its consensus
layers travel in Sets and the Project's Description (``carried_export``). The codebook holds
the live codes and the Codings count as the report counts (a merged-away code's coding as its
survivor's, a deleted code's not at all); one more Set keeps every code and coding exactly,
for workbench (``code_details``), and another every text XML cannot hold (``exact_texts``).
GUIDs are the project's own UUIDs where it has them and deterministic uuid5 values otherwise,
and the ZIP carries fixed timestamps, so exporting an unchanged project twice gives identical
bytes.
"""

from __future__ import annotations

import functools
import json
import xml.etree.ElementTree as ET
import zipfile
from collections import defaultdict
from pathlib import Path

from workbench.cells import xml_safe_tree
from workbench.coding.codebook_tree import Codebook
from workbench.files import atomic_path
from workbench.refi.carried_export import add_project_description, add_sets
from workbench.refi.code_details import details_set
from workbench.refi.codebook import add_codes
from workbench.refi.exact_texts import add_exact_texts
from workbench.refi.team_marks import team_marks
from workbench.store import Store, stable_id, survey
from workbench.store import anonymisation as anonymisation_rows
from workbench.store import answers as answer_rows
from workbench.store import coders as coder_rows
from workbench.store import codings as coding_rows
from workbench.store import interchange as interchange_rows
from workbench.store import memos as memo_rows
from workbench.store import segments as segment_rows

PROJECT_NAMESPACE = "urn:QDA-XML:project:1.0"
SOURCE_VARIABLES = (
    "question_id",
    "wave",
    "question_text",
    "chapter",
    "question_kind",
    "single_code",
    "question_position",
)
APPROVAL_FIELDS = ("segment_hash", "final_text", "approved_by", "approved_at")
_FIXED_ZIP_TIME = (2020, 1, 1, 0, 0, 0)


def user_guid(coder: str) -> str:
    return stable_id("refi-user", coder)


@functools.lru_cache(maxsize=4096)
def variable_guid(name: str) -> str:
    return stable_id("refi-variable", name)


def case_guid(respondent_id: str) -> str:
    return stable_id("refi-case", respondent_id)


def source_guid(answer: dict) -> str:
    return stable_id("refi-source", answer["respondent_id"], answer["question_id"], answer["wave"])


class _ProjectWriter:
    """Builds the ``project.qde`` tree from one store's rows."""

    def __init__(self, store: Store):
        self.store = store
        self.answers = answer_rows.every_answer(store)
        self.questions = {question["id"]: question for question in survey.question_rows(store)}
        self.approvals = anonymisation_rows.approval_rows(store)
        self.team = interchange_rows.team_rows_by_segment(store)
        self.codebook = Codebook.from_store(store)
        self.written: dict[str, str] = {}  # coding id → the code its REFI Coding names
        self.segments_by_answer: dict[int, list[dict]] = defaultdict(list)
        for segment in segment_rows.all_segments(store):
            self.segments_by_answer[segment["answer_id"]].append(segment)
        self.codings_by_segment: dict[str, list[dict]] = defaultdict(list)
        for coding in coding_rows.all_codings(store):
            self.codings_by_segment[coding["segment_id"]].append(coding)
        self.memos_by_segment: dict[str, list[dict]] = defaultdict(list)
        for memo in memo_rows.all_memos(store):
            self.memos_by_segment[memo["segment_id"]].append(memo)
        self.respondents = [
            {"id": respondent_id, "attributes": attributes}
            for respondent_id, attributes in survey.attributes_by_respondent(store).items()
        ]
        self.attribute_names = sorted({key for r in self.respondents for key in r["attributes"]})

    def build(self, name: str) -> ET.Element:
        root = ET.Element("Project", {"xmlns": PROJECT_NAMESPACE, "name": name, "origin": "workbench"})
        self._users(root)
        self._codebook(root)
        self._variables(root)
        self._cases(root)
        self._sources(root)
        self._notes(root)
        sources_by_question: dict[str, list[str]] = defaultdict(list)
        for answer in self.answers:
            sources_by_question[answer["question_id"]].append(source_guid(answer))
        add_sets(
            root, self.store, self.codebook, sources_by_question, [details_set(self.store, self.written)]
        )
        add_project_description(root, self.store)
        return root

    def _users(self, root: ET.Element) -> None:
        coders = coder_rows.all_coders(self.store)
        if coders:
            users = ET.SubElement(root, "Users")
            for coder in coders:
                ET.SubElement(users, "User", {"guid": user_guid(coder["name"]), "name": coder["name"]})

    def _codebook(self, root: ET.Element) -> None:
        codes = self.codebook.live()
        if codes:
            codes_element = ET.SubElement(ET.SubElement(root, "CodeBook"), "Codes")
            add_codes(codes_element, codes)

    def _variables(self, root: ET.Element) -> None:
        variables = ET.SubElement(root, "Variables")
        for name in [*self.attribute_names, *SOURCE_VARIABLES]:
            ET.SubElement(
                variables,
                "Variable",
                {"guid": variable_guid(name), "name": name, "typeOfVariable": "Text"},
            )

    def _cases(self, root: ET.Element) -> None:
        if not self.respondents:
            return
        sources_by_respondent: dict[str, list[str]] = defaultdict(list)
        for answer in self.answers:
            sources_by_respondent[answer["respondent_id"]].append(source_guid(answer))
        cases = ET.SubElement(root, "Cases")
        for respondent in self.respondents:
            case = ET.SubElement(
                cases, "Case", {"guid": case_guid(respondent["id"]), "name": respondent["id"]}
            )
            for key in self.attribute_names:
                if key in respondent["attributes"]:
                    _variable_value(case, key, respondent["attributes"][key])
            for guid in sources_by_respondent[respondent["id"]]:
                ET.SubElement(case, "SourceRef", {"targetGUID": guid})

    def _sources(self, root: ET.Element) -> None:
        if not self.answers:
            return
        sources = ET.SubElement(root, "Sources")
        for answer in self.answers:
            guid = source_guid(answer)
            source = ET.SubElement(
                sources,
                "TextSource",
                {
                    "guid": guid,
                    "name": f"{answer['respondent_id']} {answer['question_id']} {answer['wave']}",
                    "plainTextPath": f"internal://{guid}.txt",
                },
            )
            for segment in self.segments_by_answer[answer["id"]]:
                self._selection(source, segment)
            for name, value in _question_variables(answer, self.questions[answer["question_id"]]):
                _variable_value(source, name, value)

    def _selection(self, source: ET.Element, segment: dict) -> None:
        selection = ET.SubElement(
            source,
            "PlainTextSelection",
            {
                "guid": segment["id"],
                "startPosition": str(segment["start"]),
                "endPosition": str(segment["end"]),
                "creationDateTime": segment["created_at"],
            },
        )
        description = selection_description(
            segment, self.approvals.get(segment["id"]), self.team.get(segment["id"], {})
        )
        if description:
            ET.SubElement(selection, "Description").text = description
        for coding, code_id in self._counted_codings(segment["id"]):
            element = ET.SubElement(
                selection,
                "Coding",
                {
                    "guid": coding["id"],
                    "creatingUser": user_guid(coding["coder"]),
                    "creationDateTime": coding["created_at"],
                },
            )
            ET.SubElement(element, "CodeRef", {"targetGUID": code_id})
        for memo in self.memos_by_segment[segment["id"]]:
            ET.SubElement(selection, "NoteRef", {"targetGUID": memo["id"]})

    def _counted_codings(self, segment_id: str) -> list[tuple[dict, str]]:
        """The segment's codings with the live code each counts for, as the report counts them:
        a merged-away code's coding goes to its survivor (once per coder, as a merge collapses
        duplicates); a deleted code's coding, which no report counts, stays behind."""
        kept: dict[tuple[str, str], tuple[dict, str]] = {}
        for coding in self.codings_by_segment[segment_id]:
            code_id = self.codebook.resolve(coding["code_id"])
            if code_id is not None:
                kept.setdefault((code_id, coding["coder"]), (coding, code_id))
        self.written.update({coding["id"]: code_id for coding, code_id in kept.values()})
        return list(kept.values())

    def _notes(self, root: ET.Element) -> None:
        memos = [memo for memos in self.memos_by_segment.values() for memo in memos]
        if not memos:
            return
        notes = ET.SubElement(root, "Notes")
        for memo in memos:
            note = ET.SubElement(
                notes,
                "Note",
                {
                    "guid": memo["id"],
                    "creatingUser": user_guid(memo["coder"]),
                    "creationDateTime": memo["created_at"],
                    "modifiedDateTime": memo["updated_at"],
                },
            )
            ET.SubElement(note, "PlainTextContent").text = memo["text"]


def _question_variables(answer: dict, question: dict) -> list[tuple[str, str]]:
    return [
        ("question_id", answer["question_id"]),
        ("wave", str(answer["wave"])),
        ("question_text", question["text"]),
        ("chapter", question["chapter"] or ""),
        ("question_kind", question["kind"]),
        ("single_code", "true" if question["single_code"] else "false"),
        ("question_position", str(question["position"])),
    ]


def selection_description(segment: dict, approval: dict | None, team: dict[str, list[dict]]) -> str:
    """ "for_report", or JSON with the report mark, the coder whose own segment it is, the
    approved anonymised text and the team work on the segment (see ``team_marks``)."""
    owner = segment.get("coder")
    if approval is None and not team and not owner:
        return "for_report" if segment["for_report"] else ""
    marks: dict = {"for_report": bool(segment["for_report"]), **team_marks(team)}
    if owner:
        marks["owner"] = owner
    if approval is not None:
        marks["anonymisation"] = {key: approval[key] for key in APPROVAL_FIELDS}
    return json.dumps(marks, ensure_ascii=False)


def _variable_value(parent: ET.Element, name: str, value: object) -> None:
    element = ET.SubElement(parent, "VariableValue")
    ET.SubElement(element, "VariableRef", {"targetGUID": variable_guid(name)})
    ET.SubElement(element, "TextValue").text = "" if value is None else str(value)


def project_document(store: Store, name: str) -> bytes:
    """The ``project.qde`` XML document for a store."""
    root = _ProjectWriter(store).build(name)
    add_exact_texts(root)
    ET.indent(root)
    return ET.tostring(xml_safe_tree(root), encoding="utf-8", xml_declaration=True)


def _write_entry(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=_FIXED_ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    archive.writestr(info, data)


def export_qdpx(store: Store, path: str | Path, *, on_progress=None) -> Path:
    """Write the whole project as a ``.qdpx`` archive (atomically) and return its path."""
    path = Path(path)
    answers = answer_rows.every_answer(store)
    with atomic_path(path) as temporary, zipfile.ZipFile(temporary, "w") as archive:
        _write_entry(archive, "project.qde", project_document(store, path.stem))
        for done, answer in enumerate(answers, start=1):
            _write_entry(archive, f"sources/{source_guid(answer)}.txt", answer["text"].encode("utf-8"))
            if on_progress and done % 500 == 0:
                on_progress(done, len(answers))
    if on_progress:
        on_progress(len(answers), len(answers))
    return path

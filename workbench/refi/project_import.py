"""Import a REFI-QDA ``.qdpx`` archive into a project, reporting what had to be discarded.

Codes are matched by GUID, then by path; answers by respondent, question and wave (from the
source's ``question_id``/``wave`` variables that workbench writes, otherwise one question named
after the archive). Selections become segments, Codings codings, Notes on selections memos.
Everything happens in one transaction: a file that cannot be read changes nothing.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from workbench.coding.codebook_tree import Codebook
from workbench.errors import UserError
from workbench.ingest.importer import check_wave
from workbench.ingest.limits import checked_zip, read_member, refuse_deep_xml
from workbench.refi import carried_import
from workbench.refi.carried_import import question_fields
from workbench.refi.code_details import restore_details
from workbench.refi.codebook import read_code_elements, split_name_notices, with_parents
from workbench.refi.exact_texts import restore_exact_texts
from workbench.refi.project import PROJECT_NAMESPACE
from workbench.refi.selections import SelectionPlacer
from workbench.store import Store, new_id, now, stable_id, survey
from workbench.store import answers as answer_rows
from workbench.store import coders as coder_rows
from workbench.store import codes as code_rows
from workbench.store import codings as coding_rows
from workbench.store import memos as memo_rows
from workbench.store import segments as segment_rows

# Anything else a hostile archive can provoke while its elements are read (the transaction
# rolls back): reported as one sentence, never a traceback.
_UNREADABLE = (
    ValueError,
    TypeError,
    AttributeError,
    KeyError,
    OverflowError,
    RecursionError,
    zipfile.BadZipFile,
    zlib.error,
    NotImplementedError,
    RuntimeError,
    EOFError,
)
_UNSUPPORTED = ("PictureSource", "PDFSource", "AudioSource", "VideoSource", "Links", "Graphs")


def _tag(name: str) -> str:
    return f"{{{PROJECT_NAMESPACE}}}{name}"


@dataclass
class QdpxImportReport:
    """What an import added, and what it could not take (kind → count)."""

    codes_new: int = 0
    answers_new: int = 0
    segments_new: int = 0
    codings_new: int = 0
    memos_new: int = 0
    discarded: Counter = field(default_factory=Counter)
    notices: tuple[str, ...] = ()

    def summary(self) -> str:
        """What was added, then one line per kind of element that had to be discarded."""
        lines = [
            f"Imported {self.answers_new} new answers, {self.segments_new} new segments, "
            f"{self.codes_new} new codes, {self.codings_new} new codings and {self.memos_new} memos."
        ]
        lines += [f"Discarded {count} × {kind}." for kind, count in sorted(self.discarded.items())]
        lines += list(self.notices)
        return "\n".join(lines)


def _read_archive(path: Path) -> tuple[ET.Element, zipfile.ZipFile]:
    archive = checked_zip(path, "REFI-QDA .qdpx archive")
    project_files = [name for name in archive.namelist() if name.lower().endswith(".qde")]
    if len(project_files) != 1:
        raise UserError(
            f"{path}: a .qdpx archive must hold exactly one .qde file, found {len(project_files)}."
        )
    try:
        root = ET.fromstring(read_member(archive, project_files[0]))
    except ET.ParseError as error:
        raise UserError(f"{path}: {project_files[0]} is not well-formed XML ({error}).") from None
    refuse_deep_xml(root, path)
    if root.tag != _tag("Project"):
        raise UserError(f"{path}: the root element of {project_files[0]} is not a REFI-QDA Project.")
    restore_exact_texts(root, PROJECT_NAMESPACE)
    return root, archive


class _Importer:
    def __init__(
        self,
        store: Store,
        root: ET.Element,
        archive: zipfile.ZipFile,
        *,
        coder: str,
        wave: int,
        fallback_question: str,
    ):
        self.store, self.root, self.archive = store, root, archive
        self.coder, self.wave, self.fallback_question = coder, wave, fallback_question
        self.report = QdpxImportReport()
        self.users = {u.get("guid"): u.get("name") or u.get("guid") for u in root.iter(_tag("User"))}
        self.variables = {v.get("guid"): v.get("name") for v in root.iter(_tag("Variable"))}
        self.notes = {note.get("guid"): note for note in root.iter(_tag("Note"))}
        self.code_ids: dict[str, str] = {}
        self.case_of_source: dict[str, str] = {}
        self.described_questions: set[str] = set()
        self.new_codes: set[str] = set()
        self.new_codings: set[str] = set()

    def run(self) -> QdpxImportReport:
        for name in _UNSUPPORTED:
            self.report.discarded[name] += len(list(self.root.iter(_tag(name))))
        carried_import.restore_settings(self.store, self.root)
        self._codes()
        sets = carried_import.read_sets(self.root)
        self.report.discarded["Set"] += sets.foreign
        self.described_questions = carried_import.restore_questions(self.store, sets.questions)
        self._cases()
        for source in self.root.iter(_tag("TextSource")):
            self._source(source)
        carried_import.restore_not_used(self.store, sets.not_used, self.code_ids)
        restore_details(self.store, sets.codebook, self.new_codes, self.new_codings)
        self.report.discarded = Counter({k: v for k, v in self.report.discarded.items() if v})
        return self.report

    def _codes(self) -> None:
        codes_element = self.root.find(f"{_tag('CodeBook')}/{_tag('Codes')}")
        if codes_element is None:
            return
        specs = read_code_elements(codes_element, PROJECT_NAMESPACE)
        _refuse_duplicate_guids(specs)
        self.report.notices += split_name_notices(Path(self.archive.filename or "").name, specs)
        codebook = Codebook.from_store(self.store)
        by_path = {codebook.names(code.id): code.id for code in codebook.live()}
        positions: Counter = Counter()
        for spec in with_parents(specs):
            parent_id = by_path.get(spec.path[:-1]) if len(spec.path) > 1 else None
            if spec.guid in codebook:
                code_id = spec.guid
            elif spec.path in by_path:
                code_id = by_path[spec.path]
            else:
                code_id = self._new_code(spec, parent_id, positions)
            if spec.guid:
                self.code_ids[spec.guid] = code_id
            by_path[spec.path] = code_id
            positions[parent_id] += 1

    def _new_code(self, spec, parent_id: str | None, positions: Counter) -> str:
        code_id = spec.guid or new_id()
        code_rows.insert_code_if_new(self.store, _code_row(spec, code_id, parent_id, positions, self.coder))
        if spec.lead_in:
            code_rows.update_code(self.store, code_id, lead_in=spec.lead_in)
        self.report.codes_new += 1
        self.new_codes.add(code_id)
        return code_id

    def _cases(self) -> None:
        for case in self.root.iter(_tag("Case")):
            respondent_id = _name_of(case, "Case")
            attributes = self._values(case)
            survey.upsert_respondent(self.store, respondent_id, attributes)
            for ref in case.findall(_tag("SourceRef")):
                self.case_of_source[ref.get("targetGUID")] = respondent_id
            self.report.discarded["Case CodeRef"] += len(case.findall(_tag("CodeRef")))

    def _values(self, element: ET.Element) -> dict[str, str]:
        values = {}
        for value in element.findall(_tag("VariableValue")):
            ref = value.find(_tag("VariableRef"))
            name = self.variables.get(ref.get("targetGUID")) if ref is not None else None
            content = next((child.text for child in value if child.tag != _tag("VariableRef")), None)
            if name:
                values[name] = content or ""
        return values

    def _source_text(self, source: ET.Element) -> str | None:
        content = source.find(_tag("PlainTextContent"))
        if content is not None:
            return content.text or ""
        path = source.get("plainTextPath", "")
        if not path.startswith("internal://"):
            return None
        file_name = path.removeprefix("internal://")
        for folder in ("sources", "Sources"):
            try:
                data = read_member(self.archive, f"{folder}/{file_name}")
            except KeyError:
                continue
            try:
                return data.decode("utf-8-sig")
            except UnicodeDecodeError as error:
                raise UserError(
                    f"{folder}/{file_name}: byte {error.start} is not UTF-8 (REFI-QDA sources are "
                    "UTF-8); nothing imported."
                ) from None
        return None

    def _new_answer(self, respondent_id: str, question_id: str, wave: int, text: str) -> int:
        """Add a source's answer and, unless it is a non-response, its whole-answer segment."""
        answer_id = answer_rows.insert_answer(self.store, respondent_id, question_id, wave, text)
        self.report.answers_new += 1
        if text.strip():
            segment = {"id": stable_id("segment", respondent_id, question_id, wave), "answer_id": answer_id}
            segment_rows.insert_segment(self.store, {**segment, "start": 0, "end": len(text)})
        return answer_id

    def _source(self, source: ET.Element) -> None:
        text = self._source_text(source)
        if text is None:
            self.report.discarded["TextSource without readable text"] += 1
            return
        variables = self._values(source)
        respondent_id = self.case_of_source.get(source.get("guid")) or _name_of(source, "TextSource")
        question_id = variables.get("question_id") or self.fallback_question
        wave = _wave(variables.get("wave", ""), self.wave)
        survey.upsert_respondent(self.store, respondent_id, {})
        survey.ensure_question(self.store, question_id)
        if "question_text" in variables and question_id not in self.described_questions:
            survey.upsert_question(self.store, question_fields(question_id, variables))
        answer_id = answer_rows.answer_id_for(self.store, respondent_id, question_id, wave)
        fresh = answer_id is None
        if fresh:
            answer_id = self._new_answer(respondent_id, question_id, wave, text)
        elif answer_rows.answer_text(self.store, answer_id) != text:
            self.report.discarded["TextSource whose text differs from the project's answer"] += 1
            return
        natural_key = (respondent_id, question_id, wave)
        placer = SelectionPlacer(self.store, answer_id, text, natural_key, fresh=fresh)
        self.report.segments_new += placer.place(source, self)
        self.report.discarded.update(placer.discarded)

    def add_coding(self, segment_id: str, coding: ET.Element) -> None:
        ref = coding.find(_tag("CodeRef"))
        code_id = self.code_ids.get(ref.get("targetGUID")) if ref is not None else None
        if code_id is None:
            self.report.discarded["Coding of an unknown code"] += 1
            return
        coder = self.users.get(coding.get("creatingUser")) or self.coder
        coder_rows.insert_coder(self.store, coder, False, now())
        coding_id = coding.get("guid") or new_id()
        added = coding_rows.insert_coding_if_new(
            self.store,
            {
                "id": coding_id,
                "segment_id": segment_id,
                "code_id": code_id,
                "coder": coder,
                "how": "imported",
                "created_at": coding.get("creationDateTime"),
            },
        )
        self.report.codings_new += added
        if added:
            self.new_codings.add(coding_id)

    def add_memo(self, segment_id: str, note_ref: ET.Element) -> None:
        note = self.notes.get(note_ref.get("targetGUID"))
        content = note.find(_tag("PlainTextContent")) if note is not None else None
        if content is None:
            self.report.discarded["NoteRef without a readable Note"] += 1
            return
        coder = self.users.get(note.get("creatingUser")) or self.coder
        self.report.memos_new += memo_rows.insert_memo_if_new(
            self.store,
            {
                "id": note.get("guid"),
                "segment_id": segment_id,
                "coder": coder,
                "text": content.text or "",
                "created_at": note.get("creationDateTime"),
                "updated_at": note.get("modifiedDateTime"),
            },
        )


def _code_row(spec, code_id: str, parent_id: str | None, positions: Counter, coder: str) -> dict:
    """A codes row for a code the archive brings, placed after its new siblings."""
    return {
        "id": code_id,
        "parent_id": parent_id,
        "name": spec.path[-1],
        "definition": spec.definition,
        "colour": spec.colour,
        "is_theme": int(spec.is_theme),
        "codable": int(spec.codable),
        "position": positions[parent_id],
        "retired": 0,
        "merged_into": None,
        "created_at": now(),
        "created_by": coder,
    }


def _name_of(element: ET.Element, kind: str) -> str:
    """A Case's or TextSource's name (or guid); one without either is refused."""
    name = (element.get("name") or element.get("guid") or "").strip()
    if not name:
        raise UserError(f"a {kind} has neither a name nor a guid; nothing imported.")
    return name


def _wave(text: str, default: int) -> int:
    """The source's ``wave`` variable as a survey year; digits that are no year are refused."""
    if not text.strip().isdigit():
        return default
    if len(text.strip()) > 4:
        raise UserError(f"wave {text.strip()[:12]}… is not a survey year; nothing imported.")
    return check_wave(int(text))


def _refuse_duplicate_guids(specs) -> None:
    counts = Counter(spec.guid for spec in specs if spec.guid)
    twice = [guid for guid, count in counts.items() if count > 1]
    if twice:
        raise UserError(f"the codebook gives GUID {twice[0]} to more than one code; nothing imported.")


def import_qdpx(store: Store, path: str | Path, *, coder: str, wave: int | None = None) -> QdpxImportReport:
    """Import a ``.qdpx`` archive in one transaction and report what was added and discarded."""
    path = Path(path)
    try:
        root, archive = _read_archive(path)
        return _import_archive(store, path, root, archive, coder, wave)
    except UserError as error:
        if str(error).startswith(str(path)):
            raise
        raise UserError(f"{path}: {error}") from None
    except _UNREADABLE as error:
        message = f"the archive holds a value workbench cannot read ({error}); nothing imported."
        raise UserError(f"{path}: {message}") from None


def _import_archive(
    store: Store, path: Path, root, archive, coder: str, wave: int | None
) -> QdpxImportReport:
    with archive, store.atomic():
        importer = _Importer(
            store, root, archive, coder=coder, wave=wave or date.today().year, fallback_question=path.stem
        )
        report = importer.run()
        store.log_event(
            "refi_import",
            coder=coder,
            target=str(path.name),
            after={
                "codes_new": report.codes_new,
                "answers_new": report.answers_new,
                "codings_new": report.codings_new,
                "discarded": dict(report.discarded),
            },
        )
    return report

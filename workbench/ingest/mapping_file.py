"""The question mapping as a YAML file the user checks and edits (``import --map FILE``).

wave: 2024
questions:              # one entry per question of the file, in file order
- id: bolig             # the question's id in this wave's file
  status: continued     # new | continued | split | merged
  from: [q05]           # earlier project question ids (none for new; one for continued
                        # and split; two or more for merged)
  similarity: 78        # for information: text similarity 0–100
  text: Hva er …        # for information: the question's text in this wave
dropped: [q02]          # for information: earlier questions this wave does not ask
"""

from __future__ import annotations

from pathlib import Path

import yaml

from workbench.errors import UserError
from workbench.files import write_bytes_atomically
from workbench.ingest.mapping import SOURCE_COUNTS, STATUSES, QuestionLink, QuestionMapping

_HEADER = (
    "# Question mapping to earlier waves: check every entry, edit status and from, then import\n"
    "# again with the same --map FILE. status: new | continued | split | merged.\n"
)


def write_mapping_file(path: str | Path, mapping: QuestionMapping) -> None:
    """Write the mapping as YAML (atomically)."""
    entries = [
        {
            "id": link.form_id,
            "status": link.status,
            "from": list(link.sources),
            "similarity": link.score,
            "text": link.text,
        }
        for link in mapping.links
    ]
    document = {"wave": mapping.wave, "questions": entries, "dropped": list(mapping.dropped)}
    text = _HEADER + yaml.safe_dump(
        document, allow_unicode=True, sort_keys=False, width=100, default_flow_style=None
    )
    write_bytes_atomically(path, text.encode("utf-8"))


def read_mapping_file(
    path: str | Path, wave: int, form_ids: list[str], project_ids: set[str]
) -> QuestionMapping:
    """Read and check a mapping file against the wave, the file's questions and the project."""
    file = Path(path)
    try:
        document = yaml.safe_load(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise UserError(f"{file}: cannot read the mapping file ({_first_line(error)}).") from None
    if not isinstance(document, dict) or not isinstance(document.get("questions"), list):
        raise UserError(f"{file}: a mapping file needs a 'questions' list (see import --help).")
    if document.get("wave") not in (None, wave):
        raise UserError(f"{file}: the mapping is for wave {document['wave']}, not wave {wave}.")
    links = tuple(
        _link(file, number, entry, project_ids) for number, entry in enumerate(document["questions"], 1)
    )
    _check_covers(file, links, form_ids)
    _check_sources(file, links, project_ids)
    return QuestionMapping(wave, links, tuple(document.get("dropped") or ()))


def _link(file: Path, number: int, entry, project_ids: set[str]) -> QuestionLink:
    where = f"{file}: question entry {number}"
    if not isinstance(entry, dict) or not str(entry.get("id") or "").strip():
        raise UserError(f"{where} has no id.")
    form_id, status = str(entry["id"]).strip(), str(entry.get("status") or "").strip()
    sources = entry.get("from") or []
    sources = [sources] if isinstance(sources, str) else sources
    if status not in STATUSES:
        raise UserError(f"{where} ({form_id}): status '{status}' is not one of {', '.join(STATUSES)}.")
    if not isinstance(sources, list):
        raise UserError(f"{where} ({form_id}): 'from' must be a list of question ids.")
    sources = tuple(str(source).strip() for source in sources)
    expected = SOURCE_COUNTS[status]
    if not expected[0] <= len(sources) <= expected[1]:
        raise UserError(f"{where} ({form_id}): a {status} question needs {_how_many(status)} in 'from'.")
    if status != "continued" and form_id in project_ids:
        raise UserError(
            f"{where}: {form_id} is already a question of this project; mark it continued "
            f"from {form_id} or give it another id in the answers file."
        )
    return QuestionLink(
        form_id, status, sources, int(entry.get("similarity") or 0), str(entry.get("text") or "")
    )


def _how_many(status: str) -> str:
    return {"new": "no question", "continued": "one question", "split": "one question"}.get(
        status, "two or more questions"
    )


def _check_covers(file: Path, links: tuple[QuestionLink, ...], form_ids: list[str]) -> None:
    named = [link.form_id for link in links]
    missing = [form_id for form_id in form_ids if form_id not in named]
    unknown = [form_id for form_id in named if form_id not in form_ids]
    repeated = sorted({form_id for form_id in named if named.count(form_id) > 1})
    if missing or unknown or repeated:
        problem = (
            f"does not map question {missing[0]} of the answers file"
            if missing
            else f"maps {unknown[0]}, which the answers file does not ask"
            if unknown
            else f"maps {repeated[0]} twice"
        )
        raise UserError(f"{file}: the mapping {problem}.")


def _check_sources(file: Path, links: tuple[QuestionLink, ...], project_ids: set[str]) -> None:
    continued = [link.sources[0] for link in links if link.status == "continued"]
    for link in links:
        for source in link.sources:
            if source not in project_ids:
                raise UserError(
                    f"{file}: {link.form_id} comes from {source}, which is not a question of this project."
                )
    twice = sorted({source for source in continued if continued.count(source) > 1})
    if twice:
        raise UserError(f"{file}: two questions continue {twice[0]}; mark them both as split from it.")


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__

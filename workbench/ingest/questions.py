"""Question files: CSV or YAML listing id, text, kind, chapter and optionally single_code."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workbench.errors import UserError

KINDS = ("open", "comment", "other")
_TRUE_WORDS = {"1", "true", "yes", "ja", "x"}
_FALSE_WORDS = {"", "0", "false", "no", "nei"}


@dataclass(frozen=True)
class QuestionSpec:
    """One question as an import file describes it."""

    id: str
    text: str = ""
    kind: str = "open"
    chapter: str | None = None
    single_code: bool = False


def read_questions_file(path: str | Path) -> list[QuestionSpec]:
    """The questions in file order, validated (ids unique and non-empty, known kinds)."""
    file = Path(path)
    if not file.is_file():
        raise UserError(f"{file}: no such questions file.")
    if file.suffix.casefold() in (".yaml", ".yml"):
        entries = _yaml_entries(file)
    else:
        entries = _table_entries(file)
    specs = [_spec(file, where, entry) for where, entry in entries]
    _refuse_duplicates(file, specs, [where for where, _ in entries])
    if not specs:
        raise UserError(f"{file}: the questions file lists no questions.")
    return specs


def _yaml_entries(file: Path) -> list[tuple[str, dict]]:
    from workbench.ingest.yaml_safe import load_yaml

    try:
        text = file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise UserError(f"{file}: the questions file is not UTF-8 text.") from None
    document = load_yaml(text, file)
    if isinstance(document, dict):
        document = document.get("questions")
    if not isinstance(document, list) or not all(isinstance(item, dict) for item in document):
        raise UserError(f"{file}: expected a list of questions, each with id, text, kind, chapter.")
    return [(f"question {index}", item) for index, item in enumerate(document, start=1)]


def _table_entries(file: Path) -> list[tuple[str, dict]]:
    from workbench.ingest.tables import read_table

    table = read_table(file)
    names = [name.casefold() for name in table.header]
    return [(f"row {number}", dict(zip(names, cells, strict=True))) for number, cells in table.rows]


def _spec(file: Path, where: str, entry: dict) -> QuestionSpec:
    question_id = str(entry.get("id") or "").strip()
    if not question_id:
        raise UserError(f"{file}: {where}, column 'id': the question id is empty.")
    kind = str(entry.get("kind") or "open").strip().casefold()
    if kind not in KINDS:
        raise UserError(f"{file}: {where}, column 'kind': '{kind}' is not one of {', '.join(KINDS)}.")
    chapter = entry.get("chapter")
    return QuestionSpec(
        id=question_id,
        text=str(entry.get("text") or "").strip(),
        kind=kind,
        chapter=None if chapter in (None, "") else str(chapter).strip(),
        single_code=_flag(file, where, entry.get("single_code")),
    )


def _flag(file: Path, where: str, value: object) -> bool:
    if isinstance(value, bool):
        return value
    word = "" if value is None else str(value).strip().casefold()
    if word in _TRUE_WORDS:
        return True
    if word in _FALSE_WORDS:
        return False
    raise UserError(f"{file}: {where}, column 'single_code': '{value}' is not yes or no.")


def _refuse_duplicates(file: Path, specs: list[QuestionSpec], places: list[str]) -> None:
    first_place: dict[str, str] = {}
    for spec, place in zip(specs, places, strict=True):
        if spec.id in first_place:
            raise UserError(
                f"{file}: {place}, column 'id': question '{spec.id}' is already listed "
                f"at {first_place[spec.id]}."
            )
        first_place[spec.id] = place

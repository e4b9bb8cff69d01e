"""A seeded fuzz run of the importers (CSV, XLSX, .qdpx, code lists) with hypothesis.

Each generated file goes through the real command line. An input counts as ``imported``
(exit 0), ``refused`` (exit 2, database byte for byte unchanged), ``traceback`` (any
exception escaped) or ``changed`` (refused, yet the database changed). Used by
``tests/hostile/test_fuzz_importers.py`` (few examples) and ``bench/fuzz_importers.py``.
"""

from __future__ import annotations

import contextlib
import io
import tempfile
import traceback
from collections import Counter
from pathlib import Path

from hostile_files import qdpx, xlsx
from hostile_inputs import snapshot
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from workbench.cells import xml_safe
from workbench.cli import main

HOSTILE_CHARACTERS = st.sampled_from(
    list("\";,\n\r\t\x00\x1b\x9b[]/=+-@&<>\\'æøåÆØÅ0123456789 ") + ["\u202e"]
)
TEXT = st.text(alphabet=st.one_of(HOSTILE_CHARACTERS, st.characters()), max_size=300)


class FuzzRun:
    """A project to import into, and the tally of outcomes."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.project = folder / "fuzz.db"
        self.outcomes: Counter = Counter()
        self.by_importer: dict[str, Counter] = {}
        self.failures: list[str] = []
        with contextlib.redirect_stdout(io.StringIO()):
            main(["init", str(self.project)])
        self.counter = 0

    def attempt(self, importer: str, suffix: str, data: bytes, command: list[str]) -> str:
        """Write ``data`` to a file, run ``command`` (FILE stands for it), and tally the outcome."""
        self.counter += 1
        file = self.folder / f"input{self.counter}{suffix}"
        file.write_bytes(data)
        arguments = [str(file) if part == "FILE" else part for part in command]
        before = snapshot(self.project)
        outcome = self._run(arguments, before)
        self.outcomes[outcome] += 1
        self.by_importer.setdefault(importer, Counter())[outcome] += 1
        file.unlink()
        return outcome

    def _run(self, arguments: list[str], before: bytes) -> str:
        try:
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                code = main(arguments)
        except SystemExit as exit_info:
            code = exit_info.code
        except Exception:
            self.failures.append(traceback.format_exc())
            return "traceback"
        if code == 0:
            return "imported"
        return "refused" if snapshot(self.project) == before else "changed"

    def import_command(self, *extra: str) -> list[str]:
        return ["import", str(self.project), "FILE", "--wave", "2024", *extra]


def _base_xlsx() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = xlsx(Path(folder) / "b.xlsx", [["id", "q01"], ["1", "svar"], ["2", "=1+1"]])
        return path.read_bytes()


def _base_qdpx() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        return qdpx(Path(folder) / "b.qdpx").read_bytes()


def _mutated(base: bytes):
    """A strategy of ``base`` with a few bytes overwritten, inserted or cut."""
    edits = st.lists(
        st.tuples(st.integers(0, len(base) - 1), st.integers(0, 255), st.booleans()), max_size=12
    )
    cut = st.integers(len(base) // 2, len(base))

    def apply(changes, end):
        data = bytearray(base[:end])
        for position, value, insert in changes:
            position = min(position, max(len(data) - 1, 0))
            if insert:
                data.insert(position, value)
            elif data:
                data[position] = value
        return bytes(data)

    return st.builds(apply, edits, cut)


def _csv_rows(header: str):
    row = st.lists(TEXT, min_size=1, max_size=4).map(lambda cells: ";".join(cells))
    return st.lists(row, max_size=8).map(
        lambda rows: (header + "\n" + "\n".join(rows)).encode("utf-8", "surrogatepass")
    )


def _xlsx_cells():
    """Workbooks whose cells hold hostile text (what openpyxl can store), formulas included."""
    cell = st.one_of(TEXT.map(xml_safe), st.integers(), st.floats(allow_nan=False), st.none())
    rows = st.lists(st.lists(cell, min_size=2, max_size=3), max_size=6)
    return rows.map(lambda body: _workbook_bytes([["id", "q01"], *body]))


def _workbook_bytes(rows: list[list]) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        return xlsx(Path(folder) / "w.xlsx", rows).read_bytes()


def _qde_text():
    """The project XML with random text spliced into attribute values and element text."""
    template = qdpx_template()
    return st.lists(TEXT, min_size=3, max_size=3).map(lambda parts: template.format(*parts))


def qdpx_template() -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="t">'
        '<CodeBook><Codes><Code guid="g1" name="{0}" isCodable="true"/></Codes></CodeBook>'
        '<Cases><Case guid="c1" name="{1}"><SourceRef targetGUID="s1"/></Case></Cases>'
        '<Sources><TextSource guid="s1" name="x"><PlainTextContent>{2}</PlainTextContent>'
        '<PlainTextSelection guid="p1" startPosition="0" endPosition="2">'
        '<Coding guid="k1"><CodeRef targetGUID="g1"/></Coding></PlainTextSelection>'
        "</TextSource></Sources></Project>"
    )


def _zipped(project_xml: str) -> bytes:
    buffer = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("project.qde", project_xml.encode("utf-8", "surrogatepass"))
    return buffer.getvalue()


def _yaml_lists():
    leaf = st.one_of(TEXT, st.integers(), st.none(), st.booleans())
    tree = st.recursive(
        leaf,
        lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(TEXT, inner, max_size=4)),
        max_leaves=20,
    )
    names = st.lists(st.fixed_dictionaries({"name": TEXT}, optional={"children": tree}), max_size=5)
    as_yaml = names.map(lambda codes: _dump({"codes": codes}))
    return st.one_of(as_yaml, TEXT.map(lambda text: text.encode("utf-8", "surrogatepass")))


def _dump(document) -> bytes:
    import yaml

    return yaml.safe_dump(document, allow_unicode=True).encode("utf-8", "surrogatepass")


def fuzz(run: FuzzRun, examples: int, random_seed: int) -> None:
    """Run every importer ``examples`` times with inputs drawn from ``random_seed``."""
    config = settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    cases = [
        ("survey CSV", _csv_rows("id;q01"), ".csv", run.import_command("--question-columns", "q01")),
        ("survey XLSX cells", _xlsx_cells(), ".xlsx", run.import_command("--question-columns", "q01")),
        (
            "survey XLSX bytes",
            _mutated(_base_xlsx()),
            ".xlsx",
            run.import_command("--question-columns", "q01"),
        ),
        (".qdpx bytes", _mutated(_base_qdpx()), ".qdpx", run.import_command()),
        (".qdpx XML", _qde_text().map(_zipped), ".qdpx", run.import_command()),
        ("code list YAML", _yaml_lists(), ".yaml", ["codebook", "import", str(run.project), "FILE"]),
        (
            "code list CSV",
            _csv_rows("path;definition"),
            ".csv",
            ["codebook", "import", str(run.project), "FILE"],
        ),
    ]
    for importer, strategy, suffix, command in cases:
        _checker(run, importer, strategy, suffix, command, config, random_seed)()


def _checker(
    run: FuzzRun, importer: str, strategy, suffix: str, command: list[str], config, random_seed: int
):
    """One hypothesis test over ``strategy`` (a factory, so each keeps its own suffix and command)."""

    @seed(random_seed)
    @config
    @given(strategy)
    def check(data: bytes) -> None:
        run.attempt(importer, suffix, data, command)

    return check

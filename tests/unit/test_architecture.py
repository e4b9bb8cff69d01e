"""The import contract (as import-linter would state it), checked on every module's source.

- Only ``tui.py``, ``screens/`` and ``widgets/`` import ``textual`` or ``rich``, directly or
  through other modules imported at load time; only they and ``cli/`` import those UI modules.
- Only ``store/`` imports ``sqlite3`` or ``sqlite_utils``, and only it holds SQL text.
- ``coding/ ingest/ export/ suggest/ review/ anonymise/`` never import ``screens/`` or ``cli/``,
  directly or at load time through other modules.

Imports inside functions count as direct imports; only imports run when a module loads are
followed to their own imports.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import workbench

UI_PACKAGES = ("workbench.tui", "workbench.screens", "workbench.widgets")
UI_LIBRARIES = ("textual", "rich")
SQL_LIBRARIES = ("sqlite3", "sqlite_utils")
CORE_PACKAGES = tuple(
    f"workbench.{name}" for name in ("coding", "ingest", "export", "suggest", "review", "anonymise")
)
NOT_FOR_CORE = ("workbench.screens", "workbench.cli")
SQL_TEXT = re.compile(
    r"^\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|PRAGMA|ATTACH|WITH)\b.*\b(FROM|INTO|SET|TABLE|DATABASE)\b", re.S
)


@dataclass(frozen=True)
class Import:
    """One imported module name, where it is imported, and whether it runs at load time."""

    name: str
    line: int
    at_load: bool


def within(module: str, packages: tuple[str, ...]) -> bool:
    """True when ``module`` is one of ``packages`` or inside one of them."""
    return any(module == package or module.startswith(f"{package}.") for package in packages)


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _absolute(node: ast.ImportFrom, module: str, is_package: bool) -> list[str]:
    """The modules an ``ImportFrom`` may load: the base, and base.name for each name."""
    if node.level:
        parts = module.split(".")
        keep = len(parts) - node.level + (1 if is_package else 0)
        base = ".".join(parts[:keep] + ([node.module] if node.module else []))
    else:
        base = node.module or ""
    return [base] + [f"{base}.{alias.name}" for alias in node.names if alias.name != "*"]


def _dynamic(node: ast.Call) -> str | None:
    """The module of ``importlib.import_module("constant")`` or ``__import__("constant")``."""
    function = node.func
    name = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", None)
    if name in ("import_module", "__import__") and node.args and isinstance(node.args[0], ast.Constant):
        return str(node.args[0].value)
    return None


class _Collector(ast.NodeVisitor):
    def __init__(self, module: str, is_package: bool):
        self.module, self.is_package = module, is_package
        self.found: list[Import] = []
        self.depth = 0

    def _add(self, names: list[str], line: int) -> None:
        self.found += [Import(name, line, self.depth == 0) for name in names]

    def _nested(self, node) -> None:
        self.depth += 1
        self.generic_visit(node)
        self.depth -= 1

    visit_FunctionDef = visit_AsyncFunctionDef = visit_Lambda = _nested

    def visit_Import(self, node: ast.Import) -> None:
        self._add([alias.name for alias in node.names], node.lineno)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        self._add(_absolute(node, self.module, self.is_package), node.lineno)

    def visit_Call(self, node: ast.Call) -> None:
        dynamic = _dynamic(node)
        if dynamic:
            self._add([dynamic], node.lineno)
        self.generic_visit(node)


def package_imports(root: Path) -> dict[str, list[Import]]:
    """Every module of the package at ``root`` with the imports written in it."""
    imports = {}
    for path in sorted(root.rglob("*.py")):
        module = module_name(path, root)
        collector = _Collector(module, path.name == "__init__.py")
        collector.visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
        imports[module] = collector.found
    return imports


def _load_chain(imports: dict[str, list[Import]], start: str, banned: tuple[str, ...]) -> list[str] | None:
    """A chain of load-time imports from ``start`` to a banned module, or None."""
    paths = {start: [start]}
    pending = [start]
    while pending:
        module = pending.pop()
        for found in imports.get(module, []):
            if not found.at_load or found.name in paths:
                continue
            chain = [*paths[module], found.name]
            if within(found.name, banned):
                return chain
            if found.name in imports:
                paths[found.name] = chain
                pending.append(found.name)
    return None


def violations(imports: dict[str, list[Import]], owners, banned: tuple[str, ...], load_time: bool):
    """Modules not accepted by ``owners(module)`` that import a ``banned`` module."""
    found = []
    for module, module_imports in imports.items():
        if owners(module):
            continue
        first_per_line = {}
        for item in module_imports:
            if within(item.name, banned):
                first_per_line.setdefault(item.line, f"{module}:{item.line} imports {item.name}")
        found += first_per_line.values()
        chain = _load_chain(imports, module, banned) if load_time else None
        if chain and len(chain) > 2:
            found.append(f"{module} loads {chain[-1]} through {' -> '.join(chain[1:-1])}")
    return sorted(set(found))


def ui_library_violations(imports) -> list[str]:
    return violations(imports, lambda module: within(module, UI_PACKAGES), UI_LIBRARIES, load_time=True)


def ui_module_violations(imports) -> list[str]:
    owners = UI_PACKAGES + ("workbench.cli",)
    return violations(imports, lambda module: within(module, owners), UI_PACKAGES, load_time=False)


def sql_violations(imports) -> list[str]:
    return violations(imports, lambda module: within(module, ("workbench.store",)), SQL_LIBRARIES, False)


def core_violations(imports) -> list[str]:
    return violations(imports, lambda module: not within(module, CORE_PACKAGES), NOT_FOR_CORE, True)


def sql_text_outside_store(root: Path) -> list[str]:
    """String literals that read as SQL statements, in modules outside ``store/``."""
    found = []
    for path in sorted(root.rglob("*.py")):
        module = module_name(path, root)
        if within(module, ("workbench.store",)):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL_TEXT.match(node.value):
                found.append(f"{module}:{node.lineno} holds SQL")
    return found


ROOT = Path(workbench.__file__).parent
PACKAGE = package_imports(ROOT)


def test_only_the_ui_imports_textual_or_rich():
    assert ui_library_violations(PACKAGE) == []


def test_only_the_ui_and_the_cli_import_the_ui_modules():
    assert ui_module_violations(PACKAGE) == []


def test_only_the_store_imports_sqlite():
    assert sql_violations(PACKAGE) == []


def test_the_core_packages_never_import_screens_or_cli():
    assert core_violations(PACKAGE) == []


def test_only_the_store_holds_sql():
    assert sql_text_outside_store(ROOT) == []


def _fake_package(tmp_path, files: dict[str, str]) -> dict[str, list[Import]]:
    root = tmp_path / "workbench"
    for name, source in {"__init__.py": "", **files}.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(source)
    return package_imports(root)


def test_the_contract_catches_direct_lazy_relative_and_load_time_imports(tmp_path):
    imports = _fake_package(
        tmp_path,
        {
            "display.py": "from rich.text import Text\n",
            "coding/__init__.py": "",
            "coding/rules.py": "from .. import display\n",
            "coding/lazy.py": "def f():\n    import sqlite3\n    from workbench.screens import coding\n",
            "export/run.py": "import importlib\nimportlib.import_module('workbench.cli.export')\n",
            "screens/__init__.py": "import textual\n",
            "store/db.py": "import sqlite3\nQUERY = 'SELECT id FROM codes'\n",
            "review/count.py": "def count(store):\n    return store.scalar(f'SELECT COUNT(*) FROM {1}')\n",
        },
    )
    assert ui_library_violations(imports) == [
        "workbench.coding.rules loads rich.text through workbench.display",
        "workbench.display:1 imports rich.text",
    ]
    assert sql_violations(imports) == ["workbench.coding.lazy:2 imports sqlite3"]
    assert core_violations(imports) == [
        "workbench.coding.lazy:3 imports workbench.screens",
        "workbench.export.run:2 imports workbench.cli.export",
    ]
    assert ui_module_violations(imports) == ["workbench.coding.lazy:3 imports workbench.screens"]
    assert sql_text_outside_store(tmp_path / "workbench") == ["workbench.review.count:2 holds SQL"]

"""Numbered schema migrations, one module each (``m001_core.py`` …), applied in order.

Each module defines ``VERSION`` (an int, unique) and ``STATEMENTS`` (SQL run in one
transaction). A module is never edited once released: later changes get a new number.
"""

import importlib
import pkgutil


def _load_migrations() -> list[tuple[int, list[str]]]:
    migrations = []
    for module_info in pkgutil.iter_modules(__path__):
        if not module_info.name.startswith("m"):
            continue
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        migrations.append((module.VERSION, module.STATEMENTS))
    migrations.sort()
    versions = [version for version, _ in migrations]
    if len(set(versions)) != len(versions):
        raise RuntimeError(f"duplicate migration numbers: {versions}")
    return migrations


MIGRATIONS = _load_migrations()

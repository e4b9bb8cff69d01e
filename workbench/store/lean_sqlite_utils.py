"""Importing sqlite-utils without the pandas and numpy it loads only to map their types."""

from __future__ import annotations

import sys


class _RefuseModules:
    """A meta-path finder that makes chosen top-level modules look absent while active."""

    def __init__(self, names: tuple[str, ...]):
        self.names = names

    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in self.names:
            raise ImportError(f"{name} is not loaded while importing sqlite-utils")
        return None


def import_sqlite_utils():
    """sqlite-utils 4 imports pandas (0.4 s) at import time to map DataFrame column types,
    which workbench never passes it; skipping that keeps every headless command fast.
    Modules that are already loaded are unaffected, and later imports of pandas work."""
    if "sqlite_utils" in sys.modules or "pandas" in sys.modules:
        import sqlite_utils

        return sqlite_utils
    blocker = _RefuseModules(("pandas", "numpy"))
    sys.meta_path.insert(0, blocker)
    try:
        import sqlite_utils
    finally:
        sys.meta_path.remove(blocker)
    return sqlite_utils

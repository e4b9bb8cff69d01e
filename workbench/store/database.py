"""The project database: one SQLite file, opened through sqlite-utils, migrated on open."""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import uuid
from collections.abc import Iterator, Sized
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from workbench.errors import UserError
from workbench.files import project_writable
from workbench.store.lean_sqlite_utils import import_sqlite_utils
from workbench.store.migrations import MIGRATIONS

sqlite_utils = import_sqlite_utils()

# The newest schema this code knows, computed from the migrations present (never a literal).
LATEST_SCHEMA = max(version for version, _ in MIGRATIONS)

# Namespace for deterministic UUIDs (default segments, REFI-QDA GUIDs); never change it.
PROJECT_NAMESPACE = uuid.UUID("6f1c2a4e-8b0d-4c1e-9a55-2f7e3d9b4c10")


def new_id() -> str:
    """A fresh random UUID as text, for rows that cross project files."""
    return str(uuid.uuid4())


def stable_id(*parts: object) -> str:
    """A deterministic UUID from the given parts, equal in every project file."""
    return str(uuid.uuid5(PROJECT_NAMESPACE, "\x1f".join(str(part) for part in parts)))


def placeholders(values: Sized) -> str:
    """As many comma-separated ``?`` marks as there are values, for an ``IN (...)`` list."""
    return ", ".join("?" * len(values))


def now() -> str:
    """The current time as an ISO 8601 UTC string with microseconds (sorts as text)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


class Store:
    """Owns one project's SQLite connection; every SQL statement goes through here.

    Query functions live in the sibling modules, one per table or aggregate (``answers``,
    ``codes`` …); they take the store as their first argument, so each query is written once.
    """

    def __init__(self, path: str | Path, *, create: bool = False, read_only: bool = False):
        self.path = Path(path)
        if not create and not self.path.exists():
            raise UserError(f"{self.path}: no such project file (create one with 'workbench init').")
        if create and self.path.exists() and self.path.stat().st_size > 0:
            raise UserError(f"{self.path}: a file of that name already exists.")
        self.read_only = read_only
        self._thread = threading.get_ident()
        if not create and not read_only:
            _refuse_unwritable(self.path)
        try:
            connection = self._connect()
            self.db = sqlite_utils.Database(connection)
            if not create:
                self._refuse_foreign()
            self._configure()
            if not read_only:
                self._migrate()
            self._check_is_project()
        except sqlite3.DatabaseError as error:
            self._close_quietly()
            damaged = "malformed" in str(error) or "corrupt" in str(error)
            if damaged or isinstance(error, sqlite3.OperationalError):
                raise UserError(f"{self.path}: {database_error_message(error)}") from None
            raise UserError(f"{self.path}: not a workbench project file ({error}).") from None
        except UserError:
            self._close_quietly()
            raise

    def _refuse_foreign(self) -> None:
        """Refuse, before any write, a file that is not a workbench project or is newer."""
        version = self.schema_version()
        if version > LATEST_SCHEMA:
            raise UserError(
                f"{self.path}: written by a newer workbench (schema {version}, this one knows "
                f"up to {LATEST_SCHEMA}); update workbench to open it."
            )
        tables = {row[0] for row in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if version == 0 or "answers" not in tables:
            raise UserError(f"{self.path}: not a workbench project file (left untouched).")

    def _close_quietly(self) -> None:
        if getattr(self, "db", None) is not None:
            self.db.conn.close()

    def _connect(self) -> sqlite3.Connection:
        if self.read_only:
            # In a folder nobody can write, no one can change the file: read it as immutable,
            # since SQLite could not create the WAL index beside it.
            immutable = "" if os.access(self.path.resolve().parent, os.W_OK) else "&immutable=1"
            uri = f"file:{self.path.resolve()}?mode=ro{immutable}"
            return sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=5)
        return sqlite3.connect(str(self.path), check_same_thread=False, timeout=5)

    def _configure(self) -> None:
        self.db.execute("PRAGMA foreign_keys = ON")
        self.db.execute("PRAGMA busy_timeout = 5000")
        if not self.read_only:
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")

    def _migrate(self) -> None:
        current = self.schema_version()
        for version, statements in MIGRATIONS:
            if version <= current:
                continue
            with self.atomic():
                for statement in statements:
                    self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {version}")

    def _check_is_project(self) -> None:
        if "answers" not in self.db.table_names():
            raise UserError(f"{self.path}: not a workbench project file (no answers table).")

    def schema_version(self) -> int:
        """The number of the last migration applied."""
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """One transaction: everything inside commits together or not at all.

        Nested use joins the outer transaction, so composite operations stay atomic.
        """
        connection = self.db.conn
        if connection.in_transaction:
            yield
            return
        try:
            connection.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:  # another writer held on past the busy timeout
            raise UserError(f"{self.path}: {database_error_message(error)}") from None
        try:
            yield
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")

    def rows(self, sql: str, params: tuple | dict = ()) -> list[dict]:
        """Run a query that returns rows and give them as dictionaries."""
        return list(self.db.query(sql, params))

    def scalar(self, sql: str, params: tuple | dict = ()):
        """Run a query and return the first column of its first row (or None)."""
        row = self.db.execute(sql, params).fetchone()
        return None if row is None else row[0]

    def execute(self, sql: str, params: tuple | dict = ()) -> sqlite3.Cursor:
        """Run a statement that changes the database (call inside ``atomic()``)."""
        return self.db.execute(sql, params)

    def executemany(self, sql: str, rows: list[tuple] | Iterator[tuple]) -> None:
        """Run one statement for many parameter tuples (call inside ``atomic()``)."""
        self.db.conn.executemany(sql, rows)

    def log_event(
        self,
        kind: str,
        *,
        coder: str | None,
        target: str | None = None,
        before: object = None,
        after: object = None,
        action_id: str | None = None,
    ) -> str:
        """Append one entry to the event log and return its id (call inside ``atomic()``)."""
        event_id = new_id()
        self.execute(
            "INSERT INTO events (id, action_id, at, coder, kind, target, before, after) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                event_id,
                action_id or event_id,
                now(),
                coder,
                kind,
                target,
                None if before is None else json.dumps(before, ensure_ascii=False),
                None if after is None else json.dumps(after, ensure_ascii=False),
            ),
        )
        return event_id

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        """A project setting stored in the database."""
        value = self.scalar("SELECT value FROM settings WHERE key = ?", (key,))
        return default if value is None else value

    def set_setting(self, key: str, value: str) -> None:
        """Store a project setting."""
        with self.atomic():
            self.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def close(self) -> None:
        """Close the connection (checkpointing the WAL)."""
        self.db.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


def _refuse_unwritable(path: Path) -> None:
    """A clear sentence instead of SQLite's 'readonly database' halfway through a write."""
    if not path.is_file():
        raise UserError(f"{path}: not a project file (it is a folder or a device).")
    if not project_writable(path):
        raise UserError(f"{path}: the project file or its folder is read-only; nothing was written.")


def database_error_message(error: BaseException) -> str | None:
    """One sentence for an SQLite failure that reached the command line, or None if not SQLite."""
    if not isinstance(error, sqlite3.Error):
        return None
    text = str(error)
    if "locked" in text or "busy" in text:
        return "the project is busy (another process is writing to it); try again in a moment."
    if "malformed" in text or "not a database" in text or "disk image" in text:
        return f"the project file is damaged ({text}); restore it from a backup."
    if "readonly" in text or "read-only" in text:
        return "the project file is read-only; nothing was written."
    return f"the project database refused the operation ({text}); nothing was written."

"""One writer per project: the TUI and every CLI write take the same lock, keyed by the real file.

The lock itself is an ``flock`` on the project file, so it belongs to the file's inode: a
symlink or a hard link to the project meets the same lock, and a dead holder's lock vanishes
with its process. A small JSON file next to the real file (``PROJECT.db.lock``) names the
holder (pid, host, user) for the message shown to whoever is refused.
"""

from __future__ import annotations

import fcntl
import getpass
import json
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from workbench.errors import UserError
from workbench.store.database import now


@dataclass(frozen=True)
class LockHolder:
    """Who holds a project open."""

    pid: int
    host: str
    user: str
    since: str

    def describe(self) -> str:
        if not self.pid:
            return "another workbench process"
        return f"{self.user} on {self.host} (process {self.pid}) since {self.since[:16]}"


def lock_path(project: Path) -> Path:
    """The holder's note, next to the real file (symlinks resolved)."""
    return Path(f"{Path(project).resolve()}.lock")


def _read_holder(path: Path) -> LockHolder | None:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return LockHolder(int(raw["pid"]), str(raw["host"]), str(raw["user"]), str(raw["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


# Descriptors are kept open for the life of the process: closing any descriptor of a file
# drops SQLite's own POSIX locks on it, so unlocking uses LOCK_UN and never close().
_DESCRIPTORS: dict[tuple[int, int], list[int]] = {}


def _descriptor(real: Path) -> int:
    """A descriptor of the project file not currently holding a lock, opened once and reused."""
    status = real.stat()
    free = _DESCRIPTORS.setdefault((status.st_dev, status.st_ino), [])
    return free.pop() if free else os.open(real, os.O_RDONLY)


class ProjectLock:
    """Acquire with ``acquire()``; ``holder`` says who has it when acquiring failed."""

    def __init__(self, project: str | Path):
        self.real = Path(project).resolve()
        self.path = lock_path(self.real)
        self.holder: LockHolder | None = None
        self.owned = False
        self._descriptor: int | None = None

    def acquire(self) -> bool:
        """Take the lock; False (and ``holder`` set) if another writer holds it."""
        descriptor = _descriptor(self.real)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._give_back(descriptor)
            self.holder = _read_holder(self.path) or LockHolder(0, "", "", "")
            return False
        self._descriptor, self.owned = descriptor, True
        self._write_note()
        return True

    def _write_note(self) -> None:
        me = {"pid": os.getpid(), "host": socket.gethostname(), "user": getpass.getuser(), "since": now()}
        try:
            self.path.write_text(json.dumps(me), encoding="utf-8")
        except OSError:
            pass  # a read-only folder: the lock holds without the note

    def _give_back(self, descriptor: int) -> None:
        status = os.fstat(descriptor)
        _DESCRIPTORS.setdefault((status.st_dev, status.st_ino), []).append(descriptor)

    def release(self) -> None:
        """Let go of the lock if this process holds it."""
        if self.owned and self._descriptor is not None:
            self.path.unlink(missing_ok=True)
            fcntl.flock(self._descriptor, fcntl.LOCK_UN)
            self._give_back(self._descriptor)
            self._descriptor, self.owned = None, False


@contextmanager
def writing(project: str | Path) -> Iterator[None]:
    """Hold the project's writer lock for a CLI write, or refuse in one sentence."""
    if not Path(project).is_file():
        return (yield)  # the store says the file is missing, in its own words
    lock = ProjectLock(project)
    if not lock.acquire():
        raise UserError(
            f"{project}: open for writing by {lock.holder.describe()}; try again when it is closed."
        )
    try:
        yield
    finally:
        lock.release()

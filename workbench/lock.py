"""An advisory lock so a second workbench on the same project is told so, never corrupts it.

The lock is a small JSON file next to the project (``PROJECT.db.lock``) with the holder's
pid, host and user. A lock whose process is gone (same host) is stale and is taken over.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path

from workbench.store.database import now


@dataclass(frozen=True)
class LockHolder:
    """Who holds a project open."""

    pid: int
    host: str
    user: str
    since: str

    def describe(self) -> str:
        return f"{self.user} on {self.host} (process {self.pid}) since {self.since[:16]}"


def lock_path(project: Path) -> Path:
    return Path(f"{project}.lock")


def _read_holder(path: Path) -> LockHolder | None:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return LockHolder(int(raw["pid"]), str(raw["host"]), str(raw["user"]), str(raw["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _is_alive(holder: LockHolder) -> bool:
    if holder.host != socket.gethostname():
        return True  # cannot check another machine's processes: assume it is alive
    try:
        os.kill(holder.pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class ProjectLock:
    """Acquire with ``acquire()``; ``holder`` says who has it when acquiring failed."""

    def __init__(self, project: str | Path):
        self.path = lock_path(Path(project))
        self.holder: LockHolder | None = None
        self.owned = False

    def acquire(self) -> bool:
        """Take the lock; False (and ``holder`` set) if a live process holds it."""
        for _attempt in range(2):
            if self._create():
                self.owned = True
                return True
            holder = _read_holder(self.path)
            if holder is not None and _is_alive(holder):
                self.holder = holder
                return False
            self.path.unlink(missing_ok=True)  # stale or unreadable: take it over
        return False

    def _create(self) -> bool:
        me = {"pid": os.getpid(), "host": socket.gethostname(), "user": getpass.getuser(), "since": now()}
        try:
            descriptor = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            return False
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump(me, handle)
        return True

    def release(self) -> None:
        """Remove the lock file if this process holds it."""
        if self.owned:
            self.path.unlink(missing_ok=True)
            self.owned = False

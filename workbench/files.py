"""Writing output files atomically: a temporary file beside the target, then a rename."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# Files that must not be shared (the key from quote ids to respondents): owner only.
PRIVATE_MODE = 0o600


def _shared_mode() -> int:
    """The mode an ordinary new file gets here (0666 less the umask)."""
    mask = os.umask(0o077)
    os.umask(mask)
    return 0o666 & ~mask


@contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces ``target`` in one step.

    If the block raises, the temporary file is removed and ``target`` is left untouched.
    The file gets the usual mode of a new file (mkstemp's 0600 would hide shareable output).
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    os.close(handle)
    temporary_path = Path(temporary)
    try:
        yield temporary_path
        os.chmod(temporary_path, _shared_mode())
        os.replace(temporary_path, target)
    finally:
        temporary_path.unlink(missing_ok=True)


def write_bytes_atomically(target: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``target`` atomically and return the target path."""
    with atomic_path(target) as temporary:
        temporary.write_bytes(data)
    return Path(target)


def project_writable(path: str | Path) -> bool:
    """Whether the project file and its folder (for SQLite's journal files) can be written."""
    real = Path(path).resolve()
    return os.access(real, os.W_OK) and os.access(real.parent, os.W_OK)

"""One export run: its own folder, a manifest, and files that appear whole or not at all.

Files are written into a hidden staging folder beside the destination and moved in with
``os.replace`` only when the whole run succeeded; an error removes the staging folder, so a
failed export leaves nothing behind.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from workbench import __version__
from workbench.files import PRIVATE_MODE, write_bytes_atomically
from workbench.store import overview

MANIFEST = "manifest.json"
_PRIVATE = ".private"
STAGING_MARK = "staging-"


@dataclass(frozen=True)
class ExportResult:
    """Where a finished run put its files."""

    folder: Path
    files: tuple[Path, ...]
    private_files: tuple[Path, ...]
    warnings: tuple[str, ...] = ()


def default_folder(project_path: Path, kind: str, base: Path = Path("exports")) -> Path:
    """A fresh folder under ``base`` named after the project, the export kind and the time."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    candidate = base / f"{project_path.stem}-{kind}-{stamp}"
    suffix = 2
    while candidate.exists():
        candidate = base / f"{project_path.stem}-{kind}-{stamp}-{suffix}"
        suffix += 1
    return candidate


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write a whole file via a temporary file in the same folder and a rename."""
    write_bytes_atomically(path, data.encode("utf-8") if isinstance(data, str) else data)


def _staging_prefix(name: str) -> str:
    """Staging folders carry their process id, so a killed run's folder can be recognised."""
    return f".{name}.{STAGING_MARK}{os.getpid()}."


def remove_abandoned_staging(parent: Path) -> list[Path]:
    """Delete staging folders of runs whose process is gone (they may hold full quote files)."""
    removed = []
    for folder in parent.glob(f".*.{STAGING_MARK}*.*"):
        pid_text = folder.name.split(f".{STAGING_MARK}", 1)[1].split(".", 1)[0]
        if folder.is_dir() and pid_text.isdigit() and not _process_alive(int(pid_text)):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class ExportRun:
    """Collects a run's files in staging and publishes them with a manifest on success."""

    def __init__(self, store, kind: str, options: dict, folder: Path | None = None):
        self.store = store
        self.kind = kind
        self.options = options
        self.warnings: list[str] = []
        self.notes: dict[str, object] = {}
        self.folder = Path(folder) if folder else default_folder(Path(store.path), kind)
        self.folder.parent.mkdir(parents=True, exist_ok=True)
        remove_abandoned_staging(self.folder.parent)
        prefix = _staging_prefix(self.folder.name)
        self.staging = Path(tempfile.mkdtemp(prefix=prefix, dir=self.folder.parent))

    def path(self, name: str) -> Path:
        """Where a writer should put the shareable file ``name`` (inside staging)."""
        return self.staging / name

    def private_path(self, name: str) -> Path:
        """Where a writer should put a private file, published outside the run folder."""
        (self.staging / _PRIVATE).mkdir(exist_ok=True)
        return self.staging / _PRIVATE / name

    def write(self, name: str, data: bytes | str) -> None:
        """Write a shareable file of the run."""
        write_atomic(self.path(name), data)

    def __enter__(self) -> ExportRun:
        return self

    def __exit__(self, error_type, error, traceback) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)

    def publish(self) -> ExportResult:
        """Move the private files beside the folder, the rest into it, then write the manifest."""
        private = self._publish_private()
        files = sorted(path for path in self.staging.rglob("*") if path.is_file())
        names = [path.relative_to(self.staging) for path in files]
        self.folder.mkdir(parents=True, exist_ok=True)
        for path, name in zip(files, names, strict=True):
            (self.folder / name).parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, self.folder / name)
        manifest = self._manifest([str(name) for name in names], private)
        write_atomic(self.folder / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2))
        return ExportResult(
            self.folder,
            tuple(self.folder / name for name in names) + (self.folder / MANIFEST,),
            tuple(private),
            tuple(self.warnings),
        )

    def note(self, key: str, value: object) -> None:
        """Record a fact about the run's content (e.g. the report layer) for the manifest."""
        self.notes[key] = value

    def warn(self, message: str) -> None:
        """Record a warning for the user; it is also kept in the manifest."""
        self.warnings.append(message)

    def _publish_private(self) -> list[Path]:
        private_folder = self.staging / _PRIVATE
        if not private_folder.exists():
            return []
        published = []
        for path in sorted(private_folder.iterdir()):
            target = self.folder.parent / f"{self.folder.name}-PRIVAT-{path.name}"
            os.chmod(path, PRIVATE_MODE)
            os.replace(path, target)
            published.append(target)
        private_folder.rmdir()
        return published

    def _manifest(self, files: list[str], private: list[Path]) -> dict:
        return {
            "workbench_version": __version__,
            "kind": self.kind,
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "project": {"path": str(Path(self.store.path).resolve()), **overview.project_state(self.store)},
            "options": self.options,
            **self.notes,
            "files": files,
            "private_files": [path.name for path in private],
            "warnings": self.warnings,
        }

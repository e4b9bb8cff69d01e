"""User settings (not per project): last coder, key overrides, blind coding, theme.

Stored as JSON in the platform's config folder; ``WORKBENCH_CONFIG_DIR`` overrides the
folder (tests use it so they never touch the real one).
"""

from __future__ import annotations

import getpass
import json
import os
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import platformdirs

from workbench.errors import UserError


def settings_path() -> Path:
    """Where the settings file lives."""
    folder = os.environ.get("WORKBENCH_CONFIG_DIR") or platformdirs.user_config_dir("workbench")
    return Path(folder) / "settings.json"


@dataclass(frozen=True)
class Settings:
    """What the user chose last time; ``keymap`` maps binding ids to keys ("next_answer": "l")."""

    last_coder: str | None = None
    keymap: dict[str, str] = field(default_factory=dict)
    blind: bool = False
    theme: str = "textual-dark"

    def default_coder(self) -> str:
        """The coder to use when none is given: last one, else the OS user name."""
        return self.last_coder or getpass.getuser()

    def with_changes(self, **changes) -> Settings:
        """A copy with some fields changed."""
        return replace(self, **changes)


def load_settings(path: Path | None = None) -> Settings:
    """Read settings, falling back to defaults when the file is missing."""
    path = path or settings_path()
    if not path.exists():
        return Settings()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise UserError(f"{path}: settings file is not valid JSON ({error}).") from None
    known = {key: raw[key] for key in Settings.__dataclass_fields__ if key in raw}
    return Settings(**known)


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write settings atomically (temporary file, then rename)."""
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(asdict(settings), indent=2, ensure_ascii=False), encoding="utf-8")
    temporary.replace(path)

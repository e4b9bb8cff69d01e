"""User settings: key overrides, blind coding, theme, per project the last coder and each
coder's place (question and answer), so the workbench opens where it was left, and per coder
whether a suggestion digit also moves on to the next answer ("auto-next").

Stored as JSON in the platform's config folder; ``WORKBENCH_CONFIG_DIR`` overrides the
folder (tests use it so they never touch the real one).
"""

from __future__ import annotations

import getpass
import json
import os
import traceback
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
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
    last_coders: dict[str, str] = field(default_factory=dict)
    positions: dict[str, list] = field(default_factory=dict)
    auto_next: dict[str, bool] = field(default_factory=dict)

    def default_coder(self, project: str | None = None) -> str:
        """The coder to use when none is given: the last one (of this project, if given),
        else the OS user name. A project never gets a name last used on another one."""
        last = self.last_coders.get(project) if project is not None else self.last_coder
        return last or getpass.getuser()

    def with_last_coder(self, project: str, coder: str) -> Settings:
        return replace(self, last_coders={**self.last_coders, project: coder})

    def position(self, project: str, coder: str) -> tuple[str | None, int | None]:
        """The coder's last question and answer in the project (None, None if unknown)."""
        question_id, answer_id = self.positions.get(f"{coder}@{project}", (None, None))
        return question_id, answer_id

    def with_position(self, project: str, coder: str, question_id: str, answer_id: int | None) -> Settings:
        return replace(self, positions={**self.positions, f"{coder}@{project}": [question_id, answer_id]})

    def auto_next_for(self, coder: str) -> bool:
        """Whether a suggestion digit also moves this coder on to the next answer."""
        chosen = self.auto_next if isinstance(self.auto_next, dict) else {}
        return chosen.get(coder) is True

    def with_auto_next(self, coder: str, on: bool) -> Settings:
        chosen = self.auto_next if isinstance(self.auto_next, dict) else {}
        return replace(self, auto_next={**chosen, coder: on})

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


def write_crash_log(error: BaseException, folder: Path | None = None) -> Path:
    """Write an unexpected error's traceback beside the settings; return the file's path."""
    folder = folder or settings_path().parent
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"crash-{datetime.now():%Y%m%d-%H%M%S}.log"
    path.write_text("".join(traceback.format_exception(error)), encoding="utf-8")
    return path

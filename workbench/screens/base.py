"""The base of every full screen: typed access to the app's services and one read-only rule."""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, TypeVar

from textual.screen import Screen

from workbench import coding
from workbench.errors import UserError
from workbench.settings import Settings
from workbench.store import Store

if TYPE_CHECKING:
    from workbench.tui import WorkbenchApp

ResultType = TypeVar("ResultType")

READ_ONLY_MESSAGE = "This project is open read-only; nothing can be changed."


class WorkbenchScreen(Screen[ResultType], Generic[ResultType]):
    """A screen of the workbench: ``store``, ``coder``, ``settings``, ``wave``, ``read_only``."""

    @property
    def workbench(self) -> WorkbenchApp:
        return self.app  # type: ignore[return-value]

    @property
    def store(self) -> Store:
        return self.workbench.store

    @property
    def coder(self) -> str:
        return self.workbench.coder

    @property
    def settings(self) -> Settings:
        return self.workbench.settings

    @property
    def wave(self) -> int | None:
        return self.workbench.wave

    @property
    def read_only(self) -> bool:
        return self.workbench.read_only

    def require_writable(self) -> bool:
        """True if the project may be changed; otherwise say why, once, and return False."""
        if self.read_only:
            self.notify(READ_ONLY_MESSAGE, severity="warning")
        return not self.read_only

    def replay_latest(self, redo: bool = False) -> bool:
        """Undo (or redo) the coder's latest change, made in any screen, and say which; True
        if something changed (the caller then redraws)."""
        if not self.require_writable():
            return False
        operation, done, nothing = (
            (coding.redo, "Redone", "Nothing to redo.")
            if redo
            else (coding.undo, "Undone", "Nothing to undo.")
        )
        try:
            what = operation(self.store, self.coder)
        except UserError as error:
            self.notify(str(error), severity="error")
            return False
        self.notify(f"{done}: {what}." if what else nothing, timeout=2)
        return True

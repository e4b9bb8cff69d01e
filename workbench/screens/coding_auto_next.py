"""Auto-next on the coding screen: a suggestion digit applies its code and moves on.

The rule (when applying moves on) lives in ``CodingSession.moves_on``; this mixin toggles
the coder's setting, shows it in the status line, and makes the move.
"""

from __future__ import annotations

from workbench.widgets.status_line import StatusLine

AUTO_NEXT_HELP = "Auto-next on/off: a suggestion digit applies and moves on"


class AutoNext:
    """Mixed into ``CodingScreen`` (which provides session, settings, workbench, coder)."""

    def on_mount(self) -> None:
        """Textual calls this after the screen's own ``on_mount`` (base classes' handlers run
        too, most derived first), so the session exists by now."""
        self.show_auto_next(self.settings.auto_next_for(self.coder))

    def show_auto_next(self, on: bool) -> None:
        self.session.auto_next = self.query_one(StatusLine).auto_next = on

    def action_toggle_auto_next(self) -> None:
        """Switch whether a suggestion digit also moves on; remembered for this coder."""
        on = not self.session.auto_next
        self.workbench.settings = self.settings.with_auto_next(self.coder, on)
        self.workbench.save_settings()
        self.show_auto_next(on)
        self.notify("Auto-next on: a digit applies and moves on." if on else "Auto-next off.", timeout=2)

    def _created(self, similar: tuple[str, ...] | None) -> None:
        """After a code was created and applied: name close ones, and move on if due."""
        if similar:
            self.notify(f"Created. Close to: {', '.join(similar)}")
        self._move_on_after(similar, by_digit=False)

    def _move_on_after(self, applied: object, by_digit: bool) -> None:
        """After a code went on: the next answer, if auto-next or a single-code question says so."""
        if applied is not None and self.session.moves_on(by_digit):
            self.action_next_answer()

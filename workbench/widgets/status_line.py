"""The status line: project, coder, wave, question progress, auto-next and the saved indicator."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from workbench.display import visible_line


class StatusLine(Static):
    """One calm line at the bottom; ``mark_saved`` flashes the indicator after each change."""

    project = reactive("")
    coder = reactive("")
    wave = reactive("")
    progress = reactive("")
    sample = reactive("")
    notice = reactive("")
    saved = reactive(True)
    read_only = reactive(False)
    auto_next = reactive(False)

    def render(self) -> Text:
        """The line, with narrower gaps when the usual ones would cut off its end."""
        line = self._line("   ")
        return line if line.cell_len <= self.size.width else self._line("  ")

    def _line(self, gap: str) -> Text:
        parts = [("project ", self.project), ("coder ", self.coder), ("wave ", self.wave)]
        line = Text()
        if self.auto_next:  # first, so it stays readable however narrow the terminal
            line.append("auto-next", style="bold reverse")
            line.append(gap)
        for label, value in parts:
            line.append(label, style="dim")
            line.append(f"{visible_line(value)}{gap}")
        line.append(self.progress)
        if self.sample:
            line.append(f"{gap}{self.sample}", style="bold")
        if self.notice:
            line.append(f"{gap}{self.notice}", style="italic")
        line.append(gap)
        if self.read_only:
            line.append("● read-only", style="bold red")
        else:
            line.append("● saved" if self.saved else "○ saving", style="green" if self.saved else "yellow")
        return line

    def show_project(
        self, project: str, coder: str, wave: int | None, read_only: bool, sample: frozenset | None
    ) -> None:
        """What stays the same while the coding screen is open."""
        self.project, self.coder, self.wave, self.read_only = project, coder, str(wave or "-"), read_only
        self.sample = "" if sample is None else f"blind sample: {len(sample)} answers"

    def mark_saved(self) -> None:
        """Every change is written at once; show that it was."""
        self.saved = True

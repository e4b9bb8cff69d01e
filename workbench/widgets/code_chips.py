"""The codes applied to each segment of the answer, shown as chips with their theme."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from workbench.coding.codebook_tree import join_path
from workbench.coding.session_values import Segment
from workbench.display import visible, visible_line


class CodeChips(Static):
    """One line per segment: ▶ on the one under the cursor, its number, ★ when marked for the
    report, and a chip per code ("Theme > Code")."""

    COMPONENT_CLASSES = {"code-chips--chip", "code-chips--other", "code-chips--current", "code-chips--report"}

    def show_segments(
        self, segments: list[Segment], coder: str, current_index: int, hide_others: bool, memo: str = ""
    ) -> None:
        """Render the memo line (the coder's memos on the segment under the cursor and on the
        answer) above the chips; other coders' codes are dimmed, or hidden when coding blind."""
        lines = Text()
        if memo:
            lines.append(f"Memo {visible(memo)}\n", style="italic")
        for index, segment in enumerate(segments):
            marker = "▶" if index == current_index else " "
            style = self.get_component_rich_style("code-chips--current") if index == current_index else ""
            lines.append(f"{marker} ¶{index + 1} ", style=style)
            if segment.for_report:
                lines.append("★ report ", style=self.get_component_rich_style("code-chips--report"))
            self._append_chips(lines, segment.codings, coder, hide_others)
            lines.append("\n")
        lines.rstrip()
        content = lines if lines.plain else Text("No text to code.", style="dim")
        width = self.content_region.width
        height = len(content.wrap(self.app.console, width)) if width > 0 else 0
        self.update(content, layout=height != self.content_region.height)

    def _append_chips(self, line: Text, codings: list[dict], coder: str, hide_others: bool) -> None:
        shown = [row for row in codings if row["coder"] == coder or not hide_others]
        if not shown:
            line.append("no code yet", style="dim italic")
        for row in shown:
            name = visible_line(row["name"])
            label = f" {join_path((visible_line(row['theme']), name))} " if row["theme"] else f" {name} "
            if row["coder"] != coder:
                label = f"{label.rstrip()} · {visible_line(row['coder'])} "
                line.append(label, style=self.get_component_rich_style("code-chips--other"))
            else:
                line.append(label, style=self.get_component_rich_style("code-chips--chip"))
            line.append(" ")

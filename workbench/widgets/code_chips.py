"""The codes applied to each segment of the answer, shown as chips with their theme."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from workbench.coding.codebook_tree import join_path
from workbench.coding.session_values import Segment
from workbench.coding.short_path import short_path
from workbench.display import visible, visible_line

CHIPS_SHARE = 0.3  # of the answer pane: the max-height in coding.tcss
CHIP_INDENT = 5  # "▶ ¶1 ": a chip moved to a new line starts under the first chip


class CodeChips(Static):
    """One line per segment: ▶ on the one under the cursor, its number, ★ when marked for the
    report, and a chip per code ("Theme > Code")."""

    COMPONENT_CLASSES = {"code-chips--chip", "code-chips--other", "code-chips--current", "code-chips--report"}
    _shown: tuple | None = None

    def show_segments(
        self, segments: list[Segment], coder: str, current_index: int, hide_others: bool, memo: str = ""
    ) -> None:
        """Render the memo (the coder's memos on the segment under the cursor and on the
        answer) above the chips; other coders' codes are dimmed, or hidden when coding blind."""
        self._shown = (segments, coder, current_index, hide_others, memo)
        chips = Text()
        for index, segment in enumerate(segments):
            marker = "▶" if index == current_index else " "
            style = self.get_component_rich_style("code-chips--current") if index == current_index else ""
            chips.append(f"{marker} ¶{index + 1} ", style=style)
            if segment.for_report:
                chips.append("★ report ", style=self.get_component_rich_style("code-chips--report"))
            self._append_chips(chips, segment.codings, coder, hide_others)
            chips.append("\n")
        chips.rstrip()
        width = self.content_region.width
        content = self._memo_lines(memo, chips, width) + chips if memo else chips
        content = content if content.plain else Text("No text to code.", style="dim")
        height = len(content.wrap(self.app.console, width)) if width > 0 else 0
        self.update(content, layout=height != self.content_region.height)

    def on_resize(self) -> None:
        """The memo is cut to the room left: cut it again when the room changes."""
        if self._shown is not None:
            self.show_segments(*self._shown)

    def _memo_lines(self, memo: str, chips: Text, width: int) -> Text:
        """The memo, wrapped, in the lines the chips leave (at least one; the last cut with
        "…"), so on a small screen a long memo never pushes the chips out of sight."""
        memo_text = Text(f"Memo {visible(memo)}", style="italic")
        if width <= 0:
            return memo_text + Text("\n")
        room = max(1, self._lines_free() - len(chips.wrap(self.app.console, width)))
        wrapped = list(memo_text.wrap(self.app.console, width))
        if len(wrapped) <= room:
            return memo_text + Text("\n")
        wrapped = wrapped[:room]
        wrapped[-1].rstrip()
        wrapped[-1].truncate(width - 1)
        wrapped[-1].append("…", style="italic")
        return Text("\n").join(wrapped) + Text("\n")

    def _lines_free(self) -> int:
        """The lines the pane leaves for memo and chips: at most their share of it, and what
        the other widgets leave (a stretching one counted at its minimum height)."""
        pane = self.parent
        taken = self.styles.margin.height
        for child in pane.displayed_children:
            if child is not self:
                height, minimum = child.styles.height, child.styles.min_height
                stretches = height is not None and height.is_fraction and minimum is not None
                taken += int(minimum.value) if stretches else child.outer_size.height
                taken += child.styles.margin.height if stretches else 0
        return min(int(pane.content_region.height * CHIPS_SHARE), pane.content_region.height - taken)

    def _append_chips(self, line: Text, codings: list[dict], coder: str, hide_others: bool) -> None:
        shown = [row for row in codings if row["coder"] == coder or not hide_others]
        if not shown:
            line.append("no code yet", style="dim italic")
        width = self.content_region.width
        for row in shown:
            path = visible_line(join_path((row["theme"], row["name"])) if row["theme"] else row["name"])
            who = f" · {visible_line(row['coder'])}" if row["coder"] != coder else ""
            room = width - CHIP_INDENT - len(who) - 1  # a chip longer than a line is shortened
            label = f" {short_path(path, room) if room > 0 else path}{who} "
            column = len(line.plain) - line.plain.rfind("\n") - 1
            if column > CHIP_INDENT and column + len(label) > width > 0:
                line.append("\n" + " " * CHIP_INDENT)  # a chip that does not fit starts a line
            kind = "other" if row["coder"] != coder else "chip"
            line.append(label, style=self.get_component_rich_style(f"code-chips--{kind}"))
            line.append(" ")

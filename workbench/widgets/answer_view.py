"""The current answer: its raw text, segments visibly separated, and a split cursor.

When focused this is the single-key mode: letters act (next, undo, split …) instead of
typing. The keys that need the screen's data are routed to the screen's actions.
"""

from __future__ import annotations

import re
from itertools import accumulate

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from workbench.coding.session_values import Segment, sentence_starts
from workbench.display import visible_aligned
from workbench.widgets.alt_digits import alt_digit_keys

WORD_START = re.compile(r"(?<!\S)\S")


class AnswerView(Widget, can_focus=True):
    """Shows one answer; ``cursor`` and ``anchor`` are code-point offsets into its text."""

    BINDINGS = (
        [
            Binding("j,down", "screen.next_answer", "Next answer", id="next_answer"),
            Binding("k,up", "screen.previous_answer", "Previous answer", id="previous_answer", show=False),
            Binding("n", "screen.next_uncoded", "Next uncoded", id="next_uncoded", show=False),
            Binding("u", "screen.undo", "Undo", id="undo", show=False),
            Binding("s", "split", "Split segment", id="split"),
            Binding("g", "screen.choose_question", "Go to question", id="choose_question"),
            Binding("x", "screen.remove_code", "Remove a code", id="remove_code", show=False),
            Binding("slash", "screen.search", "Search", id="search", show=False),
            Binding("f", "screen.filter", "Filter", id="filter", show=False),
            Binding("m", "screen.memo", "Memo", id="memo"),
            Binding("M", "screen.answer_memo", "Memo on the answer", id="answer_memo", show=False),
            Binding("b", "screen.toggle_blind", "Blind", id="toggle_blind", show=False),
            Binding("e", "screen.toggle_evidence", "Evidence", id="toggle_evidence", show=False),
            Binding("t", "screen.answer_table", "Table", id="answer_table_key", show=False),
            Binding("c", "screen.codebook", "Codebook", id="codebook_key", show=False),
            Binding("r", "screen.toggle_report", "Mark for report", id="toggle_report", show=False),
            Binding("d", "screen.near_duplicates", "Near-duplicates", id="near_duplicates", show=False),
            Binding("w", "screen.why_suggestions", "Why these suggestions", id="why_suggestions", show=False),
            Binding("v", "screen.more_like_this", "More like this code", id="more_like_this", show=False),
            Binding("question_mark", "screen.help", "Help", id="help", show=False),
            Binding("i,enter,escape", "screen.focus_picker", "Code", id="focus_picker"),
            Binding("left,h", "move_cursor(-1)", "Word left", id="cursor_left", show=False),
            Binding("right,l", "move_cursor(1)", "Word right", id="cursor_right", show=False),
            Binding("shift+left,H", "move_cursor(-1, True)", "Select left", id="select_left", show=False),
            Binding("shift+right,L", "move_cursor(1, True)", "Select right", id="select_right", show=False),
            Binding("alt+left,comma", "step_cursor(-1)", "Character left", id="char_left", show=False),
            Binding("alt+right,full_stop", "step_cursor(1)", "Character right", id="char_right", show=False),
            Binding(
                "left_parenthesis", "sentence_cursor(-1)", "Sentence left", id="sentence_left", show=False
            ),
            Binding(
                "right_parenthesis", "sentence_cursor(1)", "Sentence right", id="sentence_right", show=False
            ),
        ]
        + [
            Binding(
                str(number),
                f"screen.apply_suggestion({number})",
                f"Apply suggestion {number}",
                id=f"suggestion_{number}",
                show=False,
            )
            for number in range(1, 10)
        ]
        + [
            Binding(
                alt_digit_keys(number),
                f"screen.apply_suggestion({number}, True)",
                f"Apply suggestion {number} and stay",
                id=f"suggestion_{number}_stay",
                show=False,
                key_display=f"alt+{number}",
            )
            for number in range(1, 10)
        ]
    )

    COMPONENT_CLASSES = {
        "answer-view--segment-even",
        "answer-view--segment-odd",
        "answer-view--current",
        "answer-view--divider",
        "answer-view--cursor",
        "answer-view--selection",
        "answer-view--cut",
    }

    cursor = reactive(0)
    anchor: reactive[int | None] = reactive(None)

    class SplitRequested(Message):
        """Cut the answer's segments at these offsets."""

        def __init__(self, cuts: tuple[int, ...]) -> None:
            super().__init__()
            self.cuts = cuts

    class CursorMoved(Message):
        """The split cursor is at a new offset of the answer."""

        def __init__(self, cursor: int) -> None:
            super().__init__()
            self.cursor = cursor

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.text = ""
        self.segments: list[Segment] = []
        self.proposed_cuts: tuple[int, ...] = ()

    def show_answer(self, text: str, segments: list[Segment], cursor: int) -> None:
        """Display an answer (or the same one after a change) with the cursor at ``cursor``;
        not painted again when nothing it draws changed (a code applied or removed)."""
        cursor = min(cursor, max(len(text) - 1, 0))
        drawn = (self.text, [(s.start, s.end) for s in self.segments], self.cursor)
        unchanged = (text, [(s.start, s.end) for s in segments], cursor) == drawn
        if unchanged and not self.proposed_cuts and self.anchor is None:
            self.segments = segments
            return
        self.text = text
        self.segments = segments
        self.proposed_cuts = ()
        with self.prevent(self.CursorMoved):
            self.cursor = cursor
        self.anchor = None
        self.refresh()

    def propose_cuts(self, cuts: list[int]) -> None:
        """Mark where a split would cut (the coder confirms with one more key)."""
        self.proposed_cuts = tuple(cuts)
        self.refresh()

    @property
    def selection(self) -> tuple[int, int] | None:
        """The selected span (start, end-exclusive), if the coder selected one."""
        if self.anchor is None or self.anchor == self.cursor:
            return None
        return min(self.anchor, self.cursor), max(self.anchor, self.cursor)

    @property
    def current_index(self) -> int:
        """Index of the segment under the cursor."""
        for index, segment in enumerate(self.segments):
            if segment.start <= self.cursor < segment.end:
                return index
        return 0

    def action_move_cursor(self, direction: int, select: bool = False) -> None:
        """Move the split cursor to the previous/next word start."""
        if select and self.anchor is None:
            self.anchor = self.cursor
        if not select:
            self.anchor = None
        starts = [match.start() for match in WORD_START.finditer(self.text)] + [len(self.text)]
        if direction > 0:
            self.cursor = next((start for start in starts if start > self.cursor), self.cursor)
        else:
            self.cursor = next((start for start in reversed(starts) if start < self.cursor), 0)

    def action_split(self) -> None:
        """Split at the selection or the cursor; with the cursor at the start, the first `s`
        marks the sentence starts and the second splits at each of them (or, with the cursor
        moved to one of them, only there)."""
        if self.proposed_cuts and self.cursor in self.proposed_cuts:
            cuts = (self.cursor,)  # moved to one sentence start with ): split only there
        else:
            cuts = self.selection or self.proposed_cuts or ((self.cursor,) if self.cursor else ())
        if cuts:
            self.post_message(self.SplitRequested(tuple(cuts)))
        elif proposed := sentence_starts(self.text):
            self.propose_cuts(proposed)
            self.notify(
                f"{len(proposed)} sentence starts marked: s splits at each, ) then s at one; "
                "Escape keeps it whole."
            )
        else:
            self.notify("One sentence: move the cursor (←/→) to where the cut goes, then s.", timeout=2)

    def action_step_cursor(self, step: int) -> None:
        """Move the cursor by one character."""
        self.anchor = None
        self.cursor = min(max(self.cursor + step, 0), max(len(self.text) - 1, 0))

    def action_sentence_cursor(self, direction: int) -> None:
        """Move the cursor to the previous/next sentence start."""
        self.anchor = None
        starts = [0, *sentence_starts(self.text)]
        if direction > 0:
            self.cursor = next((start for start in starts if start > self.cursor), self.cursor)
        else:
            self.cursor = next((start for start in reversed(starts) if start < self.cursor), 0)

    def render(self) -> Text:
        """The answer, cropped to a window around the cursor when it is taller than the box.

        The box has a fixed height, so moving between answers never needs a new layout.
        """
        if not self.text:
            return Text("No answers here.", style="dim")
        rendered, cursor_offset = self._full_text()
        width, height = self.content_region.width, self.content_region.height
        if width <= 0 or height <= 0:
            return rendered
        lines = rendered.wrap(self.app.console, width)
        if len(lines) <= height:
            return rendered
        line_ends = list(accumulate(len(line.plain) + 1 for line in lines))
        cursor_line = next((i for i, end in enumerate(line_ends) if end > cursor_offset), 0)
        top = min(max(cursor_line - height // 2, 0), len(lines) - height)
        window = Text("\n").join(lines[top : top + height - 1])
        window.append(
            f"\n… lines {top + 1}–{top + height - 1} of {len(lines)} · ←/→ read on",
            style=self._style("divider"),
        )
        return window

    def _full_text(self) -> tuple[Text, int]:
        """The whole answer with dividers, and where the cursor falls in it."""
        rendered = Text()
        current, cursor_offset = self.current_index, 0
        spans = [(s.start, s.end) for s in self.segments] or [(0, len(self.text))]
        for index, (start, end) in enumerate(spans):
            if index:
                rendered.append(" ┃ ", style=self._style("divider"))
            if start <= self.cursor < end:
                cursor_offset = len(rendered) + self.cursor - start
            piece = Text(visible_aligned(self.text[start:end]), style=self._segment_style(index, current))
            self._mark_cuts(piece, start)
            self._mark_cursor(piece, start)
            rendered.append_text(piece)
        return rendered, cursor_offset

    def _segment_style(self, index: int, current: int) -> str:
        if index == current and len(self.segments) > 1:
            return self._style("current")
        return self._style("segment-even" if index % 2 == 0 else "segment-odd")

    def _mark_cuts(self, piece: Text, offset: int) -> None:
        for cut in self.proposed_cuts:
            if offset <= cut < offset + len(piece):
                piece.stylize(self._style("cut"), cut - offset, cut - offset + 1)

    def _mark_cursor(self, piece: Text, offset: int) -> None:
        if not self.has_focus:
            return
        if self.selection:
            start, end = self.selection
            piece.stylize(self._style("selection"), max(start - offset, 0), max(end - offset, 0))
        if offset <= self.cursor < offset + len(piece):
            position = self.cursor - offset
            piece.stylize(self._style("cursor"), position, position + 1)

    def _style(self, name: str):
        return self.get_component_rich_style(f"answer-view--{name}")

    def watch_cursor(self, cursor: int) -> None:
        self.post_message(self.CursorMoved(cursor))
        self.refresh()

    def on_focus(self, event) -> None:
        self.refresh()

    def on_blur(self, event) -> None:
        self.refresh()

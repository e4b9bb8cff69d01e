"""Under the suggestions: which sentence of a long answer points to which code, and the key
that splits the answer there and codes that part ("sentence 3 → Code X")."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

from workbench.coding.codebook_tree import PATH_SEPARATOR
from workbench.display import visible_line

SPLIT_KEY = "ctrl+s"
# The coding screen's key (priority: it works from the picker's filter too).
SPLIT_BINDING = Binding(
    SPLIT_KEY, "split_and_code", "Split here and code", id="split_and_code", show=False, priority=True
)


class SentenceHint(Static):
    """Hidden unless the current answer's sentences point to different codes."""

    DEFAULT_CSS = """
    SentenceHint {
        display: none; height: auto; max-height: 6; padding: 0 1; color: $text-muted;
        text-wrap: nowrap; text-overflow: ellipsis;
    }
    SentenceHint.-shown { display: block; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.answer_id: int | None = None
        self.parts: tuple = ()  # (code_id, path, SentencePart) of the suggester's latest list
        self.open: tuple = ()  # the parts not yet coded with their code, as shown
        self.cursor = 0

    def take(self, answer_id: int, suggestions) -> None:
        """Keep the sentence parts of the suggester's list for an answer."""
        self.answer_id = answer_id
        self.parts = tuple(
            (item.code_id, getattr(item, "path", item.code_id), item.sentence)
            for item in suggestions
            if getattr(item, "sentence", None) is not None
        )

    def follow(self, session) -> None:
        """Show the parts of the session's answer whose code is not on them yet."""
        same = session.answer_id == self.answer_id
        shown = sorted(self.parts, key=lambda p: p[2].number) if same else ()
        self.open = tuple(p for p in shown if not _coded(session, p))
        self.cursor = session.cursor
        self.set_class(bool(self.open), "-shown")
        if self.open:
            self.update(self._render_parts())

    def part_to_split(self, tell) -> tuple[int, int, str] | None:
        """What the split key acts on (see ``chosen``); else ``tell`` the coder there is none."""
        if (chosen := self.chosen()) is None:
            tell("No sentence of this answer points to a code of its own.", timeout=1.5)
        return chosen

    def chosen(self) -> tuple[int, int, str] | None:
        """(start, end, code) of the part to split off: the one under the cursor, else the
        first that begins at a sentence boundary (not at the answer's start)."""
        if not self.open:
            return None
        later = [p for p in self.open if p[2].number > 1] or list(self.open)
        under = [p for p in later if p[2].start <= self.cursor < p[2].end]
        code_id, _, part = (under or later)[0]
        return part.start, part.end, code_id

    def _render_parts(self) -> Text:
        """A key line, then one line per part (▸ the one the key splits off), cut to fit."""
        chosen = self.chosen()
        text = Text()
        text.append(f"{SPLIT_KEY}: split here and code", style="italic")
        for code_id, path, part in self.open:
            mark = "▸" if chosen == (part.start, part.end, code_id) else " "
            text.append(f"\n{mark}sentence {part.number} → ")
            text.append(visible_line(path.rsplit(PATH_SEPARATOR, 1)[-1]), style="bold")
        return text


def _coded(session, part_of) -> bool:
    """Whether a segment inside the part already carries the part's code from this coder."""
    code_id, _, part = part_of
    return any(
        part.start <= segment.start
        and segment.end <= part.end
        and any(row["code_id"] == code_id and row["coder"] == session.coder for row in segment.codings)
        for segment in session.segments
    )

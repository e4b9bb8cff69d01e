"""The code picker: a fuzzy filter over code paths and definitions, with "Create code 'X'".

Letters always go to the filter. Digits apply suggestions while the filter is empty.
Up/Down move through the matches, Enter applies, Tab chooses the new code's parent theme.
Codes used in the current question come first; the others follow a divider.
"""

from __future__ import annotations

from rapidfuzz import fuzz, utils
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from workbench.coding.codebook_tree import PATH_SEPARATOR, join_path
from workbench.display import visible_line

CREATE_OPTION = "__create__"
MATCH_LIMIT = 40
STRONG_MATCH = 90


def match_score(query: str, code: dict) -> float:
    """How well the query fits a code: its path counts fully, its definition a little less."""
    path_score = fuzz.WRatio(query, code["path"], processor=utils.default_process)
    if query.casefold() in code["path"].casefold():
        path_score = max(path_score, 95.0)
    if not code["definition"]:
        return path_score
    definition_score = fuzz.partial_ratio(query, code["definition"], processor=utils.default_process)
    return max(path_score, 0.8 * definition_score)


class FilterInput(Input):
    """The filter box; a digit typed into an empty box is passed on as a suggestion number."""

    class DigitPressed(Message):
        def __init__(self, number: int) -> None:
            super().__init__()
            self.number = number

    digits_are_suggestions = True

    async def _on_key(self, event: events.Key) -> None:
        digit = event.character if event.character and event.character in "123456789" else None
        if self.digits_are_suggestions and not self.value and digit:
            event.stop()
            event.prevent_default()
            self.post_message(self.DigitPressed(int(digit)))
            return
        await super()._on_key(event)


class CodePicker(Vertical):
    """Filter plus matches; posts ``CodeChosen``, ``CodeCreateRequested`` and friends."""

    BINDINGS = [
        Binding("down", "move(1)", "Next match", id="picker_down", show=False),
        Binding("up", "move(-1)", "Previous match", id="picker_up", show=False),
        Binding("tab", "cycle_parent", "Parent theme", id="picker_parent", show=False),
        Binding("escape", "leave", "Keys", id="picker_leave"),
    ]

    class CodeChosen(Message):
        def __init__(self, code_id: str) -> None:
            super().__init__()
            self.code_id = code_id

    class CodeCreateRequested(Message):
        def __init__(self, name: str, parent_id: str | None) -> None:
            super().__init__()
            self.name = name
            self.parent_id = parent_id

    class SuggestionRequested(Message):
        def __init__(self, number: int) -> None:
            super().__init__()
            self.number = number

    class EmptySubmitted(Message):
        """Enter on an empty filter: the coder is done with this answer."""

    class Left(Message):
        """Escape: the coder wants the single-key answer mode."""

    def __init__(self, allow_create: bool = True, **kwargs) -> None:
        super().__init__(**kwargs)
        self.allow_create = allow_create
        self.codes: list[dict] = []
        self.first_ids: frozenset[str] = frozenset()
        self.themes: list[dict] = []
        self.parent_index = 0
        self.browsed = False

    def compose(self) -> ComposeResult:
        filter_input = FilterInput(placeholder="Type a code…", id="picker-filter")
        filter_input.digits_are_suggestions = self.allow_create
        yield filter_input
        yield OptionList(id="picker-matches")

    def set_codes(self, codes: list[dict], first_ids: frozenset[str] = frozenset()) -> None:
        """Give the picker the live codebook (dicts with id, path, definition, is_theme) and
        the ids of the codes to list first (those of the current question)."""
        self.codes = codes
        self.first_ids = first_ids
        self.themes = [code for code in codes if code["is_theme"]]
        self._refresh_matches()

    @property
    def query_text(self) -> str:
        return self.query_one(FilterInput).value.strip()

    def reset(self) -> None:
        """Clear the filter and show every code again, at once (not a message later)."""
        if not self.query_text and not self.parent_index:
            return
        self.parent_index = 0
        filter_input = self.query_one(FilterInput)
        with filter_input.prevent(Input.Changed):
            filter_input.value = ""
        self._refresh_matches()

    def focus_filter(self) -> None:
        self.query_one(FilterInput).focus()

    @on(Input.Changed, "#picker-filter")
    def _filter_changed(self) -> None:
        self._refresh_matches()

    @on(FilterInput.DigitPressed)
    def _digit(self, event: FilterInput.DigitPressed) -> None:
        event.stop()
        self.post_message(self.SuggestionRequested(event.number))

    def _matches(self, query: str) -> list[dict]:
        codable = [code for code in self.codes if code["codable"] or not code["is_theme"]]
        if not query:
            return codable
        scored = [(match_score(query, code), code) for code in codable]
        scored = [pair for pair in scored if pair[0] >= 55]
        scored.sort(key=lambda pair: -pair[0])
        return [code for _score, code in scored[:MATCH_LIMIT]]

    def _ordered(self, matches: list[dict]) -> tuple[list[dict], list[Option | None]]:
        """Matches of the current question first, then a divider and the others."""
        first = [code for code in matches if code["id"] in self.first_ids or not self.first_ids]
        others = [code for code in matches if code not in first]
        options: list[Option | None] = [Option(self._prompt(code), id=code["id"]) for code in first]
        if first and others:
            options.append(None)
        options += [Option(self._prompt(code), id=code["id"]) for code in others]
        return first + others, options

    def _plan(self, query: str) -> tuple[list[Option | None], int | None]:
        """The options shown for a query, and the index Enter would choose."""
        matches, options = self._ordered(self._matches(query))
        offer_create = self.allow_create and query and not self._exact(query)
        if offer_create:
            options.append(Option(self._create_prompt(query), id=CREATE_OPTION))
        count = len(matches) + bool(offer_create)
        if not count:
            return options, None
        strong = matches and match_score(query, matches[0]) >= STRONG_MATCH
        return options, count - 1 if offer_create and not strong else 0

    def enter_choice(self, query: str) -> str | None:
        """The code id Enter would apply after typing ``query`` (CREATE_OPTION: a new code)."""
        options, highlighted = self._plan(query.strip())
        chosen = [option for option in options if option is not None]
        return chosen[highlighted].id if highlighted is not None else None

    def _refresh_matches(self) -> None:
        options, highlighted = self._plan(self.query_text)
        option_list = self.query_one(OptionList)
        option_list.set_options(options)
        self.browsed = False
        option_list.highlighted = highlighted

    def _exact(self, query: str) -> bool:
        wanted = query.casefold()
        return any(
            code["name"].casefold() == wanted or code["path"].casefold() == wanted for code in self.codes
        )

    def _prompt(self, code: dict) -> Text:
        *themes, name = visible_line(code["path"]).split(PATH_SEPARATOR)
        prompt = Text(f"{join_path(themes)}{PATH_SEPARATOR}" if themes else "", style="dim")
        prompt.append(name, style="bold" if code["is_theme"] else "")
        return prompt

    @property
    def parent_theme(self) -> dict | None:
        """The theme a created code goes under (None: top level).

        Not named ``parent``: that is the DOM's parent node, which Textual walks.
        """
        return self.themes[self.parent_index - 1] if self.parent_index else None

    def _create_prompt(self, query: str) -> Text:
        prompt = Text("+ Create code ", style="italic")
        prompt.append(f"'{visible_line(query)}'", style="bold")
        if PATH_SEPARATOR.strip() in query:
            prompt.append("  with the themes of its path", style="dim")
            return prompt
        where = visible_line(self.parent_theme["path"]) if self.parent_theme else "top level"
        prompt.append(f"  under {where} (Tab: another theme)", style="dim")
        return prompt

    def action_move(self, step: int) -> None:
        option_list = self.query_one(OptionList)
        count = option_list.option_count
        if count:
            self.browsed = True
            current = option_list.highlighted if option_list.highlighted is not None else -step
            option_list.highlighted = (current + step) % count

    def action_cycle_parent(self) -> None:
        """Tab: put the new code under the next theme (and round to top level)."""
        self.parent_index = (self.parent_index + 1) % (len(self.themes) + 1)
        highlighted = self.query_one(OptionList).highlighted
        self._refresh_matches()
        if highlighted is not None:
            self.query_one(OptionList).highlighted = highlighted

    def action_leave(self) -> None:
        self.post_message(self.Left())

    @on(Input.Submitted, "#picker-filter")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._choose(self.query_one(OptionList).highlighted_option)

    @on(OptionList.OptionSelected, "#picker-matches")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(event.option)

    def _choose(self, option: Option | None) -> None:
        query = self.query_text
        if not query and not self.browsed and self.allow_create:
            self.post_message(self.EmptySubmitted())
        elif option is not None and option.id == CREATE_OPTION:
            parent_id = self.parent_theme["id"] if self.parent_theme else None
            self.post_message(self.CodeCreateRequested(query, parent_id))
        elif option is not None:
            self.post_message(self.CodeChosen(option.id))

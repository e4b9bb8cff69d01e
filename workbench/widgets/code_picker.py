"""The code picker: a fuzzy filter over code paths and definitions, with "Create code 'X'".

Letters always go to the filter. Digits apply suggestions while the filter is empty.
Up/Down move through the matches, Enter applies, Tab chooses the new code's parent theme.
Codes used in the current question come first; the others follow a divider; codes marked
as not used in the current wave are listed last, after their own divider, and only while
the coder types. Creating a code invites a one-line definition (Escape or Enter skips it);
F2 and F3 edit the lead-in sentence of the highlighted code and of its theme.
"""

from __future__ import annotations

from rapidfuzz import fuzz, utils
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from workbench.coding.codebook_tree import PATH_SEPARATOR
from workbench.coding.creation import Creation, plan_creation
from workbench.coding.short_path import short_path
from workbench.display import visible_line
from workbench.screens.base import READ_ONLY_MESSAGE
from workbench.screens.text_prompt import TextPrompt
from workbench.widgets.alt_digits import suggestion_digit
from workbench.widgets.inert import inert_line

CREATE_OPTION = "__create__"
MATCH_LIMIT = 40
STRONG_MATCH = 90
SKIP_HINT = "Enter saves · Enter on empty or Escape skips"


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
    """The filter box; a digit typed into an empty box is passed on as a suggestion number
    (alt+digit: apply and stay, even in auto-next)."""

    class DigitPressed(Message):
        def __init__(self, number: int, stay: bool = False) -> None:
            super().__init__()
            self.number, self.stay = number, stay

    digits_are_suggestions = True

    async def _on_key(self, event: events.Key) -> None:
        digit, stay = suggestion_digit(event.key, event.character)
        if self.digits_are_suggestions and not self.value and digit:
            event.stop()
            event.prevent_default()
            self.post_message(self.DigitPressed(digit, stay))
            return
        await super()._on_key(event)


class CodePicker(Vertical):
    """Filter plus matches; posts ``CodeChosen``, ``CodeCreateRequested`` and friends."""

    BINDINGS = [
        Binding("down", "move(1)", "Next match", id="picker_down", show=False),
        Binding("up", "move(-1)", "Previous match", id="picker_up", show=False),
        Binding("tab", "cycle_parent", "Parent theme", id="picker_parent", show=False),
        Binding("f2", "lead_in(False)", "Lead-in of the highlighted code", id="picker_lead_in", show=False),
        Binding("f3", "lead_in(True)", "Lead-in of its theme", id="picker_theme_lead_in", show=False),
        Binding("escape", "leave", "Keys", id="picker_leave"),
    ]

    class CodeChosen(Message):
        def __init__(self, code_id: str) -> None:
            super().__init__()
            self.code_id = code_id

    class CodeCreateRequested(Message):
        """Create the code (its definition: "" when the coder skipped the invite)."""

        def __init__(self, name: str, parent_id: str | None, definition: str = "") -> None:
            super().__init__()
            self.name = name
            self.parent_id = parent_id
            self.definition = definition

        @property
        def arguments(self) -> tuple[str, str | None, str]:
            """Name, parent id and definition, as ``CodingSession.create_and_apply`` takes them."""
            return self.name, self.parent_id, self.definition

    class LeadInEdited(Message):
        """The coder wrote a new lead-in sentence for a code or theme ("" removes it)."""

        def __init__(self, code_id: str, text: str) -> None:
            super().__init__()
            self.code_id = code_id
            self.text = text

    class SuggestionRequested(Message):
        def __init__(self, number: int, stay: bool = False) -> None:
            super().__init__()
            self.number, self.stay = number, stay

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
        """Give the picker the live codebook (dicts with id, path, definition, is_theme, and
        optionally lead_in and not_used_in: the wave it is marked not used in) and the ids of
        the codes to list first (those of the current question)."""
        self.codes = codes
        self.first_ids = first_ids
        self.themes = [code for code in codes if code["is_theme"]]
        self._refresh_matches()

    @property
    def writable(self) -> bool:
        """False in a read-only project: no invite or prompt (the screen refuses the change)."""
        return not getattr(self.app, "read_only", False)

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
        self.post_message(self.SuggestionRequested(event.number, event.stay))

    def _matches(self, query: str) -> list[dict]:
        codable = [code for code in self.codes if code["codable"] or not code["is_theme"]]
        if not query:
            return codable
        scored = [(match_score(query, code), code) for code in codable]
        scored = [pair for pair in scored if pair[0] >= 55]
        scored.sort(key=lambda pair: -pair[0])
        return [code for _score, code in scored[:MATCH_LIMIT]]

    def _ordered(self, matches: list[dict], query: str) -> tuple[list[dict], list[Option | None]]:
        """Matches of the current question first, then a divider and the others; codes not
        used in this wave last, after their own divider, and only for a typed filter."""
        usable = [code for code in matches if not code.get("not_used_in")]
        first = [code for code in usable if code["id"] in self.first_ids or not self.first_ids]
        others = [code for code in usable if code not in first]
        unused = [code for code in matches if code.get("not_used_in")] if query else []
        options: list[Option | None] = [Option(self._prompt(code), id=code["id"]) for code in first]
        if first and others:
            options.append(None)
        options += [Option(self._prompt(code), id=code["id"]) for code in others]
        if unused:
            divider = inert_line(f"── not used in {unused[0]['not_used_in']} ──").stylize("dim italic")
            options.append(Option(divider, disabled=True))
            options += [Option(self._prompt(code), id=code["id"]) for code in unused]
        return first + others + unused, options

    def _plan(self, query: str) -> tuple[list[Option | None], int | None]:
        """The options shown for a query, and the index Enter would choose."""
        ordered, options = self._ordered(self._matches(query), query)
        exact = self._exact(query)
        creation = self._creation(query) if self.allow_create and query and not exact else None
        if creation is not None:
            prompt = self._create_prompt(creation)
            options.append(Option(prompt, id=CREATE_OPTION, disabled=bool(creation.refusal)))
        ids = [option.id for option in options if option is not None]
        usable = [code for code in ordered if not code.get("not_used_in")]
        can_create = creation is not None and not creation.refusal
        listed = [code for code in ordered if code in exact]
        if listed:
            return options, ids.index(listed[0]["id"])
        if usable and (not can_create or match_score(query, usable[0]) >= STRONG_MATCH):
            return options, 0
        return options, ids.index(CREATE_OPTION) if can_create else None

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

    def _exact(self, query: str) -> list[dict]:
        """The codes (any, listed or not) whose name or path is the query."""
        if not query:
            return []
        wanted = query.casefold()
        typed = plan_creation(self.codes, query, None) if PATH_SEPARATOR.strip() in query else None
        return [
            code
            for code in self.codes
            if wanted in (code["name"].casefold(), code["path"].casefold())
            or (typed is not None and code["id"] == typed.existing_id)
        ]

    def _creation(self, query: str) -> Creation:
        return plan_creation(self.codes, query, self.parent_theme)

    def _prompt(self, code: dict) -> Content:
        """One line: the path shortened theme first, so the code's own name stays readable."""
        shown = short_path(visible_line(code["path"]), self._row_width())
        prefix, separator, name = shown.rpartition(PATH_SEPARATOR)
        shown_name = inert_line(name).stylize("bold") if code["is_theme"] else inert_line(name)
        return Content.assemble(inert_line(prefix + separator).stylize("dim"), shown_name)

    def _row_width(self) -> int:
        """The characters a row may take beside padding and scroll bar (wide before layout)."""
        option_list = self.query_one(OptionList)
        width = option_list.scrollable_content_region.width - option_list.styles.scrollbar_size_vertical
        return width if width > 0 else 1000

    def on_resize(self) -> None:
        """Rows are cut to the width: cut them again, keeping the highlight."""
        highlighted, browsed = self.query_one(OptionList).highlighted, self.browsed
        self._refresh_matches()
        self.query_one(OptionList).highlighted, self.browsed = highlighted, browsed

    @property
    def parent_theme(self) -> dict | None:
        """The theme a created code goes under (None: top level).

        Not named ``parent``: that is the DOM's parent node, which Textual walks.
        """
        return self.themes[self.parent_index - 1] if self.parent_index else None

    def _create_prompt(self, creation: Creation) -> Content:
        """The create line: what Enter creates and where, or why it cannot."""
        if creation.refusal:
            return inert_line(f"✗ Cannot create: {creation.refusal}").stylize("italic")
        parts = [Content.styled("+ Create ", "italic")]
        if creation.new_themes:
            themes = ", ".join(f"'{name}'" for name in creation.new_themes)
            noun = "themes" if len(creation.new_themes) > 1 else "theme"
            parts += [Content.styled(f"{noun} ", "italic"), inert_line(themes).stylize("bold")]
            parts.append(Content.styled(" and ", "italic"))
        parts += [Content.styled("code ", "italic"), inert_line(f"'{creation.code}'").stylize("bold")]
        where = f"  under {creation.under}" if creation.under else "  at top level"
        if PATH_SEPARATOR.strip() not in self.query_text:
            where += " (Tab: another theme)" if self.themes else ""
        elif not creation.under:
            where = ""
        parts.append(inert_line(where).stylize("dim"))
        return Content.assemble(*parts)

    def action_move(self, step: int) -> None:
        option_list = self.query_one(OptionList)
        count = option_list.option_count
        if not count or all(option_list.get_option_at_index(i).disabled for i in range(count)):
            return
        self.browsed = True
        current = option_list.highlighted if option_list.highlighted is not None else -step
        current = (current + step) % count
        while option_list.get_option_at_index(current).disabled:
            current = (current + step) % count
        option_list.highlighted = current

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
        if option is not None and option.disabled:
            option = None
        if not query and not self.browsed and self.allow_create:
            self.post_message(self.EmptySubmitted())
        elif option is not None and option.id == CREATE_OPTION:
            self._invite_definition(query, self.parent_theme["id"] if self.parent_theme else None)
        elif option is not None:
            self.post_message(self.CodeChosen(option.id))

    def _invite_definition(self, name: str, parent_id: str | None) -> None:
        """Ask for the new code's one-line definition, then ask the screen to create it."""
        if not self.writable:
            self.post_message(self.CodeCreateRequested(name, parent_id))
            return
        path = self._creation(name).path
        title = f"New code '{path}': define it in one line (optional; suggestions learn from it)"
        invite = TextPrompt(title, placeholder="What belongs under this code…", hint=SKIP_HINT)
        self.app.push_screen(
            invite,
            lambda text: self.post_message(self.CodeCreateRequested(name, parent_id, (text or "").strip())),
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Lead-ins are edited from the coding screen's picker, not from a choice dialog's."""
        return self.allow_create if action == "lead_in" else True

    def action_lead_in(self, of_theme: bool) -> None:
        """F2 (F3): edit the lead-in sentence of the highlighted code (of its theme)."""
        option = self.query_one(OptionList).highlighted_option
        code = next((code for code in self.codes if option and code["id"] == option.id), None)
        if code is not None and of_theme:
            code = next((theme for theme in self.codes if theme["id"] == code["parent_id"]), None)
        if code is None:
            what = "a code with a theme" if of_theme else "a code"
            self.notify(f"Highlight {what} first (↑/↓).", timeout=2)
        elif self.writable:
            title = f"Lead-in of '{code['path']}' (the report prints it above the quotes)"
            prompt = TextPrompt(
                title,
                code.get("lead_in", ""),
                "One sentence naming the theme",
                hint="Enter saves · Escape cancels",
            )
            code_id = code["id"]
            self.app.push_screen(
                prompt, lambda text: text is not None and self.post_message(self.LeadInEdited(code_id, text))
            )
        else:
            self.notify(READ_ONLY_MESSAGE, severity="warning")

"""The picker's code creation flow through the keyboard: the definition invite, what the create
line promises, lead-ins from the picker, codes not used this wave, and hostile names."""

from __future__ import annotations

import pytest
from textual.widgets import Label, OptionList, Tree

from workbench import coding
from workbench.coding import waves as carry
from workbench.coding.codebook_tree import Codebook
from workbench.screens.coding import CodingScreen
from workbench.screens.text_prompt import TextPrompt
from workbench.store import codings as coding_rows
from workbench.widgets.code_picker import CREATE_OPTION, CodePicker, FilterInput

pytestmark = pytest.mark.anyio


def codes_on(store, answer_id: int) -> list[str]:
    return [
        row["name"]
        for segment in coding_rows.segments_with_codes(store, answer_id)
        for row in segment["codings"]
    ]


def code_named(store, name: str) -> dict:
    return next(code for code in Codebook.from_store(store).live_rows() if code["name"] == name)


def lead_in(store, name: str) -> str:
    return Codebook.from_store(store).code(code_named(store, name)["id"]).lead_in


def options(app) -> list:
    option_list = app.screen.query_one(CodePicker).query_one(OptionList)
    return [option_list.get_option_at_index(index) for index in range(option_list.option_count)]


def highlighted(app):
    return app.screen.query_one(CodePicker).query_one(OptionList).highlighted_option


def create_line(app) -> str:
    return next(option.prompt.plain for option in options(app) if option.id == CREATE_OPTION)


def prompt_title(app) -> str:
    return str(app.screen.query_one(".dialog-title", Label).render())


async def test_creating_invites_a_definition_and_one_undo_takes_both(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        answer = app.screen.answer_id
        await pilot.press(*"Ventetid", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt)
        assert "New code 'Ventetid'" in prompt_title(app)
        assert Codebook.from_store(app.store).live_rows() == []  # nothing created yet
        await pilot.press(*"Lang ventetid på time", "enter")
        await pilot.pause()
        assert code_named(app.store, "Ventetid")["definition"] == "Lang ventetid på time"
        assert codes_on(app.store, answer) == ["Ventetid"]
        assert isinstance(app.focused, FilterInput) and app.focused.value == ""
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert Codebook.from_store(app.store).live_rows() == [] and codes_on(app.store, answer) == []
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert code_named(app.store, "Ventetid")["definition"] == "Lang ventetid på time"


@pytest.mark.parametrize("skip", ["escape", "enter"])
async def test_the_invite_costs_one_key_when_skipped(make_app, skip):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press(*"Ventetid", "enter", skip)
        await pilot.pause()
        assert app.screen is screen and isinstance(app.focused, FilterInput)
        assert code_named(app.store, "Ventetid")["definition"] == ""
        assert codes_on(app.store, screen.answer_id) == ["Ventetid"]
        await pilot.press("enter")  # the next key is the coding screen's again
        await pilot.pause()
        assert screen.position == 1


async def test_read_only_creates_no_invite_and_refuses(make_app):
    app = make_app()
    app.read_only = True
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press(*"Ventetid", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CodingScreen)
        assert Codebook.from_store(app.store).live_rows() == []
        assert any("read-only" in notification.message for notification in app._notifications)


async def test_the_create_line_says_which_themes_are_new(make_app):
    app = make_app()
    theme = coding.create_code(app.store, "Samarbeid", "ola", is_theme=True).id
    coding.create_code(app.store, "Godt", "ola", parent_id=theme)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press(*"Samarbeid > Møter")
        assert create_line(app) == "+ Create code 'Møter'  under Samarbeid"
        await pilot.press("ctrl+u", *"Kapasitet > Ventetid")
        assert create_line(app) == "+ Create theme 'Kapasitet' and code 'Ventetid'"
        await pilot.press("ctrl+u", *"Ny", "tab")
        assert create_line(app) == "+ Create code 'Ny'  under Samarbeid (Tab: another theme)"
        await pilot.press("tab")
        assert create_line(app) == "+ Create code 'Ny'  at top level (Tab: another theme)"
        await pilot.press("ctrl+u", *"Kapasitet > Ventetid", "enter", "escape")
        await pilot.pause()
        assert code_named(app.store, "Ventetid")["path"] == "Kapasitet > Ventetid"
        assert code_named(app.store, "Kapasitet")["is_theme"]
        await pilot.press(*"samarbeid>godt")
        assert highlighted(app).id == code_named(app.store, "Godt")["id"]  # exists: no create
        assert CREATE_OPTION not in [option.id for option in options(app)]


async def test_a_path_that_cannot_be_created_says_why_and_enter_does_nothing(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press(*"A >> B")
        assert create_line(app).startswith("✗ Cannot create: 'A >> B' is not a code path")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CodingScreen) and Codebook.from_store(app.store).live_rows() == []
        await pilot.press("ctrl+u", *"A > B > C > D")
        assert "deeper than three levels" in create_line(app)


async def test_lead_ins_of_a_code_and_its_theme_from_the_picker(make_app):
    app = make_app()
    theme = coding.create_code(app.store, "Samarbeid", "ola", is_theme=True).id
    coding.create_code(app.store, "Godt", "ola", parent_id=theme)
    coding.create_code(app.store, "Annet", "ola")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press(*"Godt", "f2")
        await pilot.pause()
        assert "Lead-in of 'Samarbeid > Godt'" in prompt_title(app)
        await pilot.press(*"Mange roser samarbeidet.", "enter")
        await pilot.pause()
        assert lead_in(app.store, "Godt") == "Mange roser samarbeidet."
        await pilot.press(*"Godt", "f3")
        await pilot.pause()
        assert "Lead-in of 'Samarbeid'" in prompt_title(app)
        await pilot.press(*"Om samarbeid:", "enter")
        await pilot.pause()
        assert lead_in(app.store, "Samarbeid") == "Om samarbeid:"
        await pilot.press(*"Godt", "f2")
        await pilot.pause()
        assert app.screen.query_one("#prompt-input").value == "Mange roser samarbeidet."
        await pilot.press("escape")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert lead_in(app.store, "Samarbeid") == "" and lead_in(app.store, "Godt") != ""
        await pilot.press("ctrl+u", *"Annet", "f3", "ctrl+u", *"Qzxq", "f2")
        await pilot.pause()
        messages = [notification.message for notification in app._notifications]
        assert "Highlight a code with a theme first (↑/↓)." in messages
        assert "Highlight a code first (↑/↓)." in messages
        assert isinstance(app.screen, CodingScreen)


async def test_a_code_not_used_this_wave_comes_last_and_only_when_typed(make_app):
    app = make_app()
    store = app.store
    used = coding.create_code(store, "Droppet ikke", "ola").id
    dropped = coding.create_code(store, "Droppet", "ola").id
    first_answer = store.scalar("SELECT MIN(id) FROM answers WHERE question_id = 'q01'")
    segment = coding_rows.segments_with_codes(store, first_answer)[0]["id"]
    coding.apply_codes(store, segment, [used, dropped], "ola")
    carry.mark_not_used(store, dropped, 2024, "ola")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("pagedown")
        assert dropped not in [option.id for option in options(app)]
        await pilot.press(*"Dropp")
        listed = options(app)
        assert [option.id for option in listed][:1] == [used]
        divider = next(index for index, option in enumerate(listed) if option.disabled and option.id is None)
        assert listed[divider].prompt.plain == "── not used in 2024 ──"
        assert listed[divider + 1].id == dropped
        assert highlighted(app).id == used
        await pilot.press("down")
        assert highlighted(app).id == dropped  # the divider is stepped over
        await pilot.press("down", "down", "up")
        assert highlighted(app).id == CREATE_OPTION  # round to the top and back
        await pilot.press("ctrl+u", *"droppet")
        assert highlighted(app).id == dropped  # typed in full: Enter takes it
        await pilot.press("enter")
        await pilot.pause()
        assert codes_on(store, app.screen.answer_id) == ["Droppet"]
        await pilot.press("ctrl+o")
        await pilot.pause()
        labels = {node.data: str(node.label) for node in app.screen.query_one(Tree).root.children}
        assert labels[dropped].endswith("not used in 2024") and "not used" not in labels[used]


HOSTILE = "[b]fet[/b] \x1b]0;tittel\x07 $(rm -rf) <x"


async def test_hostile_names_are_shown_inert(make_app):
    app = make_app()
    coding.create_code(app.store, HOSTILE, "ola")
    legacy = coding.create_code(app.store, "legacy", "ola").id  # a name from an old file
    app.store.execute("UPDATE codes SET name = '=1+1 > [i]' WHERE id = ?", (legacy,))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        shown = [option.prompt.plain for option in options(app)]
        assert shown[0] == "=1+1 > [i]"  # a long name is cut to one line, still inert:
        assert shown[1].startswith("[b]fet[/b] ␛]0;tittel␇ $(rm -rf)") and "\x1b" not in shown[1]
        await pilot.press(*"=1+1 > [i]")
        assert highlighted(app).id == legacy and CREATE_OPTION not in [o.id for o in options(app)]
        await pilot.press("ctrl+u")
        picker_filter = app.screen.query_one(FilterInput)
        picker_filter.value = "[red]ny[/red]\x1b[2J"
        await pilot.pause()
        assert create_line(app).startswith("+ Create code '[red]ny[/red]␛[2J'")
        await pilot.press("enter")
        await pilot.pause()
        assert "'[red]ny[/red]␛[2J'" in prompt_title(app)
        await pilot.press(*"[bold]def[/]", "enter")
        await pilot.pause()
        assert code_named(app.store, "[red]ny[/red]\x1b[2J")["definition"] == "[bold]def[/]"


async def test_long_names_fit_at_80_by_24(make_app):
    app = make_app()
    long_path = "Samarbeid med fastlegene og legevakten > Faste samarbeidsmøter hver måned med alle"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*long_path)
        await pilot.pause()
        option_list = app.screen.query_one(CodePicker).query_one(OptionList)
        assert option_list.region.right <= 80 and option_list.virtual_size.width <= option_list.size.width
        assert option_list.virtual_size.height >= 3  # the create line wraps, nothing is cut
        await pilot.press("enter")
        await pilot.pause()
        title = app.screen.query_one(".dialog-title", Label)
        assert title.region.right <= 80 and title.region.height >= 2
        assert "Faste samarbeidsmøter hver måned med alle" in str(title.render())


async def test_a_choice_dialogs_picker_edits_no_lead_in(make_app):
    from workbench.screens.code_choice import CodeChoiceDialog

    app = make_app()
    coding.create_code(app.store, "Godt", "ola")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        dialog = CodeChoiceDialog("Merge into…", Codebook.from_store(app.store).live_rows())
        app.push_screen(dialog)
        await pilot.pause()
        await pilot.press(*"Godt", "f2")
        await pilot.pause()
        assert app.screen is dialog


async def test_marking_a_code_not_used_on_the_waves_screen_moves_it_in_the_picker(make_app):
    from workbench.screens.waves import WavesScreen

    app = make_app()
    code = coding.create_code(app.store, "Faste møter", "ola").id
    first_answer = app.store.scalar("SELECT MIN(id) FROM answers WHERE question_id = 'q01'")
    coding.apply_codes(
        app.store, coding_rows.segments_with_codes(app.store, first_answer)[0]["id"], [code], "ola"
    )
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert [option.id for option in options(app)] == [code]
        app.open_screen(WavesScreen)
        await pilot.pause()
        await pilot.press("u", "escape")
        await pilot.pause()
        assert options(app) == []  # hidden while nothing is typed
        await pilot.press(*"Faste")
        assert [option.prompt.plain for option in options(app)][:2] == [
            "── not used in 2024 ──",
            "Faste møter",
        ]

"""The inert-text boundary: control characters become visible symbols."""

from workbench.display import visible, visible_line


def test_escape_sequences_become_visible_symbols():
    hostile = "x \x1b]0;PWNED\x1b\\ y \x1b]52;c;Y3VybA==\x07 z"
    shown = visible(hostile)
    assert "\x1b" not in shown and "\x07" not in shown
    assert shown.startswith("x ␛]0;PWNED␛\\ y")
    assert "␇" in shown


def test_newlines_and_tabs_stay_but_other_controls_do_not():
    assert visible("a\nb\tc\rd\x00e\x7f\x9b") == "a\nb\tc␍d␀e␡<U+009B>"


def test_bidi_override_is_shown_not_obeyed():
    assert visible("abc\u202eevil") == "abc<U+202E>evil"


def test_markup_is_left_as_plain_characters():
    assert visible("[link=file:///etc/passwd]x[/]") == "[link=file:///etc/passwd]x[/]"


def test_one_line_form_folds_line_breaks():
    assert visible_line("a\r\nb\nc\td") == "a b c d"


def test_none_is_empty():
    assert visible(None) == ""

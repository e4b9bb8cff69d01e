"""Suggestion rows keep the code's own name readable: the theme gives way first."""

import pytest

from workbench.coding.short_path import cut, short_path


def test_a_path_that_fits_is_unchanged():
    assert short_path("Samarbeid > Faste møter", 23) == "Samarbeid > Faste møter"


def test_the_theme_is_cut_first():
    assert short_path("Tilgjengelighet > Lang svartid", 24) == "Tilgjeng… > Lang svartid"
    assert short_path("Samarbeid > Faste møter", 20) == "Samar… > Faste møter"


def test_deep_paths_keep_the_last_name_whole():
    shortened = short_path("Tilgjengelighet > Ventetid > Lang svartid", 20)
    assert shortened.endswith(" > Lang svartid") and "…" in shortened and len(shortened) == 20


def test_with_no_room_for_the_theme_the_name_alone_is_cut():
    assert short_path("Tilgjengelighet > Lang svartid", 16) == "… > Lang svartid"
    assert short_path("Tilgjengelighet > Lang svartid", 15) == "Lang svartid"
    assert short_path("Tilgjengelighet > Lang svartid", 8) == "Lang sv…"
    assert short_path("Lang svartid uten tema", 10) == "Lang svar…"


@pytest.mark.parametrize("width", range(0, 40))
def test_never_longer_than_the_width(width):
    for path in ("Tilgjengelighet > Lang svartid", "[b]x[/b] > \u241b[31m", "Én", "A > B > C"):
        assert len(short_path(path, width)) <= width


def test_cut():
    assert cut("abcdef", 4) == "abc…"
    assert cut("abc", 4) == "abc"
    assert cut("abc", 0) == ""

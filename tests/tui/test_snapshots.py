"""SVG snapshots of the main screens at 120×36 (update with --snapshot-update)."""

from __future__ import annotations

from workbench import coding
from workbench.store import answers as answer_rows
from workbench.store import codings as coding_rows

SIZE = (120, 36)


def coded_app(make_app):
    """The small project with a theme, two codes and two coded answers."""
    app = make_app()
    store = app.store
    theme = coding.create_code(store, "Samarbeid", "ola", is_theme=True).id
    meetings = coding.create_code(store, "Faste møtepunkter", "ola", parent_id=theme).id
    good = coding.create_code(store, "Godt samarbeid", "ola", parent_id=theme).id
    first, second = answer_rows.answer_ids(store, "q01", 2024)[:2]
    for answer_id, code_id in ((first, meetings), (second, good)):
        segment = coding_rows.segments_with_codes(store, answer_id)[0]
        coding.apply_codes(store, segment["id"], [code_id], "ola")
    return app


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_coding_screen(snap_compare, make_app):
    assert snap_compare(coded_app(make_app), terminal_size=SIZE, run_before=settle)


def test_coding_screen_offering_a_new_code(snap_compare, make_app):
    assert snap_compare(
        coded_app(make_app),
        terminal_size=SIZE,
        press=["pagedown", "pagedown", *"fastlege møter", "_"],
        run_before=settle,
    )


def test_answer_table(snap_compare, make_app):
    assert snap_compare(coded_app(make_app), terminal_size=SIZE, press=["ctrl+t", "_"], run_before=settle)


def test_codebook(snap_compare, make_app):
    assert snap_compare(coded_app(make_app), terminal_size=SIZE, press=["ctrl+o", "_"], run_before=settle)


def test_help(snap_compare, make_app):
    assert snap_compare(coded_app(make_app), terminal_size=SIZE, press=["f1", "_"], run_before=settle)

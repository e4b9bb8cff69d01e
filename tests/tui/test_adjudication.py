"""Settling disagreements by keyboard; decisions land in the consensus layer only."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Label, Static

from workbench import coding
from workbench.screens.adjudication import AdjudicationScreen
from workbench.screens.review import ReviewScreen

pytestmark = pytest.mark.anyio


def seed_disagreements(store) -> dict[str, str]:
    """Coders A and B code the q01 answers; they disagree on the second and third."""
    codes = {name: coding.create_code(store, name, "A").id for name in ("Godt", "Mangler", "Annet")}
    answers = [
        row["id"]
        for row in store.rows(
            "SELECT id FROM answers WHERE question_id = 'q01' AND is_nonresponse = 0 ORDER BY id"
        )
    ]
    plan = [("Godt", "Godt"), ("Godt", "Mangler"), ("Annet", "Godt")]
    for answer, (first, second) in zip(answers, plan, strict=False):
        segment = coding.segments_of_answer(store, answer)[0].id
        coding.apply_codes(store, segment, [codes[first]], "A")
        coding.apply_codes(store, segment, [codes[second]], "B")
    return codes


def codings_by(store, coder: str) -> list[tuple[str, str]]:
    return sorted(
        (row["segment_id"], row["code_id"])
        for row in store.rows("SELECT segment_id, code_id FROM codings WHERE coder = ?", (coder,))
    )


async def test_adjudication_flow(make_app):
    app = make_app()
    codes = seed_disagreements(app.store)
    independent = codings_by(app.store, "A"), codings_by(app.store, "B")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        app.open_screen(AdjudicationScreen)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AdjudicationScreen)
        assert screen.query_one(DataTable).row_count == 2
        assert "0 / 2 decided" in str(screen.query_one("#adjudication-title").render())
        first, second = screen.items
        assert "Mangler" in str(screen.query_one("#adjudication-detail", Static).render())

        await pilot.press("b")
        await pilot.pause()
        assert "1 / 2 decided" in str(screen.query_one("#adjudication-title").render())
        assert screen.current.segment_id == second.segment_id
        await pilot.press("t")
        await pilot.pause()
        assert "2 / 2 decided" in str(screen.query_one("#adjudication-title").render())

        await pilot.press("e")
        await pilot.pause()
        await pilot.press(*"Annet", "enter")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        await pilot.press(*"Godt", "enter")
        await pilot.pause()
        await pilot.press(*"Svar som roser samarbeidet.", "enter")
        await pilot.pause()

    consensus = codings_by(app.store, "consensus")
    assert consensus == sorted([(first.segment_id, codes["Mangler"]), (second.segment_id, codes["Godt"])])
    assert (codings_by(app.store, "A"), codings_by(app.store, "B")) == independent
    definition = app.store.scalar("SELECT definition FROM codes WHERE id = ?", (codes["Godt"],))
    assert definition == "Svar som roser samarbeidet."


async def test_review_flow(make_app):
    app = make_app()
    seed_disagreements(app.store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        app.open_screen(ReviewScreen)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        assert screen.coder == "A"
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        await pilot.press(*"Hvorfor Godt?", "enter")
        await pilot.pause()
        await pilot.press("right")
        await pilot.pause()
        assert screen.position == 1
    marks = app.store.rows("SELECT coder, reviewer, verdict, text FROM review_comments ORDER BY rowid")
    assert [(m["coder"], m["reviewer"], m["verdict"], m["text"]) for m in marks] == [
        ("A", "ola", "agree", ""),
        ("A", "ola", "comment", "Hvorfor Godt?"),
    ]


async def test_review_and_adjudication_refuse_a_blind_coder(make_app):
    from workbench.store import teams

    app = make_app()
    seed_disagreements(app.store)
    segments = [row["id"] for row in app.store.rows("SELECT id FROM segments LIMIT 2")]
    teams.add_assignments(app.store, segments, "ola", blind=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        start = app.screen
        for screen_class in (AdjudicationScreen, ReviewScreen):
            app.open_screen(screen_class)
            await pilot.pause()
            assert app.screen is start
        messages = [notification.message for notification in app._notifications]
        assert any("Adjudication is closed to ola" in message for message in messages)
        assert any("Review is closed to ola" in message for message in messages)


async def test_adjudication_fits_120_columns_shows_comments_and_undoes(make_app):
    from workbench.review import comments

    app = make_app()
    codes = seed_disagreements(app.store)
    segment = app.store.scalar(
        "SELECT segment_id FROM codings WHERE coder = 'B' AND code_id = ?", (codes["Mangler"],)
    )
    comments.leave_comment(app.store, segment, "B", "A", "Hvorfor Mangler?")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        app.open_screen(AdjudicationScreen)
        await pilot.pause()
        screen = app.screen
        table = screen.query_one(DataTable)
        widths = sum(column.get_render_width(table) for column in table.columns.values())
        assert widths <= 118
        assert "Comment by A on B: Hvorfor Mangler?" in str(screen.query_one("#adjudication-detail").render())
        await pilot.press("n", "a")
        await pilot.pause()
        assert "2 / 2 decided  ·  all decided" in str(screen.query_one("#adjudication-title").render())
        table.move_cursor(row=0)
        await pilot.press("u")
        await pilot.pause()
        assert "1 / 2 decided" in str(screen.query_one("#adjudication-title").render())
        assert screen.items[0].decision is None
        await pilot.press("e")
        await pilot.pause()
        await pilot.press(*"Annet", "enter")
        await pilot.pause()
        assert table.cursor_row == 0 and screen.items[0].decision == "edit"


async def test_review_side_by_side_disagreements_only_and_replies(make_app):
    from workbench.review import comments

    app = make_app()
    seed_disagreements(app.store)
    coding.ensure_coder(app.store, "ola")
    segment = app.store.scalar("SELECT segment_id FROM codings WHERE coder = 'A' LIMIT 1")
    comments.leave_comment(app.store, segment, "B", "A", "Se på definisjonen.")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        app.open_screen(ReviewScreen)
        await pilot.pause()
        screen = app.screen
        assert (screen.coder, screen.other) == ("A", "B")
        table = screen.query_one(DataTable)
        assert str(table.get_row_at(0)[1]) == str(table.get_row_at(0)[2]) == "Godt"
        await pilot.press("x")
        await pilot.pause()
        assert len(screen.answer_ids) == 2 and "disagreements only" in str(
            screen.query_one("#review-title").render()
        )
        await pilot.press("right")
        await pilot.pause()
        kept = screen.answer_ids[screen.position]
        await pilot.press("c")
        await pilot.pause()
        assert screen.coder == "B" and screen.answer_ids[screen.position] == kept
    app = make_app()
    app.coder = "B"
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        app.open_screen(ReviewScreen)
        await pilot.pause()
        assert app.screen.coder == "B"
        assert any("You have 1 review comments" in n.message for n in app._notifications)
        await pilot.press("m")
        await pilot.pause()
        assert "Reply to the comments on your coding" in str(app.screen.query_one(Label).render())


async def test_coding_comparison_screen_puts_disagreements_first_and_writes_them(make_app, tmp_path):
    from workbench.screens.comparison import ComparisonScreen

    app = make_app()
    seed_disagreements(app.store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        app.open_screen(ComparisonScreen)
        await pilot.pause()
        screen = app.screen
        table = screen.query_one(DataTable)
        assert "A = A | B  ·  3 answers, 2 differ" in str(screen.query_one("#comparison-title").render())
        first = table.get_row_at(0)
        assert first[3] + first[4] >= table.get_row_at(table.row_count - 1)[3]
        await pilot.press("w")
        await pilot.pause()
    written = app.store.path.parent / "exports" / "disagreements-A-B.xlsx"
    assert written.exists()


async def test_merge_conflicts_screen_settles_by_one_key(make_app, tmp_path):
    import shutil

    from workbench.project import open_project
    from workbench.review.merge import merge_project
    from workbench.screens.merge_conflicts import MergeConflictsScreen

    app = make_app()
    code = coding.create_code(app.store, "Godt", "A").id
    other = tmp_path / "other.db"
    app.store.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(app.store.path, other)
    with open_project(other) as store:
        coding.rename_code(store, code, "Bra", "B")
    coding.rename_code(app.store, code, "Fint", "A")
    assert len(merge_project(app.store, other).conflicts) == 1
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        app.open_screen(MergeConflictsScreen)
        await pilot.pause()
        screen = app.screen
        assert "1 to settle" in str(screen.query_one("#conflicts-title").render())
        assert "Theirs (t): name 'Bra'" in str(screen.query_one("#conflicts-detail").render())
        await pilot.press("t")
        await pilot.pause()
        assert "none: all settled" in str(screen.query_one("#conflicts-title").render())
    assert app.store.scalar("SELECT name FROM codes WHERE id = ?", (code,)) == "Bra"


async def test_a_blind_coder_sees_only_her_own_counts_and_sample(make_app):
    from textual.widgets import Tree

    from workbench.screens.chart import ChartScreen
    from workbench.screens.codebook import CodebookScreen
    from workbench.store import teams

    app = make_app()
    seed_disagreements(app.store)  # coders A and B code three answers
    answers = app.store.rows(
        "SELECT id FROM answers WHERE question_id = 'q01' AND is_nonresponse = 0 LIMIT 2"
    )
    segments = [
        app.store.scalar("SELECT id FROM segments WHERE answer_id = ?", (row["id"],)) for row in answers
    ]
    teams.add_assignments(app.store, segments, "ola", blind=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        app.open_screen(CodebookScreen)
        await pilot.pause()
        labels = [str(node.label) for node in app.screen.query_one(Tree).root.children]
        assert labels and all(label.endswith("0 / 0") for label in labels)
        app.screen.dismiss(None)
        await pilot.pause()
        app.open_screen(ChartScreen)
        await pilot.pause()
        title = str(app.screen.query_one("#chart-title").render())
        assert "base: 0 coded (of 2 who answered)" in title  # her own codings, within her sample

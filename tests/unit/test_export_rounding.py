"""Percentages rounded once per table: equal counts alike, single-code columns sum to 100."""

import pytest
from conftest_export import build_export_project, insert_code, insert_coding

from workbench.export.counts import count_questions, report_rounding
from workbench.export.labels import percent_text
from workbench.store import survey


def test_a_theme_and_its_only_code_with_equal_counts_get_equal_percentages():
    # Issue case: "Stab" and its only code both 18 of 84, in a table whose codes sum to 84.
    counts = [18, 18, 30, 36]
    levels = ["main_theme", "code", "code", "code"]
    rounded = report_rounding(counts, levels, 84)
    assert rounded[0] == rounded[1]
    assert sum(rounded[1:]) == 100


def test_a_single_code_column_sums_to_one_hundred_with_equal_counts_alike():
    rounded = report_rounding([5, 5, 2], ["code", "code", "code"], 12)
    assert rounded == [42, 42, 16] and sum(rounded) == 100


def test_equal_counts_win_when_no_group_fits_the_shortfall():
    assert report_rounding([1, 1, 1], ["code"] * 3, 3) == [33, 33, 33]


def test_multi_code_tables_round_each_count_half_up():
    assert report_rounding([1, 2, 3], ["code"] * 3, 8) == [13, 25, 38]
    assert report_rounding([0], ["code"], 0) == [0]


def test_a_small_non_zero_share_shows_less_than_one():
    [rounded] = report_rounding([1], ["code"], 372)
    assert rounded == 0 and percent_text(1, rounded) == "<1"
    assert percent_text(0, 0) == "0" and percent_text(5, 2) == "2"


@pytest.fixture
def project(tmp_path):
    built = build_export_project(tmp_path / "p.db")
    yield built
    built.store.close()


def test_a_table_rounds_once_across_its_levels(project):
    store = project.store
    with store.atomic():
        theme = insert_code(store, "Stab", theme=True, position=5)
        only = insert_code(store, "Mangler stab", theme)
        for unit in ("0301", "3401"):
            insert_coding(store, project.segments[(unit, "q01")][0], only)
    [counts] = count_questions(store, survey.question_rows(store, question_id="q01"))
    rows = {row.name: row.percent_rounded for row in counts.table.itertuples(index=False)}
    assert rows["Stab"] == rows["Mangler stab"] == rows["Faste møter"] == 33

"""Counted categories: per-respondent counting, the tree levels, bases, rounding, cross-tables."""

import json

import pytest
from conftest_export import build_export_project, insert_coding

from workbench.cli import main
from workbench.export.counts import count_questions, cross_table, layer_codings
from workbench.store import report_layer, survey


@pytest.fixture
def project(tmp_path):
    built = build_export_project(tmp_path / "p.db")
    yield built
    built.store.close()


def _counts(project, question_id):
    questions = survey.question_rows(project.store, question_id=question_id)
    return count_questions(project.store, questions)[0]


def _by_name(counts):
    return {
        (row.name, row.level): (row.count, row.percent_rounded)
        for row in counts.table.itertuples(index=False)
    }


def test_a_respondent_counts_once_per_category_however_many_segments_carry_it(project):
    counts = _by_name(_counts(project, "q01"))
    # 0301 has two segments coded "Faste møter"; 3401 one: two respondents, not three.
    assert counts[("Faste møter", "code")] == (2, 33)
    # Themes count respondents with any code below them, once each.
    assert counts[("Møter", "sub_theme")] == (3, 50)
    assert counts[("Samarbeid", "main_theme")] == (3, 50)


def test_merged_codes_count_for_their_target_and_retired_codes_not_at_all(project):
    counts = _by_name(_counts(project, "q01"))
    assert counts[("Mangel på tid", "code")][0] == 1
    names = {name for name, _ in counts}
    assert "Tidsnød" not in names and "Gammel" not in names


def test_base_is_respondents_who_answered_with_units_and_response_rate(project):
    counts = _counts(project, "q01")
    assert counts.answered == 6  # the whitespace-only answer is a non-response
    assert counts.units == 7
    assert counts.response_rate == pytest.approx(600 / 7)
    uncoded = counts.table[counts.table["level"] == "uncoded"]
    assert list(uncoded["count"]) == [1]


def test_single_code_question_sums_to_one_hundred_after_rounding(project):
    counts = _counts(project, "q02")
    assert counts.single_code
    codes = counts.table[counts.table["level"] == "code"]
    assert codes["count"].sum() == counts.answered
    assert codes["percent_rounded"].sum() == 100
    assert codes["percent"].sum() == pytest.approx(100.0)


def test_rows_follow_codebook_order_and_skip_unused_codes(project):
    names = list(_counts(project, "q02").table["name"])
    assert names == ["Samarbeid", "Møter", "Faste møter", "Utfordringer", "Mangel på tid", "Annet"]


def test_cross_table_gives_counts_and_row_percent_per_county(project):
    counts = _counts(project, "q01")
    table = cross_table(project.store, counts, "county", layer_codings(project.store))
    innlandet = table[(table["group"] == "Innlandet") & (table["name"] == "Samarbeid")].iloc[0]
    assert (innlandet["answered"], innlandet["count"]) == (2, 1)
    assert innlandet["row_percent"] == pytest.approx(50.0)
    assert list(dict.fromkeys(table["group"])) == ["Innlandet", "Nordland", "Oslo", "Vestland"]


def test_cross_table_orders_size_groups_naturally(project):
    counts = _counts(project, "q01")
    table = cross_table(project.store, counts, "size_group", layer_codings(project.store))
    assert list(dict.fromkeys(table["group"])) == ["10 000–19 999", "20 000–49 999", "50 000 og over"]


def test_counts_json_on_the_command_line(project, capsys):
    assert main(["export", str(project.store.path), "counts", "--json", "--question", "q02"]) == 0
    [question] = json.loads(capsys.readouterr().out)
    assert set(question) >= {"question", "answered", "units", "categories"}
    assert (question["question"], question["answered"], question["units"]) == ("q02", 6, 7)
    first = question["categories"][0]
    assert first == {"name": "Samarbeid", "level": "main_theme", "count": 3, "percent": 50.0}


def test_unknown_question_is_a_user_error(project, capsys):
    assert main(["export", str(project.store.path), "counts", "--question", "nope"]) == 2
    assert "question 'nope'" in capsys.readouterr().err


def test_a_consensus_layer_replaces_the_coders_on_the_segments_it_settled(project):
    store = project.store
    oslo = project.segments[("0301", "q02")][0]
    bergen = project.segments[("4601", "q02")][0]
    with store.atomic():
        insert_coding(store, oslo, project.codes["Mangel på tid"], coder="bob")
        insert_coding(store, bergen, project.codes["Annet"], coder="bob")
        store.execute(
            "INSERT INTO coders (name, is_consensus, created_at) VALUES ('consensus', 1, '2024-01-01')"
        )
        insert_coding(store, oslo, project.codes["Ad hoc-møter"], coder="consensus")
    report_layer.set_primary_coder(store, "ann")
    counts = _by_name(_counts(project, "q02"))
    assert counts[("Ad hoc-møter", "code")][0] == 1  # consensus on Oslo's segment
    assert counts[("Faste møter", "code")][0] == 2  # ann's Oslo coding no longer counts
    assert counts[("Mangel på tid", "code")][0] == 1  # bob's Oslo coding neither
    only_bob = count_questions(store, survey.question_rows(store, question_id="q02"), coder="bob")[0]
    assert _by_name(only_bob)[("Annet", "code")][0] == 1

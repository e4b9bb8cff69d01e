"""Agreement statistics reproduce every test vector of METHOD.md §2."""

import numpy as np
import pytest

from workbench.review import agreement


def parse(row: str) -> list[int | None]:
    return [None if token == "." else int(token) for token in row.split()]


# METHOD.md §2: four coders on 12 units and three coders on 15 units, "." is missing.
FOUR_CODERS = [
    parse("1 2 3 3 2 1 4 1 2 . . ."),
    parse("1 2 3 3 2 2 4 1 2 5 . 3"),
    parse(". 3 3 3 2 3 4 2 2 5 1 ."),
    parse("1 2 3 3 2 4 4 1 2 5 1 ."),
]
THREE_CODERS = [
    parse(". . . . . 3 4 1 2 1 1 3 3 . 3"),
    parse("1 . 2 1 3 3 4 3 . . . . . . ."),
    parse(". . 2 1 3 4 4 . 2 1 1 3 3 . 4"),
]
KAPPA_TABLES = [((20, 5, 10, 15), 0.40), ((45, 15, 25, 15), 0.1304), ((25, 35, 5, 35), 0.2593)]


def test_alpha_two_coders_binary():
    data = [parse("0 1 0 0 0 0 0 0 1 0"), parse("1 1 1 0 0 1 0 0 0 0")]
    assert agreement.krippendorff_alpha(data) == pytest.approx(0.095, abs=5e-4)


def test_alpha_four_coders_with_missing_values():
    assert agreement.krippendorff_alpha(FOUR_CODERS) == pytest.approx(0.743, abs=5e-4)


def test_alpha_three_coders_with_missing_values():
    assert agreement.krippendorff_alpha(THREE_CODERS) == pytest.approx(0.691, abs=5e-4)


def test_alpha_interval_distance_reproduces_published_values():
    squared = agreement.alpha_with_distance(FOUR_CODERS, lambda a, b: (a - b) ** 2)
    assert squared == pytest.approx(0.849, abs=5e-4)
    assert agreement.alpha_with_distance(THREE_CODERS, lambda a, b: (a - b) ** 2) == pytest.approx(
        0.811, abs=5e-4
    )


@pytest.mark.parametrize(
    ("table", "expected"),
    KAPPA_TABLES,
)
def test_cohen_kappa_tables(table, expected):
    assert agreement.cohen_kappa_table(*table) == pytest.approx(expected, abs=5e-5)


@pytest.mark.parametrize(
    ("table", "expected"),
    KAPPA_TABLES,
)
def test_cohen_kappa_from_labels_and_vectorised(table, expected):
    first = [1] * (table[0] + table[1]) + [0] * (table[2] + table[3])
    second = [1] * table[0] + [0] * table[1] + [1] * table[2] + [0] * table[3]
    assert agreement.cohen_kappa(first, second) == pytest.approx(expected, abs=5e-5)
    vectorised = agreement.binary_kappa(np.array(first)[:, None], np.array(second)[:, None])
    assert vectorised[0] == pytest.approx(expected, abs=5e-5)


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [({1, 2}, {1, 2, 3, 4}, 0.6667), ({"A", "B"}, {"A", "C"}, 0.8889), ({"A"}, {"B"}, 1.0)],
)
def test_masi_distance(left, right, expected):
    assert agreement.masi_distance(frozenset(left), frozenset(right)) == pytest.approx(expected, abs=5e-5)


def test_masi_matrix_matches_pairwise_distance():
    sets = [frozenset(s) for s in ({1, 2}, {1, 2, 3, 4}, {1, 5}, {6}, set(), {2, 1})]
    matrix = agreement.masi_distance_matrix(sets)
    for row, left in enumerate(sets):
        for column, right in enumerate(sets):
            assert matrix[row, column] == pytest.approx(agreement.masi_distance(left, right))


def test_binary_alpha_matches_general_alpha_with_missing_judgements():
    data = [parse("0 1 0 0 0 0 0 0 1 0"), parse("1 1 1 0 0 1 0 0 0 0")]
    present = np.array(data, dtype=bool)[:, :, None]
    coded = np.ones((2, 10), dtype=bool)
    assert agreement.binary_alpha(present, coded)[0] == pytest.approx(0.095, abs=5e-4)

    three = [parse(". . 1 0 1 0 1 1"), parse("1 0 . 0 1 1 1 0"), parse("1 1 1 . 0 0 1 .")]
    coded = np.array([[value is not None for value in row] for row in three])
    present = np.array([[value == 1 for value in row] for row in three])[:, :, None]
    expected = agreement.krippendorff_alpha(three)
    assert agreement.binary_alpha(present, coded)[0] == pytest.approx(expected)


def test_undefined_values_are_none_not_nan():
    constant = [[1, 1, 1], [1, 1, 1]]
    assert agreement.krippendorff_alpha(constant) is None
    assert agreement.cohen_kappa(constant[0], constant[1]) is None
    assert agreement.krippendorff_alpha([[1, None], [None, 2]]) is None
    assert agreement.masi_alpha([[frozenset({"a"})], [frozenset({"a"})]]) is None
    present = np.zeros((2, 3, 1), dtype=bool)
    assert agreement.optional(agreement.binary_alpha(present, np.ones((2, 3), bool))[0]) is None
    assert agreement.percent_agreement(constant) == 1.0


def test_masi_alpha_equals_nominal_alpha_on_single_codes():
    first = [frozenset({code}) for code in "aabbcab"]
    second = [frozenset({code}) for code in "abbbcaa"]
    nominal = agreement.krippendorff_alpha([first, second])
    assert agreement.masi_alpha([first, second]) == pytest.approx(nominal)
    assert nominal == pytest.approx(agreement.krippendorff_alpha([list("aabbcab"), list("abbbcaa")]))


def test_verdict_thresholds():
    assert agreement.verdict(0.81) == "reliable"
    assert agreement.verdict(0.7) == "tentative"
    assert agreement.verdict(0.5) == "not reliable"
    assert agreement.verdict(None) == "n/a (no variation)"


def test_project_agreement_reproduces_binary_vector(tmp_path):
    from teams_project import add_code, add_coding, build_project, segment_ids

    from workbench.review.measure import measure_agreement

    store = build_project(tmp_path / "p.db", respondents=10)
    present, other = add_code(store, "Present"), add_code(store, "Other")
    first, second = parse("0 1 0 0 0 0 0 0 1 0"), parse("1 1 1 0 0 1 0 0 0 0")
    for segment, a, b in zip(segment_ids(store), first, second, strict=True):
        add_coding(store, segment, present if a else other, "A")
        add_coding(store, segment, present if b else other, "B")
    result = measure_agreement(store, ["A", "B"]).to_json()
    assert result["segments"] == 10
    by_code = {row["code"]: row for row in result["codes"]}
    assert by_code["Present"]["alpha"] == pytest.approx(0.095, abs=5e-4)
    assert by_code["Present"]["kappa"] == pytest.approx(agreement.cohen_kappa(first, second))
    assert by_code["Present"]["percent_agreement"] == pytest.approx(0.6)
    assert by_code["Present"]["prevalence"] == pytest.approx(6 / 20)
    assert result["overall"]["alpha_exact_sets"] == pytest.approx(0.095, abs=5e-4)


def test_project_agreement_theme_level_and_missing_coders(tmp_path):
    from teams_project import add_code, add_coding, build_project, segment_ids

    from workbench.errors import UserError
    from workbench.review.measure import measure_agreement

    store = build_project(tmp_path / "p.db", respondents=4)
    theme = add_code(store, "Theme")
    left, right = add_code(store, "Left", theme), add_code(store, "Right", theme)
    for segment in segment_ids(store):
        add_coding(store, segment, left, "A")
        add_coding(store, segment, right, "B")
    add_coding(store, segment_ids(store)[0], left, "C")
    themes = measure_agreement(store, ["A", "B"], level="theme").to_json()
    assert [row["code"] for row in themes["codes"]] == ["Theme"]
    assert themes["codes"][0]["alpha"] is None and themes["overall"]["alpha_weighted"] is None
    codes = measure_agreement(store, ["A", "B"]).to_json()
    assert {row["code"] for row in codes["codes"]} == {"Theme > Left", "Theme > Right"}
    assert measure_agreement(store, ["A", "C"]).segments == 1
    with pytest.raises(UserError):
        measure_agreement(store, ["A", "Nobody"])
    with pytest.raises(UserError):
        measure_agreement(store, ["A"])
    with pytest.raises(UserError):
        measure_agreement(store, ["A", "B"], question_id="q99")
    empty = measure_agreement(store, ["A", "B"], question_id="q01", level="code")
    assert empty.segments == 4


def test_agreement_command_json_and_reliability_report(tmp_path, capsys):
    import json

    import openpyxl
    from teams_project import add_code, add_coding, build_project, segment_ids

    from workbench.cli import main

    store = build_project(tmp_path / "p.db", respondents=10)
    present, other = add_code(store, "Present"), add_code(store, "Other")
    first, second = parse("0 1 0 0 0 0 0 0 1 0"), parse("1 1 1 0 0 1 0 0 0 0")
    for segment, a, b in zip(segment_ids(store), first, second, strict=True):
        add_coding(store, segment, present if a else other, "A")
        add_coding(store, segment, present if b else other, "B")
    add_coding(store, segment_ids(store)[0], other, "C")
    store.close()
    assert main(["agreement", str(tmp_path / "p.db"), "--coders", "A,B", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert set(result) == {"coders", "segments", "codes", "overall"}
    assert set(result["codes"][0]) == {"code", "alpha", "kappa", "percent_agreement", "prevalence", "n"}
    assert main(["agreement", str(tmp_path / "p.db"), "--coders", "A,C"]) == 0
    assert "n/a (no variation)" in capsys.readouterr().out
    assert main(["agreement", str(tmp_path / "p.db"), "--coders", "A,Z"]) == 2

    assert main(["reliability", str(tmp_path / "p.db"), "--coders", "A,B", "--out", str(tmp_path)]) == 0
    text = (tmp_path / "reliability.md").read_text(encoding="utf-8")
    assert "A og B" in text and "10 svar i felles" in text and "0,095" in text
    sheet = openpyxl.load_workbook(tmp_path / "reliability.xlsx")["Koder"]
    rows = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["Present"][1] == pytest.approx(0.095, abs=5e-4)


def test_codes_are_judged_only_within_their_own_question_and_the_answer_is_the_unit(tmp_path):
    from teams_project import add_code, add_coding, build_project

    from workbench import coding
    from workbench.review.measure import measure_agreement

    store = build_project(tmp_path / "p.db", respondents=4, questions=("q01", "q05"))
    early, late = add_code(store, "Early"), add_code(store, "Late")
    rows = store.rows("SELECT s.id, a.question_id FROM segments s JOIN answers a ON a.id = s.answer_id")
    for row in rows:
        code = early if row["question_id"] == "q01" else late
        add_coding(store, row["id"], code, "A")
        add_coding(store, row["id"], code, "B")
    first_q01 = next(row["id"] for row in rows if row["question_id"] == "q01")
    coding.split_segment(store, first_q01, 3, "B")
    result = measure_agreement(store, ["A", "B"])
    assert result.segments == 8 and result.unit == "answer" and result.questions == ("q01", "q05")
    assert {code.code: code.n for code in result.codes} == {"Early": 4, "Late": 4}
    assert result.alpha_exact_sets == pytest.approx(1.0)
    assert result.percent_exact_sets == pytest.approx(1.0)
    assert measure_agreement(store, ["A", "B"], question_id="q05").segments == 4

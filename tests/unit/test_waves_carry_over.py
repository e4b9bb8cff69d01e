"""Last year's work carries over: the codebook of a continued question, and coded examples
that suggest codes this year, weighted below this year's and shown with their year."""

import numpy as np
import pytest
import yaml

from workbench import coding
from workbench.cli import main
from workbench.coding import waves as carry
from workbench.errors import UserError
from workbench.ingest import import_survey
from workbench.project import create_project
from workbench.suggest import Suggester
from workbench.suggest.carry_over import wave_weights
from workbench.suggest.suggester import CodeSuggester

CODER = "kari"
LAST_YEAR = {
    "r1": "Godt samarbeid med fastlegene, faste møter hver måned.",
    "r2": "Fastlegene er vanskelige å nå, dårlig samarbeid.",
    "r3": "Vi har godt samarbeid med legene og møtes jevnlig.",
}
THIS_YEAR = {
    "r1": "Godt samarbeid med fastlegene, faste møter.",
    "r2": "Mangler fastleger, bare vikarer på legekontoret.",
}


def _write(path, column, answers):
    lines = [f"respondent_id;{column}"] + [f"{unit};{text}" for unit, text in answers.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def store(tmp_path):
    """2023 coded for question 'lege'; 2024 imported from a form that renamed it 'fastlege'."""
    store = create_project(tmp_path / "p.db")
    import_survey(store, _write(tmp_path / "a.csv", "lege", LAST_YEAR), wave=2023, question_columns=["lege"])
    good = coding.code_for_path(store, "Samarbeid > Godt samarbeid", CODER)
    poor = coding.code_for_path(store, "Samarbeid > Dårlig samarbeid", CODER)
    for unit, code in (("r1", good), ("r2", poor), ("r3", good)):
        answer = store.scalar("SELECT id FROM answers WHERE respondent_id = ? AND wave = 2023", (unit,))
        coding.apply_codes(store, coding.segments_of_answer(store, answer)[0].id, [code], CODER)
    mapping = tmp_path / "map.yaml"
    mapping.write_text(
        yaml.safe_dump(
            {"wave": 2024, "questions": [{"id": "fastlege", "status": "continued", "from": ["lege"]}]}
        ),
        encoding="utf-8",
    )
    survey = _write(tmp_path / "b.csv", "fastlege", THIS_YEAR)
    import_survey(store, survey, wave=2024, question_columns=["fastlege"], mapping_file=mapping)
    store.good, store.poor = good, poor
    yield store
    store.close()


def test_continued_question_keeps_last_years_codebook(store):
    carried = {code.path: code for code in carry.carried_codes(store, "lege", 2024)}
    assert set(carried) == {"Samarbeid > Godt samarbeid", "Samarbeid > Dårlig samarbeid"}
    assert carried["Samarbeid > Godt samarbeid"].respondents_by_wave == {2023: 2}
    assert carried["Samarbeid > Godt samarbeid"].code_id == store.good
    assert all(code.used_this_wave for code in carried.values())


def test_a_code_can_be_marked_not_used_this_year(store):
    carry.mark_not_used(store, store.poor, 2024, CODER)
    carried = {code.code_id: code.used_this_wave for code in carry.carried_codes(store, "lege", 2024)}
    assert carried == {store.good: True, store.poor: False}
    assert carry.carried_codes(store, "lege", 2023)[0].used_this_wave
    carry.use_again(store, store.poor, 2024, CODER)
    assert all(code.used_this_wave for code in carry.carried_codes(store, "lege", 2024))
    with pytest.raises(UserError, match="no code with id nope"):
        carry.mark_not_used(store, "nope", 2024, CODER)


def test_last_years_examples_suggest_codes_with_their_year(store):
    answer = store.scalar("SELECT id FROM answers WHERE respondent_id = 'r1' AND wave = 2024")
    suggestions = Suggester(store).fit().suggest_answer(answer, top=3)
    assert suggestions[0].code_id == store.good
    assert {evidence.wave for evidence in suggestions[0].evidence if evidence.kind == "segment"} == {2023}


def test_codes_not_used_this_year_are_not_suggested(store):
    carry.mark_not_used(store, store.good, 2024, CODER)
    answer = store.scalar("SELECT id FROM answers WHERE respondent_id = 'r1' AND wave = 2024")
    suggestions = Suggester(store).fit().suggest_answer(answer, top=3)
    assert store.good not in [suggestion.code_id for suggestion in suggestions]


def test_wave_weights_halve_per_year_back():
    assert wave_weights([2024, 2023, 2022, None], 2024).tolist() == [1.0, 0.5, 0.25, 1.0]
    assert wave_weights([2023], None).tolist() == [1.0]


def test_this_years_example_outweighs_last_years_identical_one():
    matrix = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0]])
    model = CodeSuggester(centroid_weight=0, linear_weight=0, knn_weight=1)
    model.fit(matrix, [("old",), ("new",), ("other",)], ["q"] * 3, sample_weight=[0.5, 1.0, 1.0])
    ranked = model.suggest(np.array([[1.0, 0.0]]), "q", top=2)
    assert [item.code_id for item in ranked] == ["new", "old"]
    assert ranked[0].score == pytest.approx(2 * ranked[1].score, abs=1e-3)


def test_waves_command_lists_mapping_and_marks_codes(store, capsys):
    path = str(store.path)
    assert main(["waves", path]) == 0
    assert "fastlege" in capsys.readouterr().out
    assert main(["waves", path, "--question", "lege", "--wave", "2024", "--not-used", store.poor]) == 0
    out = capsys.readouterr().out
    assert "– Samarbeid > Dårlig samarbeid  2023: 1  (not used in 2024)" in out
    assert main(["waves", path, "--not-used", "nope"]) == 2


def test_the_coding_wave_is_where_the_workbench_opens(store, capsys):
    assert carry.opening_wave(store) == 2024
    assert main(["waves", str(store.path), "--coding-wave", "2023"]) == 0
    assert carry.opening_wave(store) == 2023 and carry.opening_wave(store, 2024) == 2024
    assert main(["waves", str(store.path), "--coding-wave", "2019"]) == 2
    assert "no answers in wave 2019" in capsys.readouterr().err
    with pytest.raises(UserError, match=r"no answers in wave 2020 \(waves: 2023, 2024\)"):
        carry.opening_wave(store, 2020)

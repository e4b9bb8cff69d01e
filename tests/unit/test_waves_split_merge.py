"""Split and merged questions in the year-against-year table and in suggestions.

2023 asks a, b and c; 2024 splits a into a1 and a2 and merges b and c into m. The earlier
wave is counted for a split part from the whole question it came from, and for a merged
question from its sources pooled (each respondent once; base: who answered any source).
"""

import json

import pytest
import yaml

from workbench import coding
from workbench.coding import waves as carry
from workbench.coding.codebook_tree import Codebook
from workbench.export.compare import compare_question
from workbench.export.compare_files import base_text, compare_words, table_rows
from workbench.export.labels import labels
from workbench.ingest import import_survey
from workbench.project import create_project
from workbench.suggest import Suggester

CODER = "kari"
WAVE_2023 = {  # respondent: (a, b, c)
    "r1": ("Lønn er for lav til å rekruttere", "Bolig mangler", ""),
    "r2": ("Lav lønn i kommunen", "Mangler boliger", "Bolig er dyrt"),
    "r3": ("Lang reisevei til jobben", "", "Lange ventelister"),
    "r4": ("Vet ikke", "", ""),
    "r5": ("", "", "Noe annet"),
}
WAVE_2024 = {  # respondent: (a1, a2, m)
    "r1": ("Lønn er for lav til å rekruttere folk", "Ikke noe", "Bolig mangler fortsatt"),
    "r2": ("Kollegaer slutter", "", "Mangler boliger"),
    "r3": ("", "", "Bolig er dyrt nå"),
}
# Hand count. 2023 for a1 and a2 = the whole a: base 4 (r1–r4); X r1 r2 = 50 %, Y r3 = 25 %,
# uncoded r4 = 25 %. 2023 for m = b and c pooled: base {r1, r2, r3, r5} = 4; P r1 r2 (r2 in
# both b and c counts once) = 50 %, Q r3 = 25 %, uncoded r5 = 25 %.
# 2024 a1: base 2; X r1 = 50 %, Z r2 = 50 %, Y used for a before = 0. 2024 m: base 3; P r1
# r2 r3 = 100 %, Q used for c before = 0.
CODINGS = {
    (2023, "a"): {"r1": "X", "r2": "X", "r3": "Y"},
    (2023, "b"): {"r1": "P", "r2": "P"},
    (2023, "c"): {"r2": "P", "r3": "Q"},
    (2024, "a1"): {"r1": "X", "r2": "Z"},
    (2024, "m"): {"r1": "P", "r2": "P", "r3": "P"},
}


def _write(path, columns, answers):
    lines = ["respondent_id;" + ";".join(columns)]
    lines += [f"{unit};" + ";".join(texts) for unit, texts in answers.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def store(tmp_path):
    store = create_project(tmp_path / "p.db")
    import_survey(
        store, _write(tmp_path / "a.csv", "abc", WAVE_2023), wave=2023, question_columns=list("abc")
    )
    mapping = {
        "wave": 2024,
        "questions": [
            {"id": "a1", "status": "split", "from": ["a"]},
            {"id": "a2", "status": "split", "from": ["a"]},
            {"id": "m", "status": "merged", "from": ["b", "c"]},
        ],
    }
    (tmp_path / "map.yaml").write_text(yaml.safe_dump(mapping), encoding="utf-8")
    columns = ["a1", "a2", "m"]
    survey = _write(tmp_path / "b.csv", columns, WAVE_2024)
    import_survey(store, survey, wave=2024, question_columns=columns, mapping_file=tmp_path / "map.yaml")
    for (wave, question), by_unit in CODINGS.items():
        for unit, path in by_unit.items():
            answer = store.scalar(
                "SELECT id FROM answers WHERE respondent_id = ? AND question_id = ? AND wave = ?",
                (unit, question, wave),
            )
            segment = coding.segments_of_answer(store, answer)[0].id
            coding.apply_codes(store, segment, [coding.code_for_path(store, path, CODER)], CODER)
    yield store
    store.close()


def _compare(store, question_id):
    question = store.rows("SELECT * FROM questions WHERE id = ?", (question_id,))[0]
    comparison = compare_question(store, question, (2023, 2024), Codebook.from_store(store))
    cells = {
        row.name or "uncoded": [
            None if cell is None else (cell.count, round(cell.percent)) for cell in row.cells
        ]
        for row in comparison.rows
    }
    return comparison, cells


def test_attributed_questions_follow_the_mapping(store):
    assert carry.attributed_questions(store, "a1", 2023) == ("a",)
    assert carry.attributed_questions(store, "m", 2023) == ("b", "c")
    assert carry.attributed_questions(store, "m", 2024) == ("m",)
    assert carry.attributed_questions(store, "a", 2024) == ()


def test_a_split_part_is_compared_with_the_whole_earlier_question(store):
    comparison, cells = _compare(store, "a1")
    assert comparison.answered == (4, 2)
    assert cells == {
        "X": [(2, 50), (1, 50)],
        "Y": [(1, 25), (0, 0)],
        "Z": [None, (1, 50)],
        "uncoded": [(1, 25), None],
    }
    assert comparison.counted_from(0) == ("a",) and comparison.counted_from(1) == ()
    words = compare_words(labels("en"), "en")
    assert "4 of 5 in 2023 (counted from a, which the question was split" in base_text(comparison, words)
    assert comparison.as_json()["bases"][0]["questions"] == ["a"]


def test_a_merged_question_pools_its_sources_each_respondent_once(store):
    comparison, cells = _compare(store, "m")
    assert comparison.answered == (4, 3)
    assert cells == {"P": [(2, 50), (3, 100)], "Q": [(1, 25), (0, 0)], "uncoded": [(1, 25), None]}
    words = compare_words(labels("en"), "en")
    rows = {values[0]: values[1:] for values in table_rows(comparison, words)}
    assert rows["P"] == ["2", "50", "3", "100", "+50"]
    assert json.loads(json.dumps(comparison.as_json()))["bases"][0]["questions"] == ["b", "c"]


def test_a_question_without_an_earlier_source_shows_no_earlier_base(store):
    comparison, cells = _compare(store, "a2")
    assert comparison.answered == (4, 1)  # the whole a in 2023; a2 itself in 2024
    assert cells["uncoded"] == [(1, 25), (1, 100)]


def test_question_families_join_split_and_merged_questions(store):
    families = carry.question_families(store)
    assert families["a1"] == families["a2"] == families["a"] != families["m"]
    assert families["m"] == families["b"] == families["c"]


def test_last_years_examples_of_the_source_suggest_for_a_split_part(store):
    """a1 has its own 2024 code Z; last year's X examples of a still rank X first."""
    suggester = Suggester(store).fit()
    found = suggester.suggest_text("Lav lønn gjør det vanskelig å rekruttere", "a1", top=3)
    x = coding.code_for_path(store, "X", CODER, create=False)
    assert found[0].code_id == x
    assert 2023 in {evidence.wave for evidence in found[0].evidence if evidence.kind == "segment"}


def test_last_years_examples_of_both_sources_suggest_for_a_merged_question(store):
    suggester = Suggester(store).fit()
    found = suggester.suggest_text("Lange ventelister hos oss", "m", top=3)
    q = coding.code_for_path(store, "Q", CODER, create=False)
    assert found[0].code_id == q  # m's own 2024 code is P; Q comes from c's 2023 examples


def test_the_earlier_wording_is_named_under_the_table(store):
    store.execute(
        "UPDATE question_waves SET text = 'Hva er problemene?' WHERE question_id = 'a' AND wave = 2023"
    )
    store.execute("UPDATE question_waves SET text = 'Hva er problemene med lønn?' WHERE question_id = 'a1'")
    comparison, _ = _compare(store, "a1")
    assert comparison.question_text == "Hva er problemene med lønn?"
    assert comparison.earlier_wording() == [(2023, "Hva er problemene?")]
    words = compare_words(labels("nb"), "nb")
    assert "Spørsmålet i 2023: «Hva er problemene?»." in base_text(comparison, words)

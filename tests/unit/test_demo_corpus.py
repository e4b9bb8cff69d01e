"""The synthetic demo survey: deterministic, committed as generated, and realistic enough."""

from __future__ import annotations

import csv
import random
import re
import statistics
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml

REPOSITORY = Path(__file__).resolve().parents[2]
if str(REPOSITORY / "corpora") not in sys.path:
    sys.path.insert(0, str(REPOSITORY / "corpora"))

import generate_demo  # noqa: E402
from demo_language import add_typos, to_nynorsk  # noqa: E402
from demo_phrases import common, question_banks  # noqa: E402
from demo_units import EXPECTED_GROUP_COUNTS  # noqa: E402

OUTPUTS = (
    generate_demo.ANSWERS_PATH,
    generate_demo.QUESTIONS_PATH,
    generate_demo.TRUTH_PATH,
    generate_demo.ANSWERS_2024_PATH,
    generate_demo.QUESTIONS_2024_PATH,
    generate_demo.TRUTH_2024_PATH,
)
UNCHANGED = re.compile(r"(som før|ingen endringe?r?|uendret|uendra|samme som før)[.!]?", re.I)


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("demo")
    generate_demo.generate(root)
    return root


@pytest.fixture(scope="module")
def units(generated) -> list[dict[str, str]]:
    with open(generated / generate_demo.ANSWERS_PATH, encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file, delimiter=";"))


@pytest.fixture(scope="module")
def truth(generated) -> list[dict[str, str]]:
    with open(generated / generate_demo.TRUTH_PATH, encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


@pytest.fixture(scope="module")
def answers(units) -> dict[tuple[str, str], str]:
    """Non-empty answers keyed by (respondent id, question id)."""
    question_ids = [bank.id for bank in question_banks()]
    return {
        (unit["respondent_id"], question_id): unit[question_id]
        for unit in units
        for question_id in question_ids
        if unit[question_id]
    }


def test_same_seed_gives_identical_files(generated, tmp_path):
    generate_demo.generate(tmp_path)
    for relative in OUTPUTS:
        assert (tmp_path / relative).read_bytes() == (generated / relative).read_bytes()


def test_another_seed_gives_other_answers(generated, tmp_path):
    generate_demo.generate(tmp_path, seed=7)
    relative = generate_demo.ANSWERS_PATH
    assert (tmp_path / relative).read_bytes() != (generated / relative).read_bytes()


def test_committed_files_equal_a_fresh_generation(generated):
    for relative in OUTPUTS:
        committed = REPOSITORY / relative
        assert committed.read_bytes() == (generated / relative).read_bytes(), (
            f"{relative} is stale; run python corpora/generate_demo.py"
        )


def test_all_372_units_with_survey_size_groups(units):
    ids = [unit["respondent_id"] for unit in units]
    assert len(ids) == 372 == len(set(ids))
    assert "0301" not in ids
    assert {"030101", "030115", "0301A1", "0301A2", "4627"} <= set(ids)
    assert Counter(unit["size_group"] for unit in units) == EXPECTED_GROUP_COUNTS
    askoy = next(unit for unit in units if unit["respondent_id"] == "4627")
    assert (askoy["name"], askoy["county"]) == ("Askøy", "Vestland")
    gamle_oslo = next(unit for unit in units if unit["respondent_id"] == "030101")
    assert (gamle_oslo["name"], gamle_oslo["county"]) == ("Bydel Gamle Oslo", "Oslo")


def test_response_rates_between_20_and_90_percent(units):
    for bank in question_banks():
        rate = sum(bool(unit[bank.id]) for unit in units) / len(units)
        assert 0.2 <= rate <= 0.9, (bank.id, rate)


def test_every_answer_has_truth_and_truth_matches_answers(answers, truth):
    truth_keys = Counter((row["respondent_id"], row["question_id"]) for row in truth)
    assert set(truth_keys) == set(answers)
    assert all(answers[row["respondent_id"], row["question_id"]] == row["text"] for row in truth)
    two_code_share = sum(count == 2 for count in truth_keys.values()) / len(truth_keys)
    assert 0.12 <= two_code_share <= 0.3
    assert max(truth_keys.values()) == 2


def test_truth_codes_come_from_the_question_banks(truth):
    known = {(bank.id, code.theme, code.code) for bank in question_banks() for code in bank.codes}
    assert {(row["question_id"], row["theme"], row["code"]) for row in truth} <= known
    for bank in question_banks():
        assert 5 <= len(bank.codes) <= 9, bank.id


def test_single_code_questions_never_get_two_codes(truth):
    single = {bank.id for bank in question_banks() if bank.single_code}
    assert single
    keys = Counter((row["respondent_id"], row["question_id"]) for row in truth)
    assert all(count == 1 for (_, question_id), count in keys.items() if question_id in single)


def test_lengths_range_from_two_words_to_hundreds_of_characters(answers):
    lengths = [len(text) for text in answers.values()]
    assert min(lengths) <= 10
    assert 600 <= max(lengths) <= 900
    assert 150 <= statistics.median(lengths) <= 260


def test_near_duplicates_are_common(answers):
    unchanged = [text for text in answers.values() if UNCHANGED.fullmatch(text.strip())]
    assert len(unchanged) >= 20
    assert len(set(unchanged)) >= 6
    repeated = sum(count for count in Counter(answers.values()).values() if count > 1)
    assert repeated >= 100


def test_identifying_details_are_present(units, answers):
    names = {unit["respondent_id"]: unit["name"] for unit in units}
    people = re.compile(rf"\b({'|'.join(common.FIRST_NAMES)}) ({'|'.join(common.LAST_NAMES)})\b")
    phones = re.compile(r"(\+47 )?\b(\d{2} \d{2} \d{2} \d{2}|\d{3} \d{2} \d{3}|\d{8})\b")
    emails = re.compile(r"\b[\w.-]+@[\w.-]+\.no\b")
    institutions = {name for names_ in common.INSTITUTIONS.values() for name in names_}
    kinds = Counter()
    for (respondent_id, _), text in answers.items():
        kinds["own name"] += names[respondent_id].removeprefix("Bydel ") in text
        kinds["person"] += bool(people.search(text))
        kinds["phone"] += bool(phones.search(text))
        kinds["email"] += bool(emails.search(text))
        kinds["institution"] += any(name in text for name in institutions)
    assert all(kinds[kind] >= 5 for kind in ("own name", "person", "phone", "email", "institution"))
    assert 0.04 <= sum(kinds.values()) / len(answers) <= 0.2


def test_some_answers_are_nynorsk_and_some_have_typos(answers):
    texts = list(answers.values())
    assert sum(bool(re.search(r"\b(ikkje|frå|berre|korleis)\b", text)) for text in texts) >= 40
    assert to_nynorsk("Vi har ikke boliger.") == "Vi har ikkje bustader."
    mistyped = add_typos(random.Random(1), "samarbeidet fungerer", rate=1.0)
    assert mistyped != "samarbeidet fungerer"
    assert len(mistyped.split()) == 2


def test_questions_file_is_valid(generated, units):
    entries = yaml.safe_load((generated / generate_demo.QUESTIONS_PATH).read_text("utf-8"))
    assert [entry["id"] for entry in entries] == list(units[0])[4:]
    assert len(entries) == 10
    for entry in entries:
        assert set(entry) == {"id", "text", "kind", "chapter", "single_code"}
        assert entry["kind"] in {"open", "comment", "other"}
        assert isinstance(entry["single_code"], bool) and entry["text"] and entry["chapter"]
    assert Counter(entry["kind"] for entry in entries) == {"open": 8, "comment": 1, "other": 1}


def test_answers_file_stays_small(generated):
    assert (generated / generate_demo.ANSWERS_PATH).stat().st_size < 2_000_000


@pytest.mark.parametrize("file_name", ["q01_fastlege.yaml", "q05_bolig.yaml"])
def test_starting_code_lists_mirror_the_generator(file_name):
    document = yaml.safe_load((REPOSITORY / "codelists" / file_name).read_text("utf-8"))
    bank = next(bank for bank in question_banks() if bank.id == document["question"])
    listed = {
        (theme["name"], child["name"]) for theme in document["codes"] for child in theme.get("children", [])
    }
    assert listed == {(code.theme, code.code) for code in bank.codes}
    assert all(node.get("definition") for node in document["codes"])


@pytest.fixture(scope="module")
def units_2024(generated) -> list[dict[str, str]]:
    with open(generated / generate_demo.ANSWERS_2024_PATH, encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file, delimiter=";"))


def test_second_wave_has_about_70_percent_of_the_same_units(units, units_2024):
    first_ids = {unit["respondent_id"] for unit in units}
    second_ids = [unit["respondent_id"] for unit in units_2024]
    assert set(second_ids) <= first_ids
    assert 0.62 <= len(second_ids) / len(first_ids) <= 0.78
    assert len(set(second_ids)) == len(second_ids)


def test_second_wave_form_renames_rewords_adds_and_drops(generated):
    first = {
        e["id"]: e["text"]
        for e in yaml.safe_load((generated / generate_demo.QUESTIONS_PATH).read_text("utf-8"))
    }
    second = {
        e["id"]: e["text"]
        for e in yaml.safe_load((generated / generate_demo.QUESTIONS_2024_PATH).read_text("utf-8"))
    }
    assert second["rus_utfordringer"] == first["q03"]
    assert second["q01"] != first["q01"]
    assert {"q11", "q12", "bolig", "etterlatte_barn", "q07_annet"} <= set(second)
    assert "q02" not in second and "q02" in first
    assert second["q04"] == first["q04"]


def test_second_wave_truth_matches_its_answers(generated, units_2024):
    with open(generated / generate_demo.TRUTH_2024_PATH, encoding="utf-8", newline="") as file:
        truth = list(csv.DictReader(file))
    by_unit = {unit["respondent_id"]: unit for unit in units_2024}
    assert all(by_unit[row["respondent_id"]][row["question_id"]] == row["text"] for row in truth)
    codes = Counter(row["code"] for row in truth if row["question_id"] == "q01")
    assert codes["Fastlegemangel og vikarer"] > 5
    assert codes["Bedre samarbeid enn før pandemien"] == 0


def test_write_ins_come_only_from_units_that_ticked_annet(units_2024):
    ticked = [unit for unit in units_2024 if "Annet" in unit["q07_tiltak"].split("; ")]
    assert ticked
    assert all(bool(unit["q07_annet"]) == (unit in ticked) for unit in units_2024)

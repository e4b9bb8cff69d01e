"""The question chooser's ranking: an id, then the text word for word, then fuzzy."""

from workbench.screens.question_choice import question_matches

QUESTIONS = [
    {"id": "q01", "text": "Hvordan har samarbeidet med fastlegene fungert under koronapandemien?"},
    {
        "id": "q03",
        "text": "Hva er de største utfordringene i rusarbeidet i kommunen etter at "
        "opptrappingsplanen for rusfeltet ble avsluttet?",
    },
    {"id": "q08", "text": "Hvordan fungerer samarbeidet med spesialisthelsetjenesten?"},
    {"id": "q10", "text": "Hvem har hovedansvaret for [bold]rus[/bold]?"},
]


def ids(query: str) -> list[str]:
    return [question["id"] for question in question_matches(query, QUESTIONS)]


def test_a_word_in_the_text_beats_a_fuzzy_look_alike():
    assert ids("rusarbeidet")[0] == "q03"  # not q01's "samarbeidet"
    assert ids("RUSARBEIDET")[0] == "q03"


def test_an_id_prefix_comes_first():
    assert ids("q1")[0] == "q10"
    assert ids("q08")[0] == "q08"


def test_fuzzy_matches_still_count_and_empty_lists_all():
    assert "q08" in ids("spesialisthelse tjenesten")
    assert ids("") == ["q01", "q03", "q08", "q10"]
    assert ids("zzzzqqq") == []


def test_markup_in_a_question_is_plain_text_to_match():
    assert ids("[bold]rus")[0] == "q10"

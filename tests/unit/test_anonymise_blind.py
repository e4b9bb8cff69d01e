"""The blind sentence set (written without looking at the detector) stays within the targets."""

from pathlib import Path

import pytest

from workbench.anonymise.detect import detect
from workbench.anonymise.evaluate import load_sentences, score

SENTENCES = Path(__file__).parent.parent / "data" / "anonymisation_sentences_blind.tsv"


@pytest.fixture(scope="module")
def result():
    return score(load_sentences(SENTENCES))


def test_the_blind_set_is_large_enough():
    sentences = load_sentences(SENTENCES)
    assert len(sentences) >= 200
    assert sum(sentence.group == "ordinary" for sentence in sentences) >= 70


@pytest.mark.parametrize("kind", ["municipality", "district", "county", "phone", "email"])
def test_recall_of_places_phones_and_email(result, kind):
    assert result.recall(kind) >= 0.98


def test_recall_of_persons(result):
    assert result.recall("person") >= 0.90


def test_ordinary_sentences_rarely_change(result):
    assert result.false_change_rate() <= 0.02, result.ordinary_changed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ring 22-33-44-55 i dag.", ("22-33-44-55", "phone")),
        ("Tlf: (+47) 55 12 34 56.", ("(+47) 55 12 34 56", "phone")),
        ("DPS Lister har ambulant team.", ("DPS Lister", "dps")),
        ("Vi fikk hjelp av Fatima Hussain.", ("Fatima Hussain", "person")),
    ],
)
def test_shapes_found_only_by_the_blind_set(text, expected):
    assert expected in [(d.text, d.kind) for d in detect(text) if d.certain]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Svein har ansvaret for gruppene.", ["Svein"]),
        ("vi snakket med kari i nav.", ["kari"]),
        ("Per i dag har vi ingen ruskonsulent.", []),
        ("Maten var for fet.", []),
    ],
)
def test_lone_first_names_and_word_names(text, flagged):
    detections = detect(text)
    assert not any(d.certain for d in detections)
    assert [d.text for d in detections] == flagged

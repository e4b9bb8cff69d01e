"""The labelled sentence set: recall per kind and wrong changes stay within the targets."""

from pathlib import Path

import pytest

from workbench.anonymise.evaluate import load_sentences, score

SENTENCES = Path(__file__).parent.parent / "data" / "anonymisation_sentences.tsv"


@pytest.fixture(scope="module")
def result():
    return score(load_sentences(SENTENCES))


def test_the_set_is_large_enough():
    sentences = load_sentences(SENTENCES)
    assert len(sentences) >= 300
    assert sum(sentence.group == "ordinary" for sentence in sentences) >= 100


@pytest.mark.parametrize("kind", ["municipality", "district", "county", "phone", "email"])
def test_recall_of_places_phones_and_email(result, kind):
    assert result.recall(kind) >= 0.98


def test_recall_of_persons(result):
    assert result.recall("person") >= 0.90


def test_ordinary_sentences_rarely_change(result):
    assert result.false_change_rate() <= 0.02, result.ordinary_changed

"""The labelled sentence sets: recall per kind and wrong changes stay within the targets.

"written" was written alongside the detector; "blind" was written without looking at it.
"""

from pathlib import Path

import pytest

from workbench.anonymise.evaluate import load_sentences, score

DATA = Path(__file__).parent.parent / "data"
SETS = {
    "written": (DATA / "anonymisation_sentences.tsv", 300, 100),
    "blind": (DATA / "anonymisation_sentences_blind.tsv", 200, 70),
}


@pytest.fixture(scope="module", params=sorted(SETS))
def sentence_set(request):
    path, minimum, ordinary_minimum = SETS[request.param]
    sentences = load_sentences(path)
    return sentences, score(sentences), minimum, ordinary_minimum


def test_the_set_is_large_enough(sentence_set):
    sentences, _, minimum, ordinary_minimum = sentence_set
    assert len(sentences) >= minimum
    assert sum(sentence.group == "ordinary" for sentence in sentences) >= ordinary_minimum


@pytest.mark.parametrize("kind", ["municipality", "district", "county", "phone", "email"])
def test_recall_of_places_phones_and_email(sentence_set, kind):
    assert sentence_set[1].recall(kind) >= 0.98


def test_recall_of_persons(sentence_set):
    assert sentence_set[1].recall("person") >= 0.90


def test_ordinary_sentences_rarely_change(sentence_set):
    result = sentence_set[1]
    assert result.false_change_rate() <= 0.02, result.ordinary_changed

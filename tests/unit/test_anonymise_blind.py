"""Detector behaviours that the blind sentence set uncovered (phones, DPS, lone first names)."""

import pytest

from workbench.anonymise.detect import detect


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

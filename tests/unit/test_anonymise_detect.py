"""Detection: METHOD.md §3's examples, each kind of identifier, ambiguous names, placeholders."""

import pytest

from workbench.anonymise.detect import detect
from workbench.anonymise.patterns import is_national_id, is_org_number


def found(text, attributes=None, certain_only=True):
    return [(d.text, d.kind) for d in detect(text, attributes) if d.certain or not certain_only]


def test_method_example_two_municipalities():
    assert found("Vi i Aurskog-Høland kommune samarbeider med Nord-Odal.") == [
        ("Aurskog-Høland kommune", "municipality"),
        ("Nord-Odal", "municipality"),
    ]


def test_method_example_only_the_place_time():
    text = "Det tok tid, men vi brukte en time på møtet i Time."
    (detection,) = detect(text)
    assert (detection.text, detection.start, detection.certain) == ("Time", text.rindex("Time"), True)


def test_method_example_sola_skinte_is_nothing():
    assert detect("Sola skinte") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ring 55 12 34 56 i dag.", ("55 12 34 56", "phone")),
        ("Ring 912 34 567 i dag.", ("912 34 567", "phone")),
        ("Ring 91234567 i dag.", ("91234567", "phone")),
        ("Ring +47 912 34 567 i dag.", ("+47 912 34 567", "phone")),
        ("Skriv til kari.nordmann@bergen.kommune.no i dag.", ("kari.nordmann@bergen.kommune.no", "email")),
        ("Les mer på https://www.bergen.kommune.no/helse.", ("https://www.bergen.kommune.no/helse", "url")),
        ("Org.nr. 974 760 673 står på fakturaen.", ("974 760 673", "org_number")),
        ("Kontoret ligger i Storgata 5 nå.", ("Storgata 5", "address")),
        ("Adressen er Postboks 7, 5020 Bergen.", ("5020 Bergen", "address")),
        ("Vi hører til Vestfold og Telemark.", ("Vestfold og Telemark", "county")),
        ("Før var vi i Sogn og Fjordane.", ("Sogn og Fjordane", "county")),
        ("Vi i Bydel Frogner har ventetid.", ("Bydel Frogner", "district")),
        ("Vi samarbeider med Helse Bergen.", ("Helse Bergen", "health")),
        ("Henvisninger går til Jæren DPS.", ("Jæren DPS", "dps")),
        ("Trondheims modell er god.", ("Trondheims", "municipality")),
        ("Vi lærte av Guovdageaidnu.", ("Guovdageaidnu", "municipality")),
        ("Tidligere Stokke kommune er nå en del av oss.", ("Stokke kommune", "municipality")),
        ("Leder er Kari Nordmann.", ("Kari Nordmann", "person")),
        ("Vi har møter med psykolog Hansen hver uke.", ("Hansen", "person")),
        ("Dr. Olsen har vært pådriver.", ("Olsen", "person")),
    ],
)
def test_each_kind_of_identifier(text, expected):
    assert expected in found(text)


def test_national_id_needs_both_check_digits():
    valid = "01010112345"
    while not is_national_id(valid):
        valid = str(int(valid) + 1).zfill(11)
    assert found(f"Fnr {valid} ble oppgitt.") == [(valid, "national_id")]
    broken = valid[:10] + str((int(valid[10]) + 1) % 10)
    assert not is_national_id(broken)
    assert found(f"Fnr {broken} ble oppgitt.") == []


def test_org_number_check_digit():
    assert is_org_number("974760673")
    assert not is_org_number("974760674")


@pytest.mark.parametrize(
    "text",
    [
        "Vi brukte en time på hvert møte.",
        "Vi har plantet gran rundt bofellesskapet.",
        "Moss og lav dekker steinene.",
        "Brukerne har fått en tydeligere røst.",
        "Per i dag har vi ingen egen ruskonsulent.",
        "Tiltaket kostet 2 500 000 kroner i 2022.",
        "Vi har god kontakt med DPS og NAV.",
    ],
)
def test_ordinary_words_are_not_changed(text):
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Vi samarbeider med Lier om rusteam.",
        "Brukere fra Gran får tilbud.",
        "Vi har avtale med Moss kommune.",
    ],
)
def test_ambiguous_names_in_context_are_places(text):
    assert [kind for _, kind in found(text)] == ["municipality"]


def test_ambiguous_name_out_of_context_is_only_flagged():
    detections = detect("Vi har dialog med mange, men Lom er langt unna.")
    assert [(d.text, d.certain) for d in detections] == [("Lom", False)]


def test_district_telltale_is_flagged_not_replaced():
    assert [(d.text, d.kind, d.certain) for d in detect("Vi i bydelen har lang ventetid.")] == [
        ("bydelen", "district", False)
    ]


def test_placeholders_consistent_within_a_quote():
    text = "Vi i Bergen samarbeider med Askøy og Voss; Askøy har lang erfaring."
    placeholders = [d.placeholder for d in detect(text, {"name": "Bergen"})]
    assert placeholders == ["[kommunen]", "[kommune A]", "[kommune B]", "[kommune A]"]


def test_respondent_own_name_is_found_even_outside_the_gazetteer():
    detections = detect("Velferdsetaten har egen rådgiver.", {"name": "Velferdsetaten"})
    assert [d.text for d in detections] == ["Velferdsetaten"]

"""Items 3-4: common spellings are caught, raw files say so, identifying tags need consent."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from workbench.anonymise.detect import detect
from workbench.cli import main

CAUGHT = [
    ("Bærum-kommune har gode tilbud.", "Bærum-kommune"),
    ("I Tromsø-området er det bra.", "Tromsø"),
    ("Tromsø-kommune har ventetid.", "Tromsø-kommune"),
    ("Bærum's tilbud er bra.", "Bærum's"),
    ("Bærumkommune er flink.", "Bærumkommune"),
    ("Bærumsklinikken er god.", "Bærumsklinikken"),
    ("en tromsøværing sa det.", "tromsøværing"),
    ("Baerum kommune har tilbud.", "Baerum kommune"),
    ("Ring 9 2 4 1 2 1 0 2 for info.", "9 2 4 1 2 1 0 2"),
    ("Ring +47-924-12-102.", "+47-924-12-102"),
    ("mob 924-12-102", "924-12-102"),
    ("KARI NORDMANN ER LEDER.", "KARI NORDMANN"),
    ("Vi snakket med fru Nordmann.", "Nordmann"),
    ("Vi snakket med K. Nordmann i går.", "K. Nordmann"),
    ("vi snakket med ole hansen i går", "ole hansen"),
    ("Legene i Åsane og Årstad er flinke.", "Åsane"),
    ("Legene i Åsane og Årstad er flinke.", "Årstad"),
    ("Vi samarbeider med Heimdal og Byåsen.", "Byåsen"),
    ("Tilbudet på Hundvåg og Madla er godt.", "Madla"),
    ("Brukere fra Vågsbygd får tilbud.", "Vågsbygd"),
]
ORDINARY = [
    "Time etter time går med til møter.",
    "Sola skinte hele uka.",
    "Det er fet skrift i rapporten.",
    "Lier og dalsider er bratte.",
    "Hole i budsjettet er stort.",
    "Moss på taket.",
    "Ski og skøyter er populært.",
    "Lund er et ord.",
    "Sand på veien.",
    "Per i dag har vi ingen venteliste.",
    "Liv og helse er viktig for alle.",
    "Ungdom i Time-klassen fikk besøk av helsesykepleier.",
    "ALLE TJENESTER ER GODE OG VI HAR INGEN VENTETID.",
    "Det var 2 000 000 kr i tilskudd 2021-2022.",
    "Vi fikk tilskudd på 25 000 000 i 2023, fra 31.12.2023.",
]


@pytest.mark.parametrize("sentence,span", CAUGHT)
def test_common_forms_are_caught_as_certain_spans(sentence, span):
    found = [d.text for d in detect(sentence) if d.certain]
    assert span in found, found


@pytest.mark.parametrize("sentence", ORDINARY)
def test_ordinary_sentences_change_nothing(sentence):
    assert [d.text for d in detect(sentence) if d.certain] == []


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "p.db"
    survey = tmp_path / "s.csv"
    rows = ["respondent_id;name;county;size_group;leder;q01"]
    rows += [f"{1000 + i};Kommune{i};Agder;Under 2 000;L{i};Det går bra, takk {i}." for i in range(12)]
    rows.append("0219;Bærum;Viken;50 000 og over;L99;Bærum-kommune har lang ventetid.")
    survey.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert main(["init", str(path)]) == 0
    assert main(["import", str(path), str(survey), "--wave", "2024", "--question-columns", "q01"]) == 0
    for answer in range(1, 14):
        assert main(["code", str(path), "--answer", str(answer), "--code", "Tema > Ventetid"]) == 0
    return path


def export(project: Path, *arguments: str) -> int:
    return main(["export", str(project), *arguments])


def test_an_unnoticed_form_blocks_the_quote_export(project, tmp_path):
    assert export(project, "quotes", "--all-segments", "--out", str(tmp_path / "q")) == 3
    assert not (tmp_path / "q").exists()


def test_code_names_are_checked_like_quotes(project, tmp_path, capsys):
    assert main(["code", str(project), "--answer", "1", "--code", "Tema > Bærum-saken"]) == 0
    assert export(project, "counts", "--out", str(tmp_path / "c")) == 3
    assert "Bærum-saken" in capsys.readouterr().err
    assert export(project, "counts", "--draft", "--out", str(tmp_path / "d")) == 0
    manifest = json.loads((tmp_path / "d" / "manifest.json").read_text(encoding="utf-8"))
    assert any("Bærum-saken" in warning for warning in manifest["warnings"])


@pytest.mark.parametrize("tag", ["name", "kommunenummer", "respondent_id"])
def test_identifying_tags_need_explicit_consent(project, tmp_path, capsys, tag):
    arguments = ["quotes", "--all-segments", "--draft", "--tag", tag]
    assert export(project, *arguments, "--out", str(tmp_path / "t")) == 2
    assert "--allow-identifying" in capsys.readouterr().err
    assert export(project, *arguments, "--allow-identifying", "--out", str(tmp_path / "u")) == 0


def test_an_attribute_unique_to_each_respondent_counts_as_identifying(project, tmp_path):
    assert export(project, "quotes", "--all-segments", "--draft", "--tag", "size_group", "--out", "a") == 0
    assert export(project, "quotes", "--all-segments", "--draft", "--tag", "county,leder", "--out", "b") == 2


def test_the_raw_method_spreadsheet_needs_raw(project, tmp_path, capsys):
    assert export(project, "xlsx", "--draft", "--out", str(tmp_path / "x")) == 2
    assert "--raw" in capsys.readouterr().err
    assert export(project, "xlsx", "--draft", "--raw", "--out", str(tmp_path / "y")) == 0
    manifest = json.loads((tmp_path / "y" / "manifest.json").read_text(encoding="utf-8"))
    assert any("not anonymised" in warning for warning in manifest["warnings"])


def test_the_qdpx_copy_says_it_is_not_anonymised(project, tmp_path, capsys):
    assert export(project, "refi", "--out", str(tmp_path / "r")) == 0
    assert "not anonymised" in capsys.readouterr().err
    manifest = json.loads((tmp_path / "r" / "manifest.json").read_text(encoding="utf-8"))
    assert any("not anonymised" in warning for warning in manifest["warnings"])


def test_the_private_key_is_0600_and_shared_files_are_not(project, tmp_path):
    assert export(project, "quotes", "--all-segments", "--draft", "--out", str(tmp_path / "k")) == 0
    keys = list(tmp_path.glob("k-PRIVAT-*"))
    assert keys and all(stat.S_IMODE(key.stat().st_mode) == 0o600 for key in keys)
    shared = tmp_path / "k" / "quotes.csv"
    assert stat.S_IMODE(shared.stat().st_mode) & 0o044

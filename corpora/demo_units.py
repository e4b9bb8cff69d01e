"""The demo survey's 372 reporting units with plausible size groups.

Size groups follow approximate 2021 populations for the municipalities we know well;
every municipality not listed in a larger or the smallest group falls in "2 000–4 999",
which makes the counts come out at the survey's 77, 97, 70, 50, 43, 18 and 17.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.municipalities import OSLO_DISTRICTS, SIZE_GROUPS, municipalities

OSLO_NUMBER = "0301"
CITY_AGENCIES = {"0301A1": "Velferdsetaten", "0301A2": "Helseetaten"}
EXPECTED_GROUP_COUNTS = dict(zip(SIZE_GROUPS, (77, 97, 70, 50, 43, 18, 17), strict=True))

# Entries are names, or numbers where a name is shared (Herøy, Våler).
_OVER_50_000 = """Bergen Trondheim Stavanger Bærum Kristiansand Drammen Asker Lillestrøm
Fredrikstad Sandnes Tromsø Sarpsborg Skien Ålesund Bodø Sandefjord Larvik Tønsberg"""
_20_000_TO_49_999 = """Arendal Karmøy Ullensaker Nordre_Follo Indre_Østfold Haugesund Porsgrunn
Lørenskog Moss Halden Gjøvik Lillehammer Hamar Ringsaker Molde Harstad Kongsberg Ringerike
Askøy Øygarden Horten Holmestrand Sola Steinkjer Stjørdal Alta Rana Elverum Lier Nittedal
Eidsvoll Nes Ås Kristiansund Grimstad Færder Bjørnafjorden Alver Sunnfjord Levanger Narvik
Stange Lindesnes"""
_10_000_TO_19_999 = """Klepp Hå Time Eigersund Strand Tysvær Gjesdal Randaberg Ørsta Volda
Hustadvika Vefsn Vestvågøy Kongsvinger Østre_Toten Vestre_Toten Gran Notodden Bamble Kragerø
Midt-Telemark Vennesla Lillesand Lyngdal Kinn Stord Kvinnherad Voss Sogndal Ullensvang Bømlo
Namsos Melhus Malvik Orkland Verdal Indre_Fosen Ørland Hammerfest Sør-Varanger Senja Vestby
Frogn Nesodden Rælingen Enebakk Nannestad Aurskog-Høland Øvre_Eiker Modum"""
_5_000_TO_9_999 = """Vindafjord Sula Giske 1515 Sykkylven Vågan Fauske Nord-Aurdal Trysil Farsund
Flekkefjord Kvam Osterøy Stad Inderøy Nærøysund Skaun Lunner Hole Rakkestad Råde Gjerdrum
Tvedestrand Alstahaug Hadsel Målselv Jevnaker Sunndal Rauma Ulstein Sortland Gloppen Stryn
Luster Austevoll Sveio Meløy Brønnøy Tinn Nome Kvinesdal Birkenes Froland Oppdal Røros
Midtre_Gauldal Frøya Hitra Heim Løten Sør-Odal Nord-Odal Eidskog Åsnes 3018 Sel Nord-Fron
Gausdal Øyer Søndre_Land Nordre_Land Tynset Risør Vadsø Averøy Vestnes Hareid Surnadal Årdal
Hvaler"""
_UNDER_2_000 = """Utsira Kvitsøy Bokn Modalen Fedje Træna Røst Værøy Loppa Hasvik Bykle Fyresdal
Ibestad Røyrvik Tydal Namsskogan Leka Osen Lierne Høylandet Flatanger Holtålen Rindal Engerdal
Rendalen Folldal Os Tolga Lesja Vang Etnedal Flå Rollag Aremark Hjartdal Nissedal Åmli Iveland
Bygland Valle Åseral Hægebostad Sirdal Eidfjord Ulvik Masfjorden Solund Hyllestad Aurland
Bindal Vega Vevelstad Dønna Nesna Lurøy Rødøy Beiarn Gildeskål Sørfold Evenes Flakstad
Moskenes Grane Hattfjelldal Gratangen Lavangen Dyrøy Kvænangen Måsøy Lebesby Gamvik Berlevåg
Nesseby Storfjord Vardø Kåfjord Sømna"""


@dataclass(frozen=True)
class Unit:
    id: str
    name: str
    county: str
    size_group: str
    number: str  # the municipality number; "0301" for every Oslo unit


def _numbers(listing: str) -> set[str]:
    by_name: dict[str, list[str]] = {}
    for municipality in municipalities():
        by_name.setdefault(municipality.name, []).append(municipality.number)
    numbers = set()
    for entry in listing.split():
        if entry.isdigit():
            numbers.add(entry)
            continue
        matches = by_name[entry.replace("_", " ")]
        if len(matches) != 1:
            raise ValueError(f"ambiguous municipality name {entry!r}; give its number")
        numbers.add(matches[0])
    return numbers


def _size_groups() -> dict[str, str]:
    listed = {
        SIZE_GROUPS[0]: _numbers(_UNDER_2_000),
        SIZE_GROUPS[2]: _numbers(_5_000_TO_9_999),
        SIZE_GROUPS[3]: _numbers(_10_000_TO_19_999),
        SIZE_GROUPS[4]: _numbers(_20_000_TO_49_999),
        SIZE_GROUPS[5]: _numbers(_OVER_50_000),
    }
    return {number: group for group, numbers in listed.items() for number in numbers}


def reporting_units() -> list[Unit]:
    """All 372 units ordered by id: Oslo's districts and agencies, then municipalities."""
    groups = _size_groups()
    units = [
        Unit(number_id, f"Bydel {name}", "Oslo", SIZE_GROUPS[-1], OSLO_NUMBER)
        for number_id, name in OSLO_DISTRICTS.items()
    ]
    units += [
        Unit(agency_id, name, "Oslo", SIZE_GROUPS[-1], OSLO_NUMBER)
        for agency_id, name in CITY_AGENCIES.items()
    ]
    units += [
        Unit(m.number, m.name, m.county, groups.get(m.number, SIZE_GROUPS[1]), m.number)
        for m in municipalities()
        if m.number != OSLO_NUMBER
    ]
    return sorted(units, key=lambda unit: unit.id)

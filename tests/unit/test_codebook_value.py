"""The Codebook value: paths, levels, lineage, merges followed, parse_path, built from a store."""

from __future__ import annotations

import dataclasses

import pytest

from tests.unit.coding_project import build_project
from workbench import coding
from workbench.coding import PATH_SEPARATOR, Codebook, join_path, parse_path
from workbench.errors import UserError


def code(code_id, name, parent=None, position=0, **fields):
    return {"id": code_id, "name": name, "parent_id": parent, "position": position, **fields}


@pytest.fixture
def codebook():
    """Tema > Under > Kode, a second main theme, a merge chain and a retired code."""
    return Codebook(
        [
            code("k", "Kode", "u"),
            code("u", "Under", "t", is_theme=1),
            code("t", "Tema", is_theme=1, codable=0),
            code("a", "Annet", position=1),
            code("m1", "Gammel", "t", merged_into="m2"),
            code("m2", "Eldre", "t", merged_into="k"),
            code("r", "Pensjonert", "t", retired=1),
            code("m3", "Til pensjonert", merged_into="r"),
            code("c1", "Ring 1", merged_into="c2"),
            code("c2", "Ring 2", merged_into="c1"),
        ]
    )


def test_paths_use_the_one_separator_main_theme_first(codebook):
    assert PATH_SEPARATOR == " > "
    assert codebook.path("k") == "Tema > Under > Kode"
    assert codebook.path("a") == "Annet"
    assert codebook.names("u") == ("Tema", "Under")
    assert join_path(("Tema", "Kode")) == "Tema > Kode"


def test_levels_are_one_based(codebook):
    assert [codebook.level(code_id) for code_id in ("t", "u", "k", "a")] == [1, 2, 3, 1]


def test_lineage_is_the_code_then_its_ancestors(codebook):
    assert codebook.lineage("k") == ("k", "u", "t")
    assert codebook.lineage("a") == ("a",)
    assert codebook.main_theme("k") == "t"
    assert codebook.main_theme("a") == "a"


def test_resolve_follows_merge_chains_to_a_live_code(codebook):
    assert codebook.resolve("k") == "k"
    assert codebook.resolve("m2") == "k"
    assert codebook.resolve("m1") == "k"
    assert codebook.survivor("m1") == "k"


def test_resolve_gives_none_for_retired_unknown_and_circular_codes(codebook):
    assert codebook.resolve("r") is None
    assert codebook.resolve("m3") is None
    assert codebook.survivor("m3") == "r"
    assert codebook.resolve("nope") is None
    assert codebook.survivor("nope") == "nope"
    assert codebook.resolve("c1") is None


def test_children_and_live_hold_live_codes_in_display_order(codebook):
    assert [child.id for child in codebook.children()] == ["t", "a"]
    assert [child.id for child in codebook.children("t")] == ["u"]
    assert codebook.children("k") == ()
    assert [live.id for live in codebook.live()] == ["t", "u", "k", "a"]
    assert len(codebook.all()) == 10 and "r" in codebook and "nope" not in codebook


def test_a_live_code_under_a_retired_parent_shows_at_top_level():
    codebook = Codebook([code("old", "Gammelt tema", retired=1), code("x", "Kode", "old")])
    assert [child.id for child in codebook.children()] == ["x"]
    assert codebook.level("x") == 1 and codebook.path("x") == "Kode"
    assert codebook.lineage("old") == ("old",)


def test_a_merged_code_keeps_its_own_path(codebook):
    assert codebook.path("m1") == "Tema > Gammel"
    assert codebook.path("r") == "Tema > Pensjonert"


def test_an_unknown_id_is_refused_in_one_sentence(codebook):
    with pytest.raises(UserError, match="no code with id nope"):
        codebook.path("nope")
    assert codebook.get("nope") is None and codebook.get(None) is None


def test_codes_are_immutable(codebook):
    with pytest.raises(dataclasses.FrozenInstanceError):
        codebook.code("k").name = "Endret"
    assert codebook.code("k").live and not codebook.code("r").live and not codebook.code("m1").live


def test_parse_path_splits_on_every_separator_and_keeps_inner_spaces():
    assert parse_path("Tema > Kode") == ("Tema", "Kode")
    assert parse_path("  Tema>Kode  ") == ("Tema", "Kode")
    assert parse_path("Godt  samarbeid > Ok, bra/godt") == ("Godt  samarbeid", "Ok, bra/godt")
    assert parse_path("Annet") == ("Annet",)


def test_parse_path_gives_quotes_no_meaning():
    assert parse_path('"A > B"') == ('"A', 'B"')
    assert parse_path("'Tema' > Kode") == ("'Tema'", "Kode")


@pytest.mark.parametrize("bad", ["", "   ", "Tema >", "> Kode", "Tema >> Kode", "A > B > C > D"])
def test_parse_path_refuses_empty_names_and_too_deep_paths(bad):
    with pytest.raises(UserError, match="code path|deeper"):
        parse_path(bad)


def test_find_matches_live_codes_by_path_case_insensitively(codebook):
    assert codebook.find("tema > under > KODE") == "k"
    assert codebook.find("Tema > Gammel") is None
    assert codebook.find("Tema > Mangler") is None


def test_live_rows_carry_paths_sorted_for_pickers(codebook):
    rows = codebook.live_rows()
    assert [row["path"] for row in rows] == ["Annet", "Tema", "Tema > Under", "Tema > Under > Kode"]
    assert rows[1]["is_theme"] and not rows[1]["codable"]


def test_built_from_a_store_after_merges(tmp_path):
    store = build_project(tmp_path / "p.db", {"q01": ["x"]})
    kept = coding.code_for_path(store, "Tema > Beholdt", "ann")
    merged = coding.code_for_path(store, "Tema > Borte", "ann")
    coding.merge_codes(store, merged, kept, "ann")
    codebook = Codebook.from_store(store)
    assert codebook.resolve(merged) == kept
    assert codebook.path(merged) == "Tema > Borte"
    assert [codebook.path(live.id) for live in codebook.live()] == ["Tema", "Tema > Beholdt"]
    store.close()


def test_parents_first_keeps_retired_codes_and_can_leave_out_merged_ones(codebook):
    every = [code.id for code in codebook.parents_first()]
    assert every.index("t") < every.index("u") < every.index("k")
    assert set(every) == {code.id for code in codebook.all()}
    unmerged = [code.id for code in codebook.parents_first(merged=False)]
    assert unmerged == ["t", "r", "u", "k", "a"]  # siblings of equal position: by id

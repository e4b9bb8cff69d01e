"""Creating a code from the picker: what the create line promises, the definition typed with
it (one undo step, evidence for the suggester at once), lead-ins, and codes not used this wave."""

from __future__ import annotations

import pytest
from test_suggest_support import CODER, answer_id_of
from test_suggest_support import build_project as build_imported

from tests.unit.coding_project import build_project
from workbench import coding
from workbench.coding import waves as carry
from workbench.coding.codebook_tree import Codebook
from workbench.coding.creation import plan_creation
from workbench.coding.picker_rows import picker_rows
from workbench.coding.session import CodingSession
from workbench.suggest import Suggester


def rows(*paths: str) -> list[dict]:
    """Picker rows for these paths (ids are the paths)."""
    return [{"id": path, "name": path.split(" > ")[-1], "path": path} for path in paths]


CODES = rows("Samarbeid", "Samarbeid > Fastleger", "Samarbeid > Fastleger > Møter", "Annet")


def test_a_plain_name_goes_under_the_chosen_theme_or_at_top_level():
    assert plan_creation(CODES, "  Ny kode ", None).path == "Ny kode"
    creation = plan_creation(CODES, "Ny kode", CODES[0])
    assert (creation.code, creation.under, creation.new_themes) == ("Ny kode", "Samarbeid", ())
    assert creation.path == "Samarbeid > Ny kode"


def test_a_path_names_the_themes_it_creates_and_where():
    creation = plan_creation(CODES, "samarbeid > Ny > Kode", None)
    assert (creation.under, creation.new_themes, creation.code) == ("Samarbeid", ("Ny",), "Kode")
    creation = plan_creation(CODES, "Nytt tema > Mer tema > Kode", None)
    assert (creation.under, creation.new_themes) == (None, ("Nytt tema", "Mer tema"))
    assert plan_creation(CODES, "Samarbeid > Ny kode", None).new_themes == ()


def test_a_path_that_exists_creates_nothing():
    creation = plan_creation(CODES, "samarbeid>FASTLEGER", None)
    assert creation.existing_id == "Samarbeid > Fastleger" and not creation.refusal


@pytest.mark.parametrize(
    "query, parent, said",
    [
        ("A > > B", None, "is not a code path"),
        ("A > B > C > D", None, "deeper than three levels"),
        ("Kode", CODES[2], "three levels deep at most"),
        ("   ", None, "needs a name"),
    ],
)
def test_what_cannot_be_created_is_refused_with_a_reason(query, parent, said):
    assert said in plan_creation(CODES, query, parent).refusal


@pytest.fixture
def store(tmp_path):
    store = build_project(tmp_path / "p.db", {"q01": ["Ventetiden er lang.", "Som før."]})
    coding.ensure_coder(store, "ola")
    yield store
    store.close()


@pytest.fixture
def session(store) -> CodingSession:
    session = CodingSession(store, "ola", 2024)
    session.open_question("q01")
    return session


def events_of(store) -> list[str]:
    return [row["kind"] for row in store.rows("SELECT kind FROM events ORDER BY seq")]


def test_a_code_created_with_its_definition_is_one_undo_step(store, session):
    before = len(events_of(store))
    session.create_and_apply("Kapasitet > Ventetid", None, "  Lang ventetid på time.  ")
    codebook = Codebook.from_store(store)
    code = codebook.code(codebook.find("Kapasitet > Ventetid"))
    assert code.definition == "Lang ventetid på time."
    assert events_of(store)[before:] == ["coding.apply"]
    session.undo()
    assert Codebook.from_store(store).live_rows() == []
    session.redo()
    codebook = Codebook.from_store(store)
    assert codebook.code(codebook.find("Kapasitet > Ventetid")).definition == "Lang ventetid på time."
    assert [row["name"] for row in session.segment.codings] == ["Ventetid"]


def test_a_skipped_definition_leaves_the_code_undefined(store, session):
    session.create_and_apply("Ventetid", None, "   ")
    assert [row["definition"] for row in Codebook.from_store(store).live_rows()] == [""]


def test_a_lead_in_is_set_and_undone_through_the_session(store, session):
    session.create_and_apply("Ventetid")
    code_id = next(iter(session.codes))
    session.set_lead_in(code_id, "  Mange nevner ventetiden.\n")
    assert picker_rows(store, 2024)[code_id]["lead_in"] == "Mange nevner ventetiden."
    assert session.undo() == "Undone: edit code."
    assert picker_rows(store, 2024)[code_id]["lead_in"] == ""
    assert [row["name"] for row in session.segment.codings] == ["Ventetid"]  # only the lead-in went


def test_codes_not_used_this_wave_are_marked_and_never_provisionally_suggested(store, session):
    kept = coding.create_code(store, "Brukt", "ola").id
    dropped = coding.create_code(store, "Droppet", "ola").id
    for code_id in (kept, dropped):
        coding.apply_codes(store, session.segment.id, [code_id], "ola")
    carry.mark_not_used(store, dropped, 2024, "ola")
    session.open_question("q01")
    session.reload_codes()
    assert session.codes[dropped]["not_used_in"] == 2024 and session.codes[kept]["not_used_in"] is None
    assert picker_rows(store, 2023)[dropped]["not_used_in"] is None  # marked for 2024 only
    session.step(1)
    listed = [row.code_id for row in session.provisional_suggestions().rows]
    assert kept in listed and dropped not in listed


def test_a_definition_typed_at_creation_is_evidence_without_refitting(tmp_path):
    texts = [
        "Fastlegene deltar på faste møter.",
        "Kommunen mangler psykologer og ansetter ingen.",
        "Vi mangler psykologer.",
    ]
    store = build_imported(tmp_path, [("q1", text) for text in texts])
    coding.ensure_coder(store, CODER)
    suggester = Suggester(store, coder=CODER).fit()
    model = suggester.model_
    session = CodingSession(store, CODER, 2024)
    session.open_question("q1")
    session.create_and_apply("Møter", None, "Fastlegene deltar på faste møter med kommunen.")
    session.step(1)
    session.create_and_apply("Rekruttering", None, "Mangel på psykologer; ingen søkere.")
    best = suggester.suggest_answer(answer_id_of(store, texts[2]))[0]
    assert suggester.model_ is model  # taken in by the refresh, not by a new fit
    assert best.name == "Rekruttering"
    definition = next(evidence for evidence in best.evidence if evidence.kind == "definition")
    assert "Mangel på psykologer" in definition.text

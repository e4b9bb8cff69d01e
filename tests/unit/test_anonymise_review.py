"""The review queue, approvals bound to the segment text, the leak check and the CLI."""

import json

import pytest

from workbench import coding
from workbench.anonymise import leak, review
from workbench.anonymise.risk import combination_risks, quote_risks
from workbench.cli import main
from workbench.errors import LeakError, UserError
from workbench.project import create_project
from workbench.store import imports
from workbench.store import segments as segment_rows
from workbench.store.anonymisation import log_rows

ANSWERS = {
    "4601": "Vi i Bergen samarbeider med Askøy om rusteam. Ring 912 34 567.",
    "0301": "Ingen endring fra i fjor.",
}


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "project.db"
    store = create_project(path)
    with store.atomic():
        imports.add_questions(store, [("q01", "Samarbeid?", "open", "1", 0, 0)])
        imports.add_respondents(
            store,
            {"4601": {"name": "Bergen", "county": "Vestland"}, "0301": {"name": "Oslo", "county": "Oslo"}},
        )
        imports.add_answers(store, 2024, 1, [(r, "q01", text) for r, text in ANSWERS.items()])
        for respondent in ANSWERS:
            segment_rows.set_for_report(store, imports.default_segment_id(respondent, "q01", 2024), True)
    yield path, store
    store.close()


def segment_of(respondent):
    return imports.default_segment_id(respondent, "q01", 2024)


def test_propose_fills_the_queue_for_report_quotes(project):
    _, store = project
    summary = review.propose(store)
    assert (summary.segments, summary.proposed, summary.detections) == (2, 2, 3)
    spans = review.current_spans(store, segment_of("4601"))
    assert [(s["text"], s["placeholder"]) for s in spans] == [
        ("Bergen", "[kommunen]"),
        ("Askøy", "[kommune A]"),
        ("912 34 567", "[telefon]"),
    ]
    assert review.propose(store).proposed == 0


def test_leak_check_blocks_then_passes_after_approval(project):
    _, store = project
    ids = [segment_of("4601"), segment_of("0301")]
    review.propose(store)
    with pytest.raises(LeakError) as caught:
        leak.anonymised_quotes(store, ids)
    assert "Askøy" in str(caught.value)
    assert review.accept_certain(store, segment_of("4601"), "kari") == 3
    assert leak.check_quotes(store, ids).problems[0].reason == "decided but not approved"
    review.approve(store, segment_of("4601"), "kari")
    quotes = leak.anonymised_quotes(store, ids)
    assert [q.text for q in quotes] == [
        "Vi i [kommunen] samarbeider med [kommune A] om rusteam. Ring [telefon].",
        "Ingen endring fra i fjor.",
    ]
    assert [q.status for q in quotes] == ["approved", "clean"]
    assert leak.approved_text(store, segment_of("4601")).startswith("Vi i [kommunen]")


def test_draft_returns_proposed_text_not_approved(project):
    _, store = project
    (quote,) = leak.anonymised_quotes(store, [segment_of("4601")], draft=True)
    assert not quote.approved and quote.text.startswith("Vi i [kommunen] samarbeider med [kommune A]")
    assert leak.approved_text(store, segment_of("4601")) is None


def test_reject_edit_and_free_text(project):
    _, store = project
    review.propose(store)
    bergen, askoy, phone = review.current_spans(store, segment_of("4601"))
    review.decide(store, bergen["id"], "accepted", "kari")
    review.decide(store, askoy["id"], "edited", "kari", replacement="[nabokommunen]")
    review.decide(store, phone["id"], "rejected", "kari")
    expected = "med [nabokommunen] om rusteam. Ring 912 34 567."
    assert review.final_text(store, segment_of("4601")).endswith(expected)
    review.set_final_text(store, segment_of("4601"), "Vi samarbeider med en nabokommune.", "kari")
    assert review.approve(store, segment_of("4601"), "kari") == "Vi samarbeider med en nabokommune."
    actions = [row["action"] for row in log_rows(store, segment_of("4601"))]
    assert actions == ["proposed", "accepted", "edited", "rejected", "edited text", "approved"]


def test_approval_refused_while_own_name_remains(project):
    _, store = project
    review.propose(store)
    for span in review.current_spans(store, segment_of("4601")):
        review.decide(store, span["id"], "rejected", "kari")
    with pytest.raises(UserError, match="name the respondent"):
        review.approve(store, segment_of("4601"), "kari")
    review.approve(store, segment_of("4601"), "kari", allow_own_name=True)
    assert review.is_approved(store, segment_of("4601"))


def test_approval_void_when_segment_changes(project):
    _, store = project
    review.propose(store)
    review.accept_certain(store, segment_of("4601"), "kari")
    review.approve(store, segment_of("4601"), "kari")
    # A split makes kari's own segments; the shared one keeps its span and its approval.
    left, right = coding.split_segment(store, segment_of("4601"), 46, "kari")
    assert review.is_approved(store, segment_of("4601"))
    for part in (left, right):
        assert not review.is_approved(store, part)
        assert leak.approved_text(store, part) is None
        with pytest.raises(LeakError):
            leak.anonymised_quotes(store, [part])
    coding.merge_segments(store, left, right, "kari")
    assert not review.is_approved(store, left)


def test_unknown_segment_is_a_user_error(project):
    _, store = project
    with pytest.raises(UserError, match="No segment"):
        leak.check_quotes(store, ["nope"])


def test_cli_check_exits_3_until_approved(project, capsys):
    path, store = project
    assert main(["anonymise", str(path), "--propose"]) == 0
    assert "detections: 3" in capsys.readouterr().out
    assert main(["anonymise", str(path), "--check", "--json"]) == 3
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False and report["problems"][0]["detections"][0]["text"] == "Bergen"
    review.accept_certain(store, segment_of("4601"), "kari")
    review.approve(store, segment_of("4601"), "kari")
    assert main(["anonymise", str(path), "--check"]) == 0
    assert "cleared" in capsys.readouterr().out


def test_cli_requires_an_action(project, capsys):
    path, _ = project
    with pytest.raises(SystemExit) as caught:
        main(["anonymise", str(path)])
    assert caught.value.code == 2


def test_combination_risk_warns_below_five_units():
    population = [{"county": "Agder", "size_group": "Under 2 000"}] * 3 + [
        {"county": "Agder", "size_group": "2 000–4 999"}
    ] * 6
    warnings = combination_risks(population, population[:1] + population[-1:], ("county", "size_group"))
    assert [(w.values, w.units) for w in warnings] == [(("Agder", "Under 2 000"), 3)]


def test_quote_risks_reads_the_project(project):
    _, store = project
    warnings = quote_risks(store, [segment_of("4601")], ("county",))
    assert [(w.values, w.units) for w in warnings] == [(("Vestland",), 1)]
    assert "fits only 1" in warnings[0].describe()

"""The report layer: one coder's codings, consensus where settled, never the sum of coders."""

import json

import pytest
from conftest_export import build_export_project, insert_coding, install_fake_anonymiser
from docx import Document

from workbench.cli import main
from workbench.errors import UserError
from workbench.export import ExportOptions, run_export
from workbench.export.counts import count_questions
from workbench.store import report_layer, survey


@pytest.fixture
def project(tmp_path):
    built = build_export_project(tmp_path / "p.db")
    yield built
    built.store.close()


def _double_code(project):
    """A second coder, bob, codes a blind sample of q02 the same way ann did."""
    store = project.store
    with store.atomic():
        for respondent in ("0301", "3401", "1804"):
            insert_coding(
                store, project.segments[(respondent, "q02")][0], project.codes["Faste møter"], "bob"
            )
            store.execute(
                "INSERT INTO assignments (segment_id, coder, blind, created_at) VALUES (?, 'bob', 1, '2024')",
                (project.segments[(respondent, "q02")][0],),
            )


def _faste(store, **options):
    [counts] = count_questions(store, survey.question_rows(store, question_id="q02"), **options)
    row = counts.table[counts.table["name"] == "Faste møter"].iloc[0]
    return int(row["count"]), int(row["percent_rounded"])


def _settle(store, segment_id, codes=()):
    with store.atomic():
        store.execute(
            "INSERT OR IGNORE INTO coders (name, is_consensus, created_at) VALUES ('consensus', 1, '2024')"
        )
        store.execute(
            "INSERT INTO adjudications (id, segment_id, coders, decision, decided_by, decided_at) "
            "VALUES (?, ?, 'ann|bob', ?, 'ann', '2024')",
            (segment_id, segment_id, "edit" if codes else "neither"),
        )
        for code_id in codes:
            insert_coding(store, segment_id, code_id, "consensus")


def test_double_coding_does_not_inflate_counts(project):
    assert _faste(project.store) == (3, 50)  # ann alone
    _double_code(project)
    with pytest.raises(UserError, match="--coder NAME.*--set-primary NAME"):
        _faste(project.store)
    report_layer.set_primary_coder(project.store, "ann")
    assert _faste(project.store) == (3, 50)  # not 6 of 6: bob's blind sample does not count
    assert _faste(project.store, coder="bob") == (3, 50)  # bob's layer, chosen on purpose


def test_several_coders_and_no_primary_stop_the_export_with_one_sentence(project, tmp_path, capsys):
    _double_code(project)
    code = main(["export", str(project.store.path), "counts", "--out", str(tmp_path / "out")])
    error = capsys.readouterr().err
    assert code == 2 and "several coders (ann, bob)" in error and error.count("\n") == 1
    assert not (tmp_path / "out").exists()


def test_an_unknown_coder_is_a_user_error(project):
    with pytest.raises(UserError, match="no coder named 'eve'"):
        _faste(project.store, coder="eve")


def test_consensus_replaces_the_layer_where_settled_and_neither_leaves_no_code(project):
    _double_code(project)
    report_layer.set_primary_coder(project.store, "ann")
    oslo, bodo = (project.segments[(unit, "q02")][0] for unit in ("0301", "1804"))
    _settle(project.store, oslo, [project.codes["Annet"]])
    _settle(project.store, bodo)  # "neither": settled with no code
    [counts] = count_questions(project.store, survey.question_rows(project.store, question_id="q02"))
    table = {row.name: row.count for row in counts.table.itertuples(index=False)}
    assert table["Faste møter"] == 1 and table["Annet"] == 3 and table[""] == 1  # Bodø uncoded


def test_manifest_and_base_note_name_the_layer(project, tmp_path, monkeypatch):
    install_fake_anonymiser(monkeypatch)
    _double_code(project)
    report_layer.set_primary_coder(project.store, "ann")
    result = run_export(project.store, "report", ExportOptions(out=str(tmp_path / "out")))
    manifest = json.loads((result.folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["layer"] == {
        "coder": "ann",
        "source": "primary",
        "consensus_replaces_settled_segments": 0,
    }
    assert manifest["uncoded_questions"] == ["q03"]
    captions = [
        p.text for p in Document(str(result.folder / "report.docx")).paragraphs if p.style.name == "Caption"
    ]
    assert any("Koding: ann (primærkoder)." in text for text in captions)


def test_info_sets_and_shows_the_primary_coder(project, capsys):
    _double_code(project)
    path = str(project.store.path)
    assert main(["info", path, "--set-primary", "bob"]) == 0
    assert "Primary coder: bob" in capsys.readouterr().out
    assert main(["info", path, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["primary_coder"] == "bob"
    assert main(["info", path, "--set-primary", "eve"]) == 2
    assert "no coder named 'eve'" in capsys.readouterr().err


def test_coded_quotes_view_shows_quote_text_and_code_path(project):
    rows = project.store.rows(
        "SELECT question, respondent, wave, quote_text, code_path, coder FROM coded_quotes "
        "WHERE respondent = '0301' AND question = 'q01' ORDER BY quote_text"
    )
    assert [(row["quote_text"], row["code_path"]) for row in rows] == [
        (" Og faste møter igjen.", "Samarbeid > Møter > Faste møter"),
        ("Vi har faste møter.", "Samarbeid > Møter > Faste møter"),
    ]
    assert {(row["wave"], row["coder"]) for row in rows} == {(2024, "ann")}


def test_counts_json_names_the_chosen_layer(project, capsys):
    _double_code(project)
    path = str(project.store.path)
    assert main(["export", path, "counts", "--json", "--question", "q02", "--coder", "bob"]) == 0
    [question] = json.loads(capsys.readouterr().out)
    assert question["coder"] == "bob"
    faste = next(c for c in question["categories"] if c["name"] == "Faste møter")
    assert faste["count"] == 3  # bob's three codings, not ann's and bob's added together

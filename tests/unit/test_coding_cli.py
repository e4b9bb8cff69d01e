"""``workbench code``, ``history`` and ``codebook`` through the CLI entry point."""

import json

import pytest
from coding_project import answer_id, build_project

from workbench import coding
from workbench.cli import main
from workbench.project import open_project


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "p.db"
    build_project(path, {"q01": ["Godt samarbeid med fastlegene", "Lang ventetid", ""]}).close()
    return path


def test_code_applies_and_removes_by_path(project, capsys):
    store = open_project(project)
    first = answer_id(store, "q01", 0)
    store.close()
    apply = ["code", str(project), "--answer", str(first), "--code", "Samarbeid > Ok, bra/godt"]
    apply += ["--coder", "ann"]
    assert main(apply) == 0
    assert "Applied" in capsys.readouterr().out
    store = open_project(project)
    codebook = coding.Codebook.from_store(store)
    children = codebook.children(codebook.children()[0].id)
    assert [codebook.path(node.id) for node in children] == ["Samarbeid > Ok, bra/godt"]
    assert store.scalar("SELECT coder FROM codings") == "ann"
    store.close()
    assert main([*apply, "--remove"]) == 0
    store = open_project(project)
    assert store.scalar("SELECT COUNT(*) FROM codings") == 0
    store.close()


def test_code_warns_of_a_similar_name_and_refuses_nonresponses(project, capsys):
    store = open_project(project)
    first, empty = answer_id(store, "q01", 0), answer_id(store, "q01", 2)
    store.close()
    main(["code", str(project), "--answer", str(first), "--code", "Samarbeid med fastlegene"])
    main(["code", str(project), "--answer", str(first), "--code", "Samarbeid med fastlegen"])
    assert "Did you mean 'Samarbeid med fastlegene'?" in capsys.readouterr().out
    assert main(["code", str(project), "--answer", str(empty), "--code", "X"]) == 2
    assert "non-response" in capsys.readouterr().err
    assert main(["code", str(project), "--answer", str(first), "--code", "Ukjent", "--remove"]) == 2


def test_history_tells_each_codes_story(project, capsys):
    store = open_project(project)
    a = coding.create_code(store, "A", "ann").id
    b = coding.create_code(store, "B", "bob").id
    coding.apply_codes(store, coding.segments_of_answer(store, answer_id(store, "q01", 0))[0].id, [a], "ann")
    coding.rename_code(store, a, "A2", "ann")
    coding.merge_codes(store, a, b, "bob")
    store.close()
    assert main(["history", str(project), "--json"]) == 0
    stories = {story["name"]: story for story in json.loads(capsys.readouterr().out)["codes"]}
    steps = [(step["what"], step["coder"], step["codings"]) for step in stories["A2"]["steps"]]
    assert steps == [("created", "ann", 0), ("renamed", "ann", 1), ("merged", "bob", 1)]
    assert stories["A2"]["status"] == "merged" and stories["A2"]["merged_into"] == "B"
    assert ("received", "bob", 1) in [(s["what"], s["coder"], s["codings"]) for s in stories["B"]["steps"]]
    assert main(["history", str(project)]) == 0
    text = capsys.readouterr().out
    assert "A2 [merged]" in text and "renamed A -> A2" in text


def test_codebook_export_import_round_trip(project, tmp_path, capsys):
    store = open_project(project)
    coding.code_for_path(store, "Samarbeid > Faste møtepunkter", "ann")
    store.close()
    target = tmp_path / "list.yaml"
    assert main(["codebook", "export", str(project), str(target)]) == 0
    other = tmp_path / "other.db"
    build_project(other, {"q01": ["x"]}).close()
    assert main(["codebook", "import", str(other), str(target)]) == 0
    assert "2 new, 0 changed, 0 unchanged" in capsys.readouterr().out
    assert main(["codebook", "import", str(other), str(target)]) == 0
    assert "0 new, 0 changed, 2 unchanged" in capsys.readouterr().out
    assert main(["codebook", "import", str(other), str(tmp_path / "list.txt")]) == 2


def test_history_counts_the_codings_a_split_moved(project, capsys):
    store = open_project(project)
    code = coding.create_code(store, "Samarbeid", "ann").id
    segments = [coding.segments_of_answer(store, answer_id(store, "q01", n))[0].id for n in range(2)]
    for segment in segments:
        coding.apply_codes(store, segment, [code], "ann")
    moved = store.scalar("SELECT id FROM codings WHERE segment_id = ?", (segments[0],))
    coding.split_code(store, code, "Samarbeid med fastleger", [moved], "ann")
    store.close()
    assert main(["history", str(project), "--json"]) == 0
    stories = {story["name"]: story for story in json.loads(capsys.readouterr().out)["codes"]}
    split = [step for step in stories["Samarbeid"]["steps"] if step["what"] == "split"]
    assert [(step["detail"], step["codings"]) for step in split] == [
        ("codings to Samarbeid med fastleger", 1)
    ]
    assert main(["history", str(project)]) == 0
    assert "split codings to Samarbeid med fastleger (1 moved)" in capsys.readouterr().out

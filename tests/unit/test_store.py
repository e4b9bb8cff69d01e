"""The project database: creation, migrations, pragmas, refusal of foreign files; one home per query."""

import ast
from collections import defaultdict
from pathlib import Path

import pytest
from coding_project import build_project

import workbench.store
from workbench import coding
from workbench.coding.codebook_tree import Codebook
from workbench.errors import UserError
from workbench.project import create_project, open_project, project_info
from workbench.store import answers as answer_rows
from workbench.store import codes as code_rows
from workbench.store import events as event_rows
from workbench.store import segments as segment_rows
from workbench.store.migrations import MIGRATIONS


def test_new_project_is_migrated_to_latest_version(tmp_path):
    store = create_project(tmp_path / "p.db")
    assert store.schema_version() == MIGRATIONS[-1][0]
    assert store.scalar("PRAGMA foreign_keys") == 1
    assert store.scalar("PRAGMA journal_mode") == "wal"
    store.close()


def test_creating_over_an_existing_file_is_refused(tmp_path):
    create_project(tmp_path / "p.db").close()
    with pytest.raises(UserError, match="already exists"):
        create_project(tmp_path / "p.db")


def test_opening_a_missing_or_foreign_file_is_a_user_error(tmp_path):
    with pytest.raises(UserError, match="no such project file"):
        open_project(tmp_path / "missing.db")
    foreign = tmp_path / "notes.db"
    foreign.write_text("just some text, not SQLite")
    with pytest.raises(UserError, match="not a workbench project"):
        open_project(foreign)


def test_atomic_rolls_back_everything_on_error(tmp_path):
    store = create_project(tmp_path / "p.db")
    with pytest.raises(RuntimeError):
        with store.atomic():
            store.execute("INSERT INTO questions (id, text) VALUES ('q1', 'x')")
            raise RuntimeError("boom")
    assert store.scalar("SELECT COUNT(*) FROM questions") == 0
    store.close()


def test_info_of_empty_project(tmp_path):
    create_project(tmp_path / "p.db").close()
    info = project_info(tmp_path / "p.db")
    assert info == {
        "respondents": 0,
        "waves": [],
        "coders": [],
        "primary_coder": None,
        "codes": 0,
        "questions": [],
    }


STORE = Path(workbench.store.__file__).parent


def _query_functions() -> list[tuple[str, str]]:
    """(module, name) of every function defined at the top of a ``store/*.py`` module."""
    found = []
    for module in sorted(STORE.glob("*.py")):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        found += [(module.stem, node.name) for node in tree.body if isinstance(node, ast.FunctionDef)]
    return found


def test_no_query_function_is_defined_twice_in_the_store():
    modules_by_name = defaultdict(list)
    for module, name in _query_functions():
        modules_by_name[name].append(module)
    twice = {name: modules for name, modules in modules_by_name.items() if len(modules) > 1}
    assert twice == {}


def test_the_live_code_condition_is_written_once():
    sources = "".join(module.read_text(encoding="utf-8") for module in STORE.glob("*.py"))
    assert sources.count("retired = 0") == 1


def _project(tmp_path):
    store = build_project(tmp_path / "p.db", {"q1": ["Første svar", "", "Tredje"]})
    codes = {name: coding.create_code(store, name, "ann").id for name in ("Keep", "Retire", "Merge")}
    coding.retire_code(store, codes["Retire"], "ann")
    coding.merge_codes(store, codes["Merge"], codes["Keep"], "ann")
    return store, codes


def test_live_codes_leave_out_retired_and_merged_codes(tmp_path):
    store, codes = _project(tmp_path)
    assert [row["name"] for row in code_rows.live_codes(store)] == ["Keep"]
    assert [row["path"] for row in Codebook.from_store(store).live_rows()] == ["Keep"]
    assert {row["id"] for row in code_rows.all_codes(store)} == set(codes.values())


def test_segment_row_gives_one_segment_with_its_texts_or_none(tmp_path):
    store, _ = _project(tmp_path)
    answer = answer_rows.answer_id_for(store, "r000", "q1", 2024)
    [segment] = segment_rows.segments_of_answer(store, answer)
    assert segment["segment_text"] == segment["answer_text"] == "Første svar"
    assert segment_rows.segment_row(store, segment["id"]) == segment
    assert segment_rows.segment_row(store, "no such segment") is None
    non_response = answer_rows.answer_id_for(store, "r001", "q1", 2024)
    assert segment_rows.segments_of_answer(store, non_response) == []


def test_writing_rows_back_reports_a_broken_constraint_as_a_row_conflict(tmp_path):
    store, codes = _project(tmp_path)
    answer = answer_rows.answer_id_for(store, "r000", "q1", 2024)
    [segment] = segment_rows.segments_of_answer(store, answer)
    coding.apply_codes(store, segment["id"], [codes["Keep"]], "bob")
    with pytest.raises(event_rows.RowConflict), store.atomic():
        event_rows.delete_rows(store, "codes", [codes["Keep"]])
    assert code_rows.code_row(store, codes["Keep"]) is not None


def test_undo_that_later_changes_depend_on_is_refused_in_one_sentence(tmp_path):
    store = build_project(tmp_path / "p.db", {"q1": ["Første svar"]})
    code = coding.create_code(store, "Ny", "ann").id
    segment = segment_rows.segments_of_answer(store, answer_rows.answer_id_for(store, "r000", "q1", 2024))[0]
    coding.apply_codes(store, segment["id"], [code], "bob")
    with pytest.raises(UserError, match="Cannot undo 'create code': later changes depend on it"):
        coding.undo(store, "ann")
    assert code_rows.code_row(store, code) is not None

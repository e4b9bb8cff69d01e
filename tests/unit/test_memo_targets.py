"""Memos on answers, codes and the project: one per coder and target, undoable, in history."""

import json
import sqlite3

import pytest
from coding_project import answer_id, build_project

from workbench import coding
from workbench.cli import main
from workbench.coding.memo_list import memo_entries
from workbench.coding.memos import MemoTarget, memo_history, memo_text, save_memo
from workbench.errors import UserError
from workbench.project import open_project
from workbench.review.blind import Visibility
from workbench.store.migrations import MIGRATIONS


@pytest.fixture
def project(tmp_path):
    store = build_project(tmp_path / "p.db", {"q01": ["Godt samarbeid", "Lang ventetid"]})
    code = coding.create_code(store, "Ventetid", "ann").id
    yield store, answer_id(store, "q01", 0), code
    store.close()


def _targets(answer: int, code: str) -> list[MemoTarget]:
    return [MemoTarget("answer", answer), MemoTarget("code", code), MemoTarget.project()]


def test_each_target_keeps_one_memo_per_coder_and_undoes_in_one_step(project):
    store, answer, code = project
    for number, target in enumerate(_targets(answer, code)):
        save_memo(store, target, "ann", f"Anns {number}")
        save_memo(store, target, "bob", f"Bobs {number}")
        save_memo(store, target, "ann", f"Anns nye {number}")
        assert memo_text(store, target, "ann") == f"Anns nye {number}"
        assert coding.undo(store, "ann") == "save memo"
        assert memo_text(store, target, "ann") == f"Anns {number}"
        assert memo_text(store, target, "bob") == f"Bobs {number}"
        assert coding.redo(store, "ann") == "save memo"
        assert memo_text(store, target, "ann") == f"Anns nye {number}"
    assert store.scalar("SELECT COUNT(*) FROM memos") == 6
    kinds = [row["target"] for row in store.rows("SELECT target FROM memos WHERE coder = 'ann' ORDER BY id")]
    assert sorted(kinds) == ["answer", "code", "project"]


def test_clearing_a_memo_deletes_it_and_undo_brings_it_back(project):
    store, answer, code = project
    target = MemoTarget("code", code)
    save_memo(store, target, "ann", "Gjelder bare kommunale tjenester")
    save_memo(store, target, "ann", "")
    assert store.scalar("SELECT COUNT(*) FROM memos") == 0
    coding.undo(store, "ann")
    assert memo_text(store, target, "ann") == "Gjelder bare kommunale tjenester"


def test_unknown_targets_are_refused_and_write_nothing(project):
    store, answer, code = project
    for target, message in (
        (MemoTarget("answer", 999), "no answer with id 999"),
        (MemoTarget("code", "nope"), "no code with id nope"),
        ("nope", "no segment with id nope"),
    ):
        with pytest.raises(UserError, match=message):
            save_memo(store, target, "ann", "x")
    with pytest.raises(ValueError, match="not a memo target"):
        save_memo(store, MemoTarget("respondent", "r000"), "ann", "x")
    assert store.scalar("SELECT COUNT(*) FROM memos") == 0
    assert store.scalar("SELECT COUNT(*) FROM events WHERE kind = 'memo.save'") == 0


def test_the_schema_allows_exactly_one_target_column(project):
    store, answer, code = project
    with pytest.raises(sqlite3.IntegrityError):
        store.execute(
            "INSERT INTO memos (id, target, answer_id, code_id, coder, text, created_at, updated_at) "
            "VALUES ('m', 'answer', ?, ?, 'ann', 'x', 'now', 'now')",
            (answer, code),
        )
    with pytest.raises(sqlite3.IntegrityError):
        store.execute(
            "INSERT INTO memos (id, target, coder, text, created_at, updated_at) "
            "VALUES ('m', 'code', 'ann', 'x', 'now', 'now')"
        )


def test_a_code_with_a_memo_cannot_vanish_by_undoing_its_creation(project):
    store, answer, code = project
    save_memo(store, MemoTarget("code", code), "bob", "Bobs merknad")
    with pytest.raises(UserError, match="later changes depend on it"):
        coding.undo(store, "ann")
    assert memo_text(store, MemoTarget("code", code), "bob") == "Bobs merknad"


def test_history_names_each_memo_target(project, capsys):
    store, answer, code = project
    save_memo(store, MemoTarget("answer", answer), "ann", "Svar\x1b[31m")
    save_memo(store, MemoTarget("code", code), "ann", "Kode")
    save_memo(store, MemoTarget.project(), "ann", "Prosjekt")
    coding.undo(store, "ann")
    steps = [(step["what"], step["target"]) for step in memo_history(store)]
    assert steps == [("saved", "answer"), ("saved", "code"), ("saved", "project"), ("undone", "project")]
    assert memo_history(store)[0]["question"] == "q01" and memo_history(store)[0]["respondent"] == "r000"
    path = store.path
    store.close()
    assert main(["history", str(path)]) == 0
    text = capsys.readouterr().out
    assert "saved on answer q01 / r000: Svar␛[31m" in text and "\x1b" not in text
    assert "saved on code Ventetid: Kode" in text
    assert "saved on the project: Prosjekt" in text and "undone on the project" in text
    assert main(["history", str(path), "--json"]) == 0
    memos = json.loads(capsys.readouterr().out)["memos"]
    assert [step["target"] for step in memos] == ["answer", "code", "project", "project"]


def test_the_memo_list_is_newest_first_with_places_and_blind_coders_see_their_own(project):
    store, answer, code = project
    segment = coding.segments_of_answer(store, answer)[0].id
    save_memo(store, segment, "bob", "Bobs segment")
    save_memo(store, MemoTarget("code", code), "ann", "Anns kode")
    save_memo(store, MemoTarget("answer", answer), "ann", "Anns svar")
    save_memo(store, MemoTarget.project(), "bob", "Bobs prosjekt")
    entries = memo_entries(store)
    assert [entry.place for entry in entries] == ["Project", "q01 · r000", "Code Ventetid", "q01 · r000 ¶1"]
    assert entries[1].answer_id == answer and entries[3].answer_id == answer
    blind = Visibility("ann", None, blind=True)
    shown = memo_entries(store, blind)
    assert [(entry.coder, entry.place) for entry in shown] == [
        ("ann", f"q01 · answer {answer}"),
        ("ann", "Code Ventetid"),
    ]
    assert [entry.text for entry in entries if entry.matches("BOB prosj")] == ["Bobs prosjekt"]


def test_older_projects_keep_their_segment_memos_after_the_migration(tmp_path):
    path = tmp_path / "old.db"
    connection = sqlite3.connect(path)
    for version, statements in MIGRATIONS:
        if version >= 10:
            break
        for statement in statements:
            connection.execute(statement)
        connection.execute(f"PRAGMA user_version = {version}")
    connection.execute("INSERT INTO questions (id, text, position) VALUES ('q01', 'Q', 0)")
    connection.execute("INSERT INTO respondents (id, attributes) VALUES ('r1', '{}')")
    connection.execute(
        "INSERT INTO answers (respondent_id, question_id, wave, text) VALUES ('r1', 'q01', 2024, 'Tekst')"
    )
    connection.execute(
        "INSERT INTO segments (id, answer_id, start, end, created_at) VALUES ('s1', 1, 0, 5, 'x')"
    )
    connection.execute(
        "INSERT INTO memos (id, segment_id, coder, text, created_at, updated_at) "
        "VALUES ('m1', 's1', 'ann', 'Gammel', 'a', 'b')"
    )
    connection.commit()
    connection.close()
    with open_project(path) as store:
        assert store.rows("SELECT id, target, segment_id, text FROM memos") == [
            {"id": "m1", "target": "segment", "segment_id": "s1", "text": "Gammel"}
        ]
        assert store.scalar("PRAGMA foreign_key_check") is None
        save_memo(store, "s1", "ann", "Ny")
        coding.undo(store, "ann")
        assert memo_text(store, "s1", "ann") == "Gammel"

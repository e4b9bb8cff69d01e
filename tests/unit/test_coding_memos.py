"""Memos go through the change recorder: one undo step each, and listed by ``workbench history``."""

import json

import pytest
from coding_project import answer_id, build_project

from workbench import coding
from workbench.cli import main
from workbench.coding.memos import memo_history, save_memo
from workbench.errors import UserError
from workbench.store import memos as memo_rows


@pytest.fixture
def project(tmp_path):
    store = build_project(tmp_path / "p.db", {"q01": ["Godt samarbeid", "Lang ventetid"]})
    segment = coding.segments_of_answer(store, answer_id(store, "q01", 0))[0].id
    yield store, segment
    store.close()


def _events(store) -> int:
    return store.scalar("SELECT COUNT(*) FROM events")


def test_saving_a_memo_is_one_undo_step(project):
    store, segment = project
    save_memo(store, segment, "ann", "Spør om fastlegen")
    assert memo_rows.memo_text(store, segment, "ann") == "Spør om fastlegen"
    assert coding.undo(store, "ann") == "save memo"
    assert memo_rows.memo_text(store, segment, "ann") == ""
    assert store.scalar("SELECT COUNT(*) FROM memos") == 0
    assert coding.redo(store, "ann") == "save memo"
    assert memo_rows.memo_text(store, segment, "ann") == "Spør om fastlegen"


def test_replacing_and_clearing_a_memo_undo_to_the_earlier_text(project):
    store, segment = project
    save_memo(store, segment, "ann", "Første")
    save_memo(store, segment, "ann", "Andre")
    assert store.scalar("SELECT COUNT(*) FROM memos") == 1
    save_memo(store, segment, "ann", "")
    assert memo_rows.memo_text(store, segment, "ann") == ""
    coding.undo(store, "ann")
    assert memo_rows.memo_text(store, segment, "ann") == "Andre"
    coding.undo(store, "ann")
    assert memo_rows.memo_text(store, segment, "ann") == "Første"


def test_memos_of_other_coders_are_left_alone(project):
    store, segment = project
    save_memo(store, segment, "ann", "Anns")
    save_memo(store, segment, "bob", "Bobs")
    coding.undo(store, "ann")
    assert memo_rows.memo_text(store, segment, "bob") == "Bobs"
    assert memo_rows.memo_text(store, segment, "ann") == ""


def test_an_unknown_segment_or_unchanged_text_writes_nothing(project):
    store, segment = project
    with pytest.raises(UserError, match="no segment with id nope"):
        save_memo(store, "nope", "ann", "x")
    assert _events(store) == 0
    save_memo(store, segment, "ann", "")
    assert _events(store) == 0
    save_memo(store, segment, "ann", "Samme")
    save_memo(store, segment, "ann", "Samme")
    assert _events(store) == 1


def test_history_lists_memo_changes_and_their_undo(project, capsys):
    store, segment = project
    save_memo(store, segment, "ann", "Spør\x1b]0;x\x07 igjen")
    save_memo(store, segment, "ann", "")
    coding.undo(store, "ann")
    steps = [(step["what"], step["coder"], step["segment_id"]) for step in memo_history(store)]
    assert steps == [("saved", "ann", segment), ("deleted", "ann", segment), ("undone", "ann", segment)]
    assert memo_history(store)[0]["text"] == "Spør\x1b]0;x\x07 igjen"
    path = store.path
    store.close()
    assert main(["history", str(path), "--json"]) == 0
    assert [step["what"] for step in json.loads(capsys.readouterr().out)["memos"]] == [
        "saved",
        "deleted",
        "undone",
    ]
    assert main(["history", str(path)]) == 0
    text = capsys.readouterr().out
    assert f"saved on {segment}: Spør␛]0;x␇ igjen" in text and "\x1b" not in text
    assert f"undone on {segment}" in text

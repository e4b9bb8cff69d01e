"""Memos on answers, codes and the project cross ``workbench merge`` both ways, deletions too."""

import shutil

from teams_project import add_answer, build_project

from workbench import coding
from workbench.coding.memos import MemoTarget, memo_text, save_memo
from workbench.project import open_project
from workbench.review.merge import merge_project


def _answer(store, respondent: str) -> int:
    return store.scalar("SELECT id FROM answers WHERE respondent_id = ? AND wave = 2024", (respondent,))


def _copies(tmp_path):
    """Two copies in which the answer of respondent 'rny' has different local ids."""
    with build_project(tmp_path / "base.db", respondents=3) as store:
        coding.create_code(store, "Ventetid", "lead")
    paths = [tmp_path / "kari.db", tmp_path / "ola.db"]
    for path in paths:
        shutil.copy(tmp_path / "base.db", path)
    with open_project(paths[0]) as store, store.atomic():
        add_answer(store, "r0000", "q01", "Fjorårets svar", wave=2023)
    for path in paths:
        with open_project(path) as store, store.atomic():
            store.execute("INSERT INTO respondents (id, attributes) VALUES ('rny', '{}')")
            add_answer(store, "rny", "q01", "Et nytt svar")
    return paths


def _memos(path) -> list[tuple]:
    with open_project(path, read_only=True) as store:
        rows = store.rows(
            "SELECT m.target, a.respondent_id, c.name, m.coder, m.text FROM memos m "
            "LEFT JOIN answers a ON a.id = m.answer_id LEFT JOIN codes c ON c.id = m.code_id"
        )
    return sorted(tuple(row.values()) for row in rows)


def _merge(target, source) -> None:
    with open_project(target) as store:
        merge_project(store, source)


def test_answer_code_and_project_memos_cross_a_merge_and_their_removal_too(tmp_path):
    kari, ola = _copies(tmp_path)
    with open_project(kari) as store:
        karis_id = _answer(store, "rny")
        save_memo(store, MemoTarget.project(), "kari", "Karis prosjektnotat")
    with open_project(ola) as store:
        code = store.scalar("SELECT id FROM codes WHERE name = 'Ventetid'")
        assert _answer(store, "rny") != karis_id
        save_memo(store, MemoTarget("answer", _answer(store, "rny")), "ola", "Sjekk =SUM(A1)")
        save_memo(store, MemoTarget("code", code), "ola", "Også kø på telefon")
        save_memo(store, MemoTarget.project(), "ola", "Olas prosjektnotat")
    _merge(kari, ola)
    _merge(ola, kari)
    expected = [
        ("answer", "rny", None, "ola", "Sjekk =SUM(A1)"),
        ("code", None, "Ventetid", "ola", "Også kø på telefon"),
        ("project", None, None, "kari", "Karis prosjektnotat"),
        ("project", None, None, "ola", "Olas prosjektnotat"),
    ]
    assert _memos(kari) == _memos(ola) == expected
    with open_project(kari) as store:
        assert memo_text(store, MemoTarget("answer", _answer(store, "rny")), "ola") == "Sjekk =SUM(A1)"
        assert store.rows("PRAGMA foreign_key_check") == []
    with open_project(ola) as store:
        save_memo(store, MemoTarget("code", code), "ola", "")
        save_memo(store, MemoTarget.project(), "ola", "")
        assert coding.undo(store, "ola") == "save memo"  # the project memo is back
        assert coding.undo(store, "ola") == "save memo"  # the code memo is back
        assert coding.redo(store, "ola") == "save memo"  # … and gone again
    _merge(kari, ola)
    assert _memos(kari) == [expected[0], *expected[2:]]
    _merge(ola, kari)
    assert _memos(kari) == _memos(ola)


def test_imported_memos_no_event_touched_are_copied_with_their_answer_mapped(tmp_path):
    kari, ola = _copies(tmp_path)
    from workbench.store import memos as memo_rows

    with open_project(ola) as store, store.atomic():
        answer = _answer(store, "rny")
        memo_rows.insert_memo_if_new(
            store,
            {"id": "imported", "target": "answer", "answer_id": answer, "coder": "ola", "text": "Importert"},
        )
    _merge(kari, ola)
    with open_project(kari, read_only=True) as store:
        assert memo_text(store, MemoTarget("answer", _answer(store, "rny")), "ola") == "Importert"

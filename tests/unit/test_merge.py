"""Merging coders' project files: nothing lost, idempotent, order-independent, conflicts reported."""

import shutil
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from teams_project import add_answer, add_code, add_coding, build_project, coding_triples, segment_ids

from workbench import coding
from workbench.errors import UserError
from workbench.project import open_project
from workbench.review.merge import find_duplicate_codes, merge_project, unify_codes
from workbench.store.database import now, stable_id

CODE_IDS = [stable_id("test-code", number) for number in range(4)]
codings_strategy = st.lists(
    st.tuples(st.integers(0, 5), st.integers(0, 3), st.sampled_from(["A", "B", "C"])), max_size=12
)


def base_project(folder: Path) -> Path:
    store = build_project(folder / "base.db", respondents=6)
    for number, code_id in enumerate(CODE_IDS):
        add_code(store, f"Code {number}", code_id=code_id)
    store.close()
    return folder / "base.db"


def coded_copy(base: Path, name: str, codings, new_code: str | None = None) -> Path:
    path = base.parent / name
    shutil.copy(base, path)
    with open_project(path) as store:
        segments = segment_ids(store)
        for segment, code, coder in codings:
            add_coding(store, segments[segment], CODE_IDS[code], coder)
        if new_code:
            add_coding(store, segments[0], add_code(store, new_code), "A")
        with store.atomic():
            store.log_event("test", coder="A", target=name)
    return path


def table_snapshot(path: Path) -> dict:
    with open_project(path, read_only=True) as store:
        return {
            "codings": coding_triples(store),
            "coding ids": {row["id"] for row in store.rows("SELECT id FROM codings")},
            "segments": {tuple(row.values()) for row in store.rows("SELECT id, start, end FROM segments")},
            "codes": {row["id"] for row in store.rows("SELECT id FROM codes")},
            "events": {row["id"] for row in store.rows("SELECT id FROM events WHERE kind != 'merge'")},
            "answers": store.scalar("SELECT COUNT(*) FROM answers"),
        }


def merged(first: Path, second: Path, name: str) -> Path:
    path = first.parent / name
    shutil.copy(first, path)
    with open_project(path) as store:
        merge_project(store, second)
    return path


@settings(deadline=None, max_examples=15)
@given(first_codings=codings_strategy, second_codings=codings_strategy)
def test_merge_keeps_everything_is_idempotent_and_order_free(first_codings, second_codings):
    with tempfile.TemporaryDirectory() as folder:
        base = base_project(Path(folder))
        first = coded_copy(base, "a.db", first_codings, new_code="Only in A")
        second = coded_copy(base, "b.db", second_codings, new_code="Only in B")
        one_way = merged(first, second, "ab.db")
        expected = table_snapshot(first)["codings"] | table_snapshot(second)["codings"]
        assert table_snapshot(one_way)["codings"] == expected

        before = table_snapshot(one_way)
        with open_project(one_way) as store:
            report = merge_project(store, second)
        assert not report.changed
        assert table_snapshot(one_way) == before

        other_way = merged(second, first, "ba.db")
        assert table_snapshot(other_way)["codings"] == before["codings"]
        assert table_snapshot(other_way)["events"] == before["events"]


def test_answers_are_matched_by_respondent_question_and_wave(tmp_path):
    first = build_project(tmp_path / "a.db", respondents=3)
    second = build_project(tmp_path / "b.db", respondents=0)
    with second.atomic():
        second.execute("INSERT INTO respondents (id) VALUES ('r0002'), ('r0001'), ('r9999')")
        for respondent in ("r0002", "r0001"):
            add_answer(second, respondent, "q01", f"Answer {respondent[-1]} to q01.")
        new_segment = add_answer(second, "r9999", "q01", "A brand new answer.")
    code = add_code(second, "Waiting lists")
    matched_segment = stable_id("segment", "r0001", "q01", 2024)
    add_coding(second, matched_segment, code, "B")
    add_coding(second, new_segment, code, "B")
    second.close()
    report = merge_project(first, tmp_path / "b.db")
    assert report.added["answers"] == 1 and report.added["codings"] == 2
    assert first.scalar("SELECT COUNT(*) FROM answers") == 4
    answer_of = "SELECT a.respondent_id FROM segments s JOIN answers a ON a.id = s.answer_id WHERE s.id = ?"
    assert first.scalar(answer_of, (matched_segment,)) == "r0001"
    assert report.segment_conflicts == ()


def test_conflicting_segmentation_is_reported_not_dropped(tmp_path):
    base = base_project(tmp_path)
    other = tmp_path / "other.db"
    shutil.copy(base, other)
    with open_project(other) as store, store.atomic():
        first = segment_ids(store)[0]
        store.execute("UPDATE segments SET end = 3 WHERE id = ?", (first,))
        answer = store.scalar("SELECT answer_id FROM segments WHERE id = ?", (first,))
        store.execute(
            "INSERT INTO segments (id, answer_id, start, end, created_at) VALUES "
            "('split-right', ?, 3, 10, ?)",
            (answer, now()),
        )
    with open_project(base) as store:
        report = merge_project(store, other)
        kinds = sorted(conflict["kind"] for conflict in report.segment_conflicts)
        assert kinds == ["different span", "overlap"]
        assert store.scalar("SELECT COUNT(*) FROM segments WHERE id = 'split-right'") == 1


def test_codes_created_twice_are_reported_and_unified(tmp_path):
    base = base_project(tmp_path)
    first = coded_copy(base, "a.db", [], new_code="Lange ventetider")
    second = coded_copy(base, "b.db", [], new_code="Lang ventetider")
    with open_project(first) as store:
        report = merge_project(store, second)
        assert [duplicate.reason for duplicate in report.duplicate_codes] == ["similar name (97 %)"]
        assert unify_codes(store, list(report.duplicate_codes), "A") == 1
        assert find_duplicate_codes(store) == []
        live = store.rows("SELECT name FROM codes WHERE merged_into IS NULL AND name LIKE 'Lang%'")
        assert live == [{"name": "Lange ventetider"}]
        assert store.scalar("SELECT COUNT(*) FROM codings") == 1


def test_merge_command_reports_and_unifies(tmp_path, capsys, monkeypatch):
    from workbench.cli import main

    monkeypatch.setenv("WORKBENCH_CONFIG_DIR", str(tmp_path / "config"))
    base = base_project(tmp_path)
    first = coded_copy(base, "a.db", [(0, 1, "A")], new_code="Lange ventetider")
    second = coded_copy(base, "b.db", [(1, 1, "B")], new_code="Lang ventetider")
    assert main(["merge", str(first), str(second)]) == 0
    output = capsys.readouterr().out
    assert "Code created twice" in output and "--unify" in output
    assert main(["merge", str(first), str(second), "--unify", "--coder", "A"]) == 0
    assert "Unified 1 duplicate codes." in capsys.readouterr().out
    assert main(["merge", str(first), str(first)]) == 2


def test_other_features_tables_are_merged_by_key_or_as_logs(tmp_path):
    base = base_project(tmp_path)
    with open_project(base) as store, store.atomic():
        store.execute("CREATE TABLE feature_notes (segment_id TEXT PRIMARY KEY, note TEXT)")
        store.execute("CREATE TABLE feature_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, what TEXT)")
        store.execute("CREATE TABLE feature_cache (answer_id INTEGER, value TEXT)")
    first, second = coded_copy(base, "a.db", []), coded_copy(base, "b.db", [])
    with open_project(second) as store, store.atomic():
        store.execute("INSERT INTO feature_notes VALUES ('s1', 'from B')")
        store.execute("INSERT INTO feature_log (what) VALUES ('B did this'), (NULL)")
    with open_project(first) as store:
        with store.atomic():
            store.execute("INSERT INTO feature_log (what) VALUES ('A did this')")
        report = merge_project(store, second)
        assert report.unmerged_tables == ("feature_cache",)
        assert report.added["feature_notes"] == 1 and report.added["feature_log"] == 2
        assert not merge_project(store, second).changed
        logged = [row["what"] for row in store.rows("SELECT what FROM feature_log ORDER BY seq")]
        assert logged == ["A did this", "B did this", None]


# --- Replaying events: every decision crosses, the later one wins ---------------------------


def event_base(folder: Path, respondents: int = 4) -> Path:
    """A project whose codes were created through the coding API (so they have events)."""
    store = build_project(folder / "base.db", respondents=respondents)
    for number in range(3):
        coding.create_code(store, f"Code {number}", "lead")
    store.close()
    return folder / "base.db"


def copies(base: Path, *names: str) -> list[Path]:
    paths = [base.parent / name for name in names]
    for path in paths:
        shutil.copy(base, path)
    return paths


def code_id(store, name: str) -> str:
    return store.scalar("SELECT id FROM codes WHERE name = ?", (name,))


def state(path: Path) -> dict:
    """What a coordinator compares: codings, code names and definitions, segments, memos."""
    with open_project(path, read_only=True) as store:
        return {
            "codings": sorted(store.db.execute("SELECT id, segment_id, code_id, coder FROM codings")),
            "codes": sorted(store.db.execute("SELECT id, name, definition, retired, merged_into FROM codes")),
            "segments": sorted(store.db.execute("SELECT id, answer_id, start, end FROM segments")),
            "memos": sorted(store.db.execute("SELECT id, segment_id, text FROM memos")),
        }


def merge_into(target: Path, source: Path):
    with open_project(target) as store:
        return merge_project(store, source)


def test_a_removal_in_one_copy_stays_removed_both_ways(tmp_path):
    base = event_base(tmp_path)
    with open_project(base) as store:
        coding.apply_codes(store, segment_ids(store)[0], [code_id(store, "Code 0")], "A")
    first, second = copies(base, "c1.db", "c2.db")
    with open_project(first) as store:
        assert coding.remove_codes(store, segment_ids(store)[0], [code_id(store, "Code 0")], "A") == 1
    report = merge_into(second, first)
    assert state(second)["codings"] == []
    assert report.by_coder["A"]["codings removed"] == 1
    merge_into(first, second)
    assert state(first) == state(second)


def test_removed_and_applied_in_a_copy_arrives_as_such(tmp_path):
    base = event_base(tmp_path)
    with open_project(base) as store:
        coding.apply_codes(store, segment_ids(store)[1], [code_id(store, "Code 0")], "ola")
    kari, ola = copies(base, "kari.db", "ola.db")
    with open_project(ola) as store:
        segment = segment_ids(store)[1]
        coding.remove_codes(store, segment, [code_id(store, "Code 0")], "ola")
        coding.apply_codes(store, segment, [code_id(store, "Code 1")], "ola")
        coding.define_code(store, code_id(store, "Code 2"), "ola", definition="Sharper rule")
        coding.retire_code(store, code_id(store, "Code 2"), "ola")
    merge_into(kari, ola)
    with open_project(kari, read_only=True) as store:
        names = store.rows(
            "SELECT c.name FROM codings k JOIN codes c ON c.id = k.code_id WHERE k.coder = 'ola'"
        )
        assert names == [{"name": "Code 1"}]
        row = store.rows("SELECT definition, retired FROM codes WHERE name = 'Code 2'")[0]
        assert row == {"definition": "Sharper rule", "retired": 1}


def test_a_rename_in_one_copy_is_taken_and_two_renames_wait_as_a_conflict(tmp_path):
    from workbench.review.conflicts import settle

    base = event_base(tmp_path)
    kari, ola = copies(base, "kari.db", "ola.db")
    with open_project(kari) as store:
        coding.rename_code(store, code_id(store, "Code 0"), "Waiting lists", "kari")
        coding.rename_code(store, code_id(store, "Code 1"), "Cooperation", "kari")
    with open_project(ola) as store:
        coding.rename_code(store, code_id(store, "Code 1"), "Collaboration", "ola")
    report = merge_into(ola, kari)
    assert [conflict["kind"] for conflict in report.conflicts] == ["rename"]
    with open_project(ola) as store:
        names = {row["name"] for row in store.rows("SELECT name FROM codes")}
        assert {"Waiting lists", "Collaboration"} <= names
        conflict_id = report.conflicts[0]["id"]
        settle(store, conflict_id, "theirs", "ola")
        assert code_id(store, "Cooperation") is not None
        with pytest.raises(UserError, match="already settled"):
            settle(store, conflict_id, "mine", "ola")
    merge_into(kari, ola)
    assert state(kari)["codes"] == state(ola)["codes"]


def test_codes_on_an_answer_whose_text_differs_wait_as_a_conflict(tmp_path):
    from workbench.review.conflicts import settle

    base = event_base(tmp_path)
    kari, ola = copies(base, "kari.db", "ola.db")
    with open_project(ola) as store, store.atomic():
        store.execute("UPDATE answers SET text = 'A much longer corrected answer text.' WHERE id = 1")
        store.execute("UPDATE segments SET end = 36 WHERE answer_id = 1")
    with open_project(ola) as store:
        segment = segment_ids(store)[0]
        left, _ = coding.split_segment(store, segment, 30, "ola")
        coding.apply_codes(store, left, [code_id(store, "Code 1")], "ola")
    report = merge_into(kari, ola)
    assert [conflict["kind"] for conflict in report.conflicts] == ["answer text"]
    with open_project(kari) as store:
        text_length = store.scalar("SELECT length(text) FROM answers WHERE id = 1")
        assert store.scalar("SELECT MAX(end) FROM segments WHERE answer_id = 1") == text_length
        assert store.scalar("SELECT COUNT(*) FROM codings WHERE coder = 'ola'") == 0
        settle(store, report.conflicts[0]["id"], "theirs", "kari")
        assert store.scalar("SELECT COUNT(*) FROM segments WHERE answer_id = 1 AND coder = 'ola'") == 2
        assert store.scalar("SELECT COUNT(*) FROM segments WHERE answer_id = 1 AND coder IS NULL") == 1
        assert store.scalar("SELECT COUNT(*) FROM codings WHERE coder = 'ola'") == 1


def _spans(store, coder: str | None) -> list[tuple[int, int]]:
    rows = store.rows(
        "SELECT start, end FROM segments WHERE answer_id = 1 AND coder IS ? ORDER BY start", (coder,)
    )
    return [(row["start"], row["end"]) for row in rows]


def test_two_coders_splitting_an_answer_differently_is_no_conflict(tmp_path):
    base = event_base(tmp_path)
    kari, ola = copies(base, "kari.db", "ola.db")
    for path, coder, at in ((kari, "kari", 3), (ola, "ola", 6)):
        with open_project(path) as store:
            segment = segment_ids(store)[0]
            coding.apply_codes(store, segment, [code_id(store, "Code 0")], coder)
            coding.split_segment(store, segment, at, coder)
    assert merge_into(kari, ola).conflicts == ()
    assert merge_into(ola, kari).conflicts == ()
    with open_project(kari) as store:
        assert _spans(store, None) == [(0, 16)]
        assert _spans(store, "kari") == [(0, 3), (3, 16)]
        assert _spans(store, "ola") == [(0, 6), (6, 16)]
        on_shared = (
            "SELECT COUNT(*) FROM codings k JOIN segments s ON s.id = k.segment_id WHERE s.coder IS NULL"
        )
        assert store.scalar(on_shared) == 0
        owners = store.rows(
            "SELECT DISTINCT k.coder, s.coder AS owner FROM codings k JOIN segments s ON s.id = k.segment_id"
        )
        assert sorted((row["coder"], row["owner"]) for row in owners) == [("kari", "kari"), ("ola", "ola")]
    assert state(ola)["segments"] == state(kari)["segments"]
    assert state(ola)["codings"] == state(kari)["codings"]


def test_one_coder_splitting_an_answer_differently_in_two_copies_is_a_conflict(tmp_path):
    from workbench.review.conflicts import settle

    base = event_base(tmp_path)
    first, second = copies(base, "kari.db", "kari-laptop.db")
    for path, at in ((first, 3), (second, 6)):
        with open_project(path) as store:
            segment = segment_ids(store)[0]
            coding.apply_codes(store, segment, [code_id(store, "Code 0")], "kari")
            coding.split_segment(store, segment, at, "kari")
    report = merge_into(first, second)
    assert [conflict["kind"] for conflict in report.conflicts] == ["segmentation"]
    with open_project(first) as store:
        assert _spans(store, "kari") == [(0, 3), (3, 16)]
        settle(store, report.conflicts[0]["id"], "mine", "kari")
        assert _spans(store, "kari") == [(0, 3), (3, 16)]
        assert _spans(store, None) == [(0, 16)]
        assert store.scalar("SELECT COUNT(*) FROM codings WHERE coder = 'kari'") == 2
    merge_into(second, first)
    assert state(second)["segments"] == state(first)["segments"]
    assert state(second)["codings"] == state(first)["codings"]


@pytest.mark.parametrize("side", ["mine", "theirs"])
def test_settling_a_coders_segmentation_keeps_every_coding_in_its_coders_segmentation(tmp_path, side):
    from workbench.review.conflicts import settle

    base = event_base(tmp_path)
    first, second = copies(base, "kari.db", "kari-laptop.db")
    for path, at in ((first, 3), (second, 6)):
        with open_project(path) as store:
            segment = segment_ids(store)[0]
            coding.apply_codes(store, segment, [code_id(store, "Code 0")], "kari")
            coding.split_segment(store, segment, at, "kari")
    with open_project(second) as store:
        coding.apply_codes(store, segment_ids(store)[0], [code_id(store, "Code 1")], "ola")
    report = merge_into(first, second)
    with open_project(first) as store:
        settle(store, report.conflicts[0]["id"], side, "kari")
        assert _spans(store, "kari") == ([(0, 3), (3, 16)] if side == "mine" else [(0, 6), (6, 16)])
        placed = store.rows(
            "SELECT k.coder, s.coder AS owner, s.start, s.end FROM codings k "
            "JOIN segments s ON s.id = k.segment_id WHERE s.answer_id = 1 ORDER BY k.coder, s.start"
        )
        assert [(row["coder"], row["owner"]) for row in placed] == [
            ("kari", "kari"),
            ("kari", "kari"),
            ("ola", None),
        ]


def test_merge_command_speaks_in_words_and_settles_conflicts(tmp_path, capsys, monkeypatch):
    from workbench.cli import main
    from workbench.cli.teams import merge_words

    monkeypatch.setenv("WORKBENCH_CONFIG_DIR", str(tmp_path / "config"))
    assert merge_words(
        {"ola": Counter({"codings added": 55, "codings removed": 3, "codes created": 1})}, 2
    ) == ["ola: 55 codings added, 3 removed, 1 code created; 2 conflicts to settle"]
    base = event_base(tmp_path)
    kari, ola = copies(base, "kari.db", "ola.db")
    with open_project(ola) as store:
        segments = segment_ids(store)
        coding.apply_to_segments(store, segments[:2], [code_id(store, "Code 0")], "ola")
        coding.create_code(store, "New idea", "ola")
        coding.rename_code(store, code_id(store, "Code 1"), "Theirs", "ola")
    with open_project(kari) as store:
        coding.rename_code(store, code_id(store, "Code 1"), "Mine", "kari")
    assert main(["merge", str(kari), str(ola)]) == 0
    output = capsys.readouterr().out
    assert "ola: 2 codings added, 1 code created; 1 conflict to settle" in output
    assert "differs in the other file" not in output
    assert main(["merge", str(kari), "--conflicts"]) == 0
    assert "1. code renamed differently: 'Mine' here, 'Theirs' there" in capsys.readouterr().out
    assert main(["merge", str(kari), "--conflicts", "--take", "theirs", "--only", "2"]) == 2
    assert "there are 1 open merge conflicts" in capsys.readouterr().err
    assert main(["merge", str(kari), "--conflicts", "--take", "theirs", "--coder", "kari"]) == 0
    assert main(["merge", str(kari), "--conflicts"]) == 0
    assert "No merge conflicts." in capsys.readouterr().out
    assert main(["merge", str(kari)]) == 2


def test_code_merges_moves_and_memos_cross_and_follow_each_other(tmp_path):
    from workbench.coding.memos import save_memo

    base = event_base(tmp_path)
    kari, ola = copies(base, "kari.db", "ola.db")
    with open_project(kari) as store:
        theme = coding.create_code(store, "Theme", "kari").id
        coding.move_code(store, code_id(store, "Code 2"), theme, "kari")
        coding.merge_codes(store, code_id(store, "Code 0"), code_id(store, "Code 1"), "kari")
        save_memo(store, segment_ids(store)[0], "kari", "first thought")
    with open_project(ola) as store:
        coding.apply_codes(store, segment_ids(store)[2], [code_id(store, "Code 0")], "ola")
        save_memo(store, segment_ids(store)[0], "kari", "kari's later thought")
    merge_into(kari, ola)
    merge_into(ola, kari)
    assert state(kari) == state(ola)
    with open_project(kari, read_only=True) as store:
        coded = store.rows(
            "SELECT c.name FROM codings k JOIN codes c ON c.id = k.code_id WHERE k.coder = 'ola'"
        )
        assert coded == [{"name": "Code 1"}]
        assert store.rows("SELECT text FROM memos") == [{"text": "kari's later thought"}]
        parent = store.scalar(
            "SELECT p.name FROM codes c JOIN codes p ON p.id = c.parent_id WHERE c.name = 'Code 2'"
        )
        assert parent == "Theme"

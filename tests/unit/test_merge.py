"""Merging coders' project files: nothing lost, idempotent, order-independent, conflicts reported."""

import shutil
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from teams_project import add_answer, add_code, add_coding, build_project, coding_triples, segment_ids

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

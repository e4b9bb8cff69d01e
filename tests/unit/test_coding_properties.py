"""Random sequences of codebook and coding operations keep the core's invariants."""

import tempfile
from pathlib import Path

from coding_project import build_project, table_dump
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench import coding
from workbench.errors import UserError

OPERATIONS = (
    "create",
    "theme",
    "apply",
    "remove",
    "rename",
    "move",
    "merge",
    "split",
    "retire",
    "cut",
    "join",
    "undo",
    "redo",
)
steps = st.lists(
    st.tuples(st.sampled_from(OPERATIONS), st.integers(0, 30), st.integers(0, 30), st.integers(1, 12)),
    max_size=40,
)


def all_ids(store, table, where="1"):
    return [row["id"] for row in store.rows(f"SELECT id FROM {table} WHERE {where} ORDER BY created_at, id")]


def pick(ids, index):
    return ids[index % len(ids)] if ids else None


def merge_keeps_codings(store, source, target):
    before = {
        (r["segment_id"], r["coder"])
        for r in store.rows("SELECT segment_id, coder FROM codings WHERE code_id IN (?, ?)", (source, target))
    }
    coding.merge_codes(store, source, target, "ann")
    after = {
        (r["segment_id"], r["coder"])
        for r in store.rows("SELECT segment_id, coder FROM codings WHERE code_id = ?", (target,))
    }
    assert after == before


def run(store, operation, first, second, number):
    codes = all_ids(store, "codes", "retired = 0 AND merged_into IS NULL")
    segments = all_ids(store, "segments")
    code, other, segment = pick(codes, first), pick(codes, second), pick(segments, second)
    if operation in ("create", "theme"):
        parent = pick(codes, first) if number % 2 else None
        coding.create_code(store, f"C{number}", "ann", parent_id=parent, is_theme=operation == "theme")
    elif operation == "apply" and code and segment:
        coder = "ann" if number % 3 else "bob"
        coding.apply_codes(store, segment, [code], coder)
    elif operation == "remove" and code and segment:
        coding.remove_codes(store, segment, [code], "ann")
    elif operation == "rename" and code:
        coding.rename_code(store, code, f"R{number}", "ann")
    elif operation == "move" and code:
        coding.move_code(store, code, other if number % 2 else None, "ann")
    elif operation == "merge" and code and other:
        merge_keeps_codings(store, code, other)
    elif operation == "split" and code:
        chosen = all_ids(store, "codings", f"code_id = '{code}'")[: number % 3]
        coding.split_code(store, code, f"S{number}", chosen, "ann")
    elif operation == "retire" and code:
        coding.retire_code(store, code, "ann")
    elif operation == "cut" and segment:
        row = store.rows("SELECT start, end FROM segments WHERE id = ?", (segment,))[0]
        coding.split_segment(store, segment, row["start"] + number, "ann")
    elif operation == "join" and segment:
        row = store.rows("SELECT answer_id FROM segments WHERE id = ?", (segment,))[0]
        ids = [s.id for s in coding.segments_of_answer(store, row["answer_id"])]
        coding.merge_segments(store, segment, pick(ids, ids.index(segment) + 1), "ann")
    elif operation == "undo":
        coding.undo(store, "ann")
    elif operation == "redo":
        coding.redo(store, "ann")


def assert_consistent(store):
    assert store.rows("PRAGMA foreign_key_check") == []
    dangling = store.scalar(
        "SELECT COUNT(*) FROM codings k LEFT JOIN codes c ON c.id = k.code_id "
        "LEFT JOIN segments s ON s.id = k.segment_id WHERE c.id IS NULL OR s.id IS NULL"
    )
    assert dangling == 0
    overlapping = store.scalar(
        "SELECT COUNT(*) FROM segments a JOIN segments b ON a.answer_id = b.answer_id "
        "AND a.id < b.id AND a.start < b.end AND b.start < a.end AND a.coder IS b.coder"
    )
    assert overlapping == 0


def undo_one(store):
    """Undo one action of either coder; an action others built on is refused until they go."""
    for coder in ("ann", "bob"):
        try:
            if coding.undo(store, coder) is not None:
                return True
        except UserError:
            continue
    return False


@settings(max_examples=60, deadline=None)
@given(steps)
def test_random_sequences_keep_invariants_and_undo_restores_the_start(sequence):
    with tempfile.TemporaryDirectory() as folder:
        store = build_project(
            Path(folder) / "p.db", {"q01": ["Ett svar om ting og tang.", "Kort svar", "Tredje svar"]}
        )
        for name in ("Grunnkode", "Annen kode"):
            coding.create_code(store, name, "setup")
        start = table_dump(store)
        for step in sequence:
            before = table_dump(store)
            try:
                run(store, *step)
            except UserError:
                assert table_dump(store) == before
            assert_consistent(store)
        while undo_one(store):
            pass
        ending = table_dump(store)
        assert {k: v for k, v in ending.items() if k != "coders"} == {
            k: v for k, v in start.items() if k != "coders"
        }
        store.close()

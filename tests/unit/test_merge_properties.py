"""Merging random edit sequences made in two and three copies: every decision survives,
nothing is duplicated, and the order of merges does not matter."""

import itertools
import random
import shutil
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from teams_project import build_project, segment_ids

from workbench import coding
from workbench.project import open_project
from workbench.review.merge import merge_project

CODERS = ("kari", "ola")
# (copy, coder, apply?, segment, code) or (copy, None, definition text, None, code).
edit = st.one_of(
    st.tuples(
        st.integers(0, 2), st.sampled_from(CODERS), st.booleans(), st.integers(0, 3), st.integers(0, 2)
    ),
    st.tuples(
        st.integers(0, 2), st.none(), st.sampled_from(["rule a", "rule b"]), st.none(), st.integers(0, 2)
    ),
)


def base(folder: Path) -> Path:
    store = build_project(folder / "base.db", respondents=4)
    for number in range(3):
        coding.create_code(store, f"Code {number}", "lead")
    store.close()
    return folder / "base.db"


def run_edits(paths: list[Path], edits) -> tuple[dict, dict]:
    """Apply the edits; return the latest effective decision per coding and per definition."""
    codings, definitions = {}, {}
    for copy, coder, what, segment, code in edits:
        with open_project(paths[copy % len(paths)]) as store:
            segment_id = segment_ids(store)[segment] if segment is not None else None
            code_id = store.scalar("SELECT id FROM codes WHERE name = ?", (f"Code {code}",))
            if coder is None:
                if store.scalar("SELECT definition FROM codes WHERE id = ?", (code_id,)) != what:
                    coding.define_code(store, code_id, "lead", definition=what)
                    definitions[code_id] = what
            elif what and coding.apply_codes(store, segment_id, [code_id], coder):
                codings[(segment_id, code_id, coder)] = True
            elif not what and coding.remove_codes(store, segment_id, [code_id], coder):
                codings[(segment_id, code_id, coder)] = False
    return codings, definitions


def snapshot(path: Path) -> tuple:
    with open_project(path, read_only=True) as store:
        return (
            sorted(store.db.execute("SELECT id, segment_id, code_id, coder FROM codings")),
            sorted(store.db.execute("SELECT id, name, definition FROM codes")),
            sorted(store.db.execute("SELECT id, start, end FROM segments")),
        )


def merge_all(paths: list[Path], order: list[tuple[int, int]]) -> None:
    """Merge in the given pairs, then spread: every copy into the first, the first into every copy."""
    rest = [(0, index) for index in range(1, len(paths))] + [(index, 0) for index in range(1, len(paths))]
    for target, source in order + rest:
        if target != source:
            with open_project(paths[target]) as store:
                merge_project(store, paths[source])


def check(copies: int, edits, seed: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        origin = base(Path(folder))
        results = []
        for attempt in range(2):
            paths = [Path(folder) / f"run{attempt}-copy{index}.db" for index in range(copies)]
            for path in paths:
                shutil.copy(origin, path)
            codings, definitions = run_edits(paths, edits)
            pairs = list(itertools.permutations(range(copies), 2))
            random.Random(seed + attempt).shuffle(pairs)
            merge_all(paths, pairs)
            states = [snapshot(path) for path in paths]
            assert all(state[:2] == states[0][:2] for state in states)
            present = {(row[1], row[2], row[3]) for row in states[0][0]}
            assert len(present) == len(states[0][0])  # nothing duplicated
            assert present == {key for key, on in codings.items() if on}  # every decision survives
            definition_of = {row[0]: row[2] for row in states[0][1]}
            assert all(definition_of[code] == text for code, text in definitions.items())
            results.append(states[0])
        assert results[0] == results[1]  # another merge order, the same project


@settings(deadline=None, max_examples=40)
@given(edits=st.lists(edit, max_size=14), seed=st.integers(0, 1000))
def test_two_copies_converge_on_every_latest_decision(edits, seed):
    check(2, edits, seed)


@settings(deadline=None, max_examples=25)
@given(edits=st.lists(edit, max_size=14), seed=st.integers(0, 1000))
def test_three_copies_converge_on_every_latest_decision(edits, seed):
    check(3, edits, seed)

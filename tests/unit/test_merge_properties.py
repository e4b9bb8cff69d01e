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


# Splits by different coders: each coder works in their own copy (kari 0, ola 1, per 2) and
# applies, removes and splits in their own segmentation: (copy = coder, action, answer, offset, code).
SEGMENTING = ("kari", "ola", "per")
segmenting_edit = st.tuples(
    st.integers(0, 2),
    st.sampled_from(["apply", "remove", "split"]),
    st.integers(0, 3),
    st.integers(1, 18),
    st.integers(0, 2),
)


def coder_segment(store, coder: str, answer: int, offset: int) -> dict:
    answer_id = store.scalar("SELECT id FROM answers ORDER BY id LIMIT 1 OFFSET ?", (answer,))
    own = coding.segments_of_answer(store, answer_id, coder)
    return next(s for s in own if s.start <= offset < s.end) if offset < own[-1].end else own[-1]


def run_segmenting_edits(paths: list[Path], edits) -> None:
    for copy, action, answer, offset, code in edits:
        coder = SEGMENTING[copy % len(paths)]
        with open_project(paths[copy % len(paths)]) as store:
            segment = coder_segment(store, coder, answer, offset)
            code_id = store.scalar("SELECT id FROM codes WHERE name = ?", (f"Code {code}",))
            if action == "apply":
                coding.apply_codes(store, segment.id, [code_id], coder)
            elif action == "remove":
                coding.remove_codes(store, segment.id, [code_id], coder)
            elif segment.start < offset < segment.end:
                coding.split_segment(store, segment.id, offset, coder)


def coder_view(path: Path, coder: str) -> tuple:
    """A coder's segmentation and codings by respondent and offsets (ids left out)."""
    with open_project(path, read_only=True) as store:
        spans = store.db.execute(
            "SELECT a.respondent_id, s.start, s.end FROM segments s JOIN answers a ON a.id = s.answer_id "
            "WHERE s.coder IS ?",
            (coder,),
        )
        codes = store.db.execute(
            "SELECT a.respondent_id, s.start, s.end, s.coder, k.code_id FROM codings k "
            "JOIN segments s ON s.id = k.segment_id JOIN answers a ON a.id = s.answer_id WHERE k.coder = ?",
            (coder,),
        )
        return sorted(spans), sorted(codes)


def check_segmenting(copies: int, edits, seed: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        origin = base(Path(folder))
        paths = [Path(folder) / f"copy{index}.db" for index in range(copies)]
        for path in paths:
            shutil.copy(origin, path)
        run_segmenting_edits(paths, edits)
        before = {coder: coder_view(paths[n], coder) for n, coder in enumerate(SEGMENTING[:copies])}
        shared = coder_view(origin, None)
        pairs = list(itertools.permutations(range(copies), 2))
        random.Random(seed).shuffle(pairs)
        merge_all(paths, pairs)
        for path in paths:
            with open_project(path, read_only=True) as store:
                assert store.scalar("SELECT COUNT(*) FROM merge_conflicts") == 0
            assert coder_view(path, None) == shared  # the shared segmentation never changes
            for coder, view in before.items():
                assert coder_view(path, coder) == view  # each coder's own work crossed whole
        states = [snapshot(path) for path in paths]
        assert all(state == states[0] for state in states)


@settings(deadline=None, max_examples=30)
@given(edits=st.lists(segmenting_edit, max_size=14), seed=st.integers(0, 1000))
def test_splits_by_different_coders_cross_without_conflict_in_two_copies(edits, seed):
    check_segmenting(2, edits, seed)


@settings(deadline=None, max_examples=20)
@given(edits=st.lists(segmenting_edit, max_size=14), seed=st.integers(0, 1000))
def test_splits_by_different_coders_cross_without_conflict_in_three_copies(edits, seed):
    check_segmenting(3, edits, seed)

"""Each coder's segmentation of an answer is their own: splits, views, report layer, agreement."""

from __future__ import annotations

import pytest
from teams_project import add_code, build_project

from workbench import coding
from workbench.coding.session import CodingSession
from workbench.coding.split_choice import plan_split, split_by_plan
from workbench.errors import UserError
from workbench.review import adjudication
from workbench.review.measure import measure_agreement
from workbench.store import codings as coding_rows
from workbench.store import report_layer

TEXT = "Answer 0 to q01."  # the first answer of teams_project.build_project


@pytest.fixture
def store(tmp_path):
    store = build_project(tmp_path / "p.db", respondents=4)
    for name in ("A", "B"):
        add_code(store, name)
    for coder in ("kari", "ola"):
        coding.ensure_coder(store, coder)
    yield store
    store.close()


def code(store, name: str) -> str:
    return store.scalar("SELECT id FROM codes WHERE name = ?", (name,))


def shared(store, answer: int = 0) -> str:
    return store.scalar(
        "SELECT s.id FROM segments s JOIN answers a ON a.id = s.answer_id WHERE s.coder IS NULL "
        "ORDER BY a.id LIMIT 1 OFFSET ?",
        (answer,),
    )


def view(store, coder: str, answer_id: int = 1) -> list[tuple[str, list[str]]]:
    """A coder's segments of an answer as (text, their code names)."""
    return [
        (TEXT[row["start"] : row["end"]], sorted(c["name"] for c in row["codings"] if c["coder"] == coder))
        for row in coding_rows.segments_with_codes(store, answer_id, coder)
    ]


def codings_of(store, coder: str) -> list[tuple]:
    return sorted(store.db.execute("SELECT id, segment_id, code_id FROM codings WHERE coder = ?", (coder,)))


def test_two_coders_split_the_same_answer_differently(store):
    segment = shared(store)
    coding.apply_codes(store, segment, [code(store, "A")], "kari")
    coding.apply_codes(store, segment, [code(store, "A"), code(store, "B")], "ola")
    ola_before = codings_of(store, "ola")
    coding.split_segment(store, segment, 7, "kari")
    assert codings_of(store, "ola") == ola_before  # kari's split touched nothing of ola's
    assert view(store, "ola") == [(TEXT, ["A", "B"])]
    assert view(store, "kari") == [("Answer ", ["A"]), ("0 to q01.", ["A"])]
    left, right = coding.split_segment(store, segment, 9, "ola")  # the shared id: ola's copy is cut
    assert view(store, "ola") == [("Answer 0 ", ["A", "B"]), ("to q01.", ["A", "B"])]
    assert view(store, "kari") == [("Answer ", ["A"]), ("0 to q01.", ["A"])]
    assert store.rows("SELECT start, end FROM segments WHERE id = ?", (segment,)) == [{"start": 0, "end": 16}]
    with pytest.raises(UserError, match="belongs to ola's segmentation"):
        coding.split_segment(store, left, 3, "kari")
    with pytest.raises(UserError, match="two different coders' segmentations"):
        coding.merge_segments(store, left, coding_rows.segments_with_codes(store, 1, "kari")[1]["id"], "kari")
    coding.undo(store, "ola")
    assert view(store, "ola") == [(TEXT, ["A", "B"])]
    assert codings_of(store, "ola") == ola_before  # ids and segment back on the shared segment
    assert view(store, "kari") == [("Answer ", ["A"]), ("0 to q01.", ["A"])]


def test_joining_shared_segments_joins_the_coders_own_copy(store):
    segment = shared(store)
    store.execute("UPDATE segments SET end = 7 WHERE id = ?", (segment,))  # a split made before owners
    store.execute(
        "INSERT INTO segments (id, answer_id, start, end, created_at) VALUES ('old-right', 1, 7, 16, '2024')"
    )
    coding.apply_codes(store, "old-right", [code(store, "B")], "ola")
    kept = coding.merge_segments(store, segment, "old-right", "kari")
    assert view(store, "kari") == [(TEXT, [])] and kept != segment
    assert view(store, "ola") == [("Answer ", []), ("0 to q01.", ["B"])]


def test_a_session_shows_the_coders_own_segmentation_and_the_uncoded_part_next(store):
    segment = shared(store)
    coding.apply_codes(store, segment, [code(store, "B")], "ola")
    kari = CodingSession(store, "kari", 2024)
    kari.open_question("q01")
    kari.apply_code(code(store, "A"))
    kari.cursor = 10
    assert kari.split_at([7]) == 1
    assert [(s.start, [c["coder"] for c in s.codings]) for s in kari.segments] == [(0, []), (7, ["kari"])]
    assert kari.next_uncoded_segment() and kari.segment.start == 0
    ola = CodingSession(store, "ola", 2024)
    ola.open_question("q01")
    assert [(s.start, s.end) for s in ola.segments] == [(0, 16)]
    assert [c["coder"] for c in ola.segments[0].codings] == ["ola"]  # kari's codes moved off it


def test_a_plan_sends_each_code_to_the_part_chosen(store):
    segment = shared(store)
    coding.apply_codes(store, segment, [code(store, "A"), code(store, "B")], "kari")
    session = CodingSession(store, "kari", 2024)
    session.open_question("q01")
    paths = {code(store, "A"): "A", code(store, "B"): "B"}
    plan = plan_split(session.segments, 0, [7, 12], "kari", paths)
    assert plan.parts == ((0, 7), (7, 12), (12, 16)) and plan.places == (0, 0) and not plan.moved
    plan = plan.move(2).move(2).move(1).move(1).move(1).move(9)
    assert plan.places == (0, 2) and plan.moved
    assert split_by_plan(store, "kari", session.segments, plan) == 2
    assert view(store, "kari") == [("Answer ", ["A"]), ("0 to ", []), ("q01.", ["B"])]
    coding.undo(store, "kari")
    assert view(store, "kari") == [(TEXT, ["A", "B"])]


def test_resplit_is_one_undo_step(store):
    session = CodingSession(store, "kari", 2024)
    session.open_question("q01")
    session.apply_code(code(store, "A"))
    paths = {code(store, "A"): "A"}
    plan = plan_split(session.segments, session.cursor, [7], "kari", paths)
    session.split_at([7])
    assert session.resplit(plan.move(1))
    assert view(store, "kari") == [("Answer ", []), ("0 to q01.", ["A"])]
    assert session.undo().startswith("Undone")
    assert view(store, "kari") == [(TEXT, ["A"])]


def split_and_code(store, answer: int, coder: str, parts: list[list[str]], at: int = 7) -> None:
    segment = shared(store, answer)
    if len(parts) == 1:
        coding.apply_codes(store, segment, [code(store, n) for n in parts[0]], coder)
        return
    left, right = coding.split_segment(store, segment, at, coder)
    for part, names in zip((left, right), parts, strict=True):
        coding.apply_codes(store, part, [code(store, n) for n in names], coder)


def test_agreement_on_differing_segmentations_uses_the_answer(store, tmp_path):
    plain = build_project(tmp_path / "plain.db", respondents=4)
    for name in ("A", "B"):
        add_code(plain, name)
    whole = [["A", "B"], ["A"], ["B"], ["A"]]
    theirs = [["A", "B"], ["B"], ["B"], ["A"]]
    for answer, (mine, other) in enumerate(zip(whole, theirs, strict=True)):
        split_and_code(store, answer, "kari", [["A"], ["B"]] if mine == ["A", "B"] else [mine])
        split_and_code(store, answer, "ola", [other])
        split_and_code(plain, answer, "kari", [mine])
        split_and_code(plain, answer, "ola", [other])
    split_result, plain_result = (
        measure_agreement(store, ["kari", "ola"]),
        measure_agreement(plain, ["kari", "ola"]),
    )
    assert split_result.unit == "answer" and split_result.segments == 4
    assert split_result.to_json() == plain_result.to_json()
    assert split_result.percent_exact_sets == pytest.approx(0.75)
    plain.close()


def test_adjudication_and_report_layer_on_an_answer_segmented_differently(store):
    split_and_code(store, 0, "kari", [["A"], ["B"]])
    split_and_code(store, 0, "ola", [["A"]])
    split_and_code(store, 1, "kari", [["A"]])
    split_and_code(store, 1, "ola", [["B"]])
    assert sorted(report_layer.layer_code_pairs(store, 2024, "kari")) == sorted(
        [
            ("q01", "r0000", code(store, "A")),
            ("q01", "r0000", code(store, "B")),
            ("q01", "r0001", code(store, "A")),
        ]
    )
    quotes = report_layer.layer_segments(store, "q01", 2024, all_segments=True, coder="kari")
    assert [row["segment_id"] for row in quotes][:2] == [
        row["id"] for row in coding_rows.segments_with_codes(store, 1, "kari")
    ]
    first, second = adjudication.disagreements(store, "kari", "ola")
    assert (first.unit, first.text, first.segment_id) == ("answer", TEXT, shared(store, 0))
    assert (second.unit, second.segment_id) == ("segment", shared(store, 1))
    adjudication.decide(store, first, ("kari", "ola"), "second", "kari")
    pairs = report_layer.layer_code_pairs(store, 2024, "kari")
    assert sorted(pair for pair in pairs if pair[1] == "r0000") == [("q01", "r0000", code(store, "A"))]
    assert report_layer.settled_segment_count(store) == 1


def test_review_shows_the_coders_own_segments_with_the_others_codes_beside(store):
    from workbench.review.comments import review_answer

    split_and_code(store, 0, "kari", [["A"], ["B"]])
    split_and_code(store, 0, "ola", [["B"]])
    reviewed = review_answer(store, 1, "kari", other="ola")
    assert [(item.text, item.code_paths, item.other_paths) for item in reviewed] == [
        ("Answer ", ("A",), ("B",)),
        ("0 to q01.", ("B",), ("B",)),
    ]
    assert [(item.text, item.other_paths) for item in review_answer(store, 1, "ola", other="kari")] == [
        (TEXT, ("A", "B"))
    ]


def test_a_split_copies_only_the_segment_cut(store):
    first = shared(store)
    store.execute("UPDATE segments SET end = 7 WHERE id = ?", (first,))  # a split made before owners
    store.execute(
        "INSERT INTO segments (id, answer_id, start, end, created_at) VALUES ('old-right', 1, 7, 16, '2024')"
    )
    for segment, name in ((first, "A"), ("old-right", "B")):
        for coder in ("kari", "ola"):
            coding.apply_codes(store, segment, [code(store, name)], coder)
    coding.split_segment(store, first, 3, "kari")
    assert view(store, "kari") == [("Ans", ["A"]), ("wer ", ["A"]), ("0 to q01.", ["B"])]
    assert view(store, "ola") == [("Answer ", ["A"]), ("0 to q01.", ["B"])]
    kept = store.rows("SELECT coder FROM codings WHERE segment_id = 'old-right' ORDER BY coder")
    assert kept == [{"coder": "kari"}, {"coder": "ola"}]  # the part not cut stays shared
    assert store.scalar("SELECT COUNT(*) FROM segments WHERE coder = 'kari'") == 2


def test_the_methods_paragraph_names_the_answer_as_unit_and_counts_answers_segmented_apart(store):
    from workbench.review.methods_text import gather, paragraph

    def facts():
        result = measure_agreement(store, ["kari", "ola"])
        return gather(store, result, {"q01": measure_agreement(store, ["kari", "ola"], "q01")})

    for answer in (1, 2):
        for coder in ("kari", "ola"):
            split_and_code(store, answer, coder, [["A"]])
    unsplit = facts()
    assert unsplit.segmented_apart == 0 and "segmented" not in paragraph(unsplit, "en")
    split_and_code(store, 0, "kari", [["A"], ["B"]])
    split_and_code(store, 0, "ola", [["A", "B"]])
    split = facts()
    assert split.segmented_apart == 1
    english = paragraph(split, "en")
    assert "with the answer as the unit" in english
    assert "The coders segmented 1 of the answers differently" in english
    assert "Koderne delte 1 av svarene ulikt i segmenter" in paragraph(split, "nb")


def test_a_coder_cannot_code_another_coders_own_segment(store):
    left, _ = coding.split_segment(store, shared(store), 7, "kari")
    events = store.scalar("SELECT COUNT(*) FROM events")
    with pytest.raises(UserError, match="part of kari's own segmentation; ola cannot code it"):
        coding.apply_codes(store, left, [code(store, "A")], "ola")
    assert codings_of(store, "ola") == [] and store.scalar("SELECT COUNT(*) FROM events") == events
    coding.apply_codes(store, left, [code(store, "A")], "kari")
    assert view(store, "kari")[0] == ("Answer ", ["A"])

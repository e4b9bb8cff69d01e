"""Sentence-level suggestions for long answers: which sentence points to which code."""

from test_suggest_support import CODER, SMALL_CORPUS, build_project, code_answer

from workbench.suggest import Suggester
from workbench.suggest.results import Evidence, SentencePart, Suggestion
from workbench.suggest.sentences import (
    points_to_code,
    sentence_parts,
    sentence_spans,
    split_before,
    with_sentence_parts,
)

LONG = (
    "Lange ventelister og for lite kapasitet i DPS. Ventetiden er altfor lang. "
    "Men samarbeidet med fastlegene fungerer godt."
)


def test_sentence_spans_trim_and_skip_empty_parts():
    text = "  Første setning. Andre!  ... Tredje uten punktum"
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "Første setning.",
        "Andre!",
        "Tredje uten punktum",
    ]


def test_split_points_fall_where_the_best_code_changes():
    assert split_before(["a", "a", "b", None, "b"]) == [False, False, True, False, False]


def test_each_sentence_of_a_long_answer_points_to_its_code(tmp_path):
    answers = [(question, text) for question, text, _ in SMALL_CORPUS] + [("q1", LONG), ("q1", "Som før.")]
    store = build_project(tmp_path, answers)
    for _, text, path in SMALL_CORPUS:
        code_answer(store, text, path)
    suggester = Suggester(store, coder=CODER).fit()
    long_id = store.scalar("SELECT id FROM answers WHERE text = ?", (LONG,))
    parts = suggester.suggest_sentences(long_id)
    assert [LONG[p.start : p.end] for p in parts] == [p.text for p in parts] and len(parts) == 3
    assert [p.suggestions[0].name for p in parts] == [
        "Lange ventelister",
        "Lange ventelister",
        "Godt samarbeid",
    ]
    assert [p.split_before for p in parts] == [False, False, True]
    short_id = store.scalar("SELECT id FROM answers WHERE text = 'Som før.' ORDER BY id DESC")
    assert suggester.suggest_sentences(short_id) == []


def test_sentence_parts_run_until_the_next_code_and_need_two_codes():
    spans = [(0, 5), (6, 10), (11, 20), (21, 30)]
    assert sentence_parts(spans, ["a", None, "b", "b"], 31) == [("a", 1, 0, 11), ("b", 3, 11, 31)]
    assert sentence_parts(spans, ["a", "a", None, "a"], 31) == []
    assert sentence_parts(spans, [None, "b", "a", "b"], 31) == [
        ("b", 2, 0, 11),
        ("a", 3, 11, 21),
        ("b", 4, 21, 31),
    ]


def test_a_long_answers_suggestions_carry_the_part_that_points_to_them(tmp_path):
    answers = [(question, text) for question, text, _ in SMALL_CORPUS] + [("q1", LONG)]
    store = build_project(tmp_path, answers)
    for _, text, path in SMALL_CORPUS:
        code_answer(store, text, path)
    suggester = Suggester(store, coder=CODER).fit()
    found = suggester.suggest_answer(store.scalar("SELECT id FROM answers WHERE text = ?", (LONG,)))
    parts = {item.name: item.sentence for item in found if item.sentence is not None}
    third = LONG.index("Men samarbeidet")
    assert parts == {
        "Lange ventelister": SentencePart(1, 0, third),
        "Godt samarbeid": SentencePart(3, third, len(LONG)),
    }
    short = suggester.suggest_answer(store.scalar("SELECT id FROM answers WHERE text = 'Som før.'"))
    assert short and all(item.sentence is None for item in short)


def _examples(count: int, similarity: float = 0.4, kind: str = "segment") -> tuple[Evidence, ...]:
    return tuple(Evidence(f"s{n}", n, "q1", "tekst", similarity, kind=kind) for n in range(count))


def test_a_code_found_only_in_one_sentence_is_added_at_the_end():
    def suggestion(code_id, sentence=None):
        return Suggestion(code_id, code_id, code_id, 0.5, _examples(2), sentence)

    spans = [(0, 4), (5, 9), (10, 14)]
    ranked = [[suggestion("a")], [suggestion("a")], [suggestion("c")]]
    found = with_sentence_parts([suggestion("a"), suggestion("b")], spans, ranked, 14, top=3)
    assert [(item.code_id, item.sentence) for item in found] == [
        ("a", SentencePart(1, 0, 10)),
        ("b", None),
        ("c", SentencePart(3, 10, 14)),
    ]
    assert len(with_sentence_parts([suggestion("a"), suggestion("b")], spans, ranked, 14, top=2)) == 2


def test_a_sentence_points_to_a_code_only_with_real_evidence():
    def suggestion(code_id, score=0.6, evidence=None):
        return Suggestion(code_id, code_id, code_id, score, _examples(2) if evidence is None else evidence)

    assert points_to_code(suggestion("a"))
    assert not points_to_code(None)
    assert not points_to_code(suggestion("a", score=0.45))  # a weak guess
    assert not points_to_code(suggestion("a", evidence=_examples(1)))  # one coded example
    assert not points_to_code(suggestion("a", evidence=_examples(3, similarity=0.0)))  # none alike
    assert not points_to_code(suggestion("a", evidence=_examples(3, kind="definition")))  # names only


def test_two_codes_known_from_one_example_each_make_no_sentence_hint():
    spans = [(0, 4), (5, 9), (10, 14)]
    weak = Suggestion("a", "a", "a", 0.7, _examples(1))
    other = Suggestion("b", "b", "b", 0.7, _examples(1))
    found = with_sentence_parts([weak, other], spans, [[weak], [weak], [other]], 14, top=3)
    assert all(item.sentence is None for item in found)

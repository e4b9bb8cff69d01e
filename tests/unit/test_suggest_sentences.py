"""Sentence-level suggestions for long answers: which sentence points to which code."""

from test_suggest_support import CODER, SMALL_CORPUS, build_project, code_answer

from workbench.suggest import Suggester
from workbench.suggest.sentences import sentence_spans, split_before

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

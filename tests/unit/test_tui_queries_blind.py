"""Blind filters: only the blind coder's own codings count, so filters cannot reveal others'."""

from workbench import coding
from workbench.project import create_project
from workbench.store import interchange, stable_id, tui_queries
from workbench.store.tui_queries import AnswerFilter


def build(path):
    store = create_project(path)
    with store.atomic():
        interchange.ensure_question(store, "q1")
        for respondent in ("a", "b"):
            interchange.upsert_respondent(store, respondent, {})
            answer_id = interchange.insert_answer(store, respondent, "q1", 2024, f"Svar fra {respondent}.")
            interchange.insert_segment(
                store,
                {
                    "id": stable_id("segment", respondent, "q1", 2024),
                    "answer_id": answer_id,
                    "start": 0,
                    "end": 11,
                },
            )
    for coder in ("ola", "kari"):
        coding.ensure_coder(store, coder)
    code_id = coding.create_code(store, "Samarbeid", "ola").id
    coding.apply_codes(store, stable_id("segment", "a", "q1", 2024), [code_id], "ola")
    return store, code_id


def test_filter_by_code_counts_only_the_blind_coders_codings(tmp_path):
    store, code_id = build(tmp_path / "p.db")
    by_code = AnswerFilter(code_id=code_id)
    assert len(tui_queries.table_rows(store, "q1", 2024, by_code)) == 1
    assert tui_queries.table_rows(store, "q1", 2024, by_code, only_coder="kari") == []
    searched = AnswerFilter(text="Samarbeid")
    assert tui_queries.table_rows(store, "q1", 2024, searched, only_coder="kari") == []
    uncoded = tui_queries.table_rows(store, "q1", 2024, AnswerFilter(uncoded=True), only_coder="kari")
    assert len(uncoded) == 2

"""Blind filters: only the blind coder's own codings count, so filters cannot reveal others'."""

from workbench import coding
from workbench.project import create_project
from workbench.store import answers as answer_rows
from workbench.store import segments as segment_rows
from workbench.store import stable_id, survey
from workbench.store.answers import AnswerFilter


def build(path):
    store = create_project(path)
    with store.atomic():
        survey.ensure_question(store, "q1")
        for respondent in ("a", "b"):
            survey.upsert_respondent(store, respondent, {})
            answer_id = answer_rows.insert_answer(store, respondent, "q1", 2024, f"Svar fra {respondent}.")
            segment_rows.insert_segment(
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
    assert len(answer_rows.table_rows(store, "q1", 2024, by_code)) == 1
    assert answer_rows.table_rows(store, "q1", 2024, by_code, only_coder="kari") == []
    searched = AnswerFilter(text="Samarbeid")
    assert answer_rows.table_rows(store, "q1", 2024, searched, only_coder="kari") == []
    uncoded = answer_rows.table_rows(store, "q1", 2024, AnswerFilter(uncoded=True), only_coder="kari")
    assert len(uncoded) == 2

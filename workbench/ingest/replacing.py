"""Answers whose text in a re-imported file differs from the project's: said, or replaced on purpose.

Without ``replace`` the project's text is kept and the user is told how many answers differ.
With it, each differing answer takes the file's text when that is safe: an answer split into
several segments, or a coded answer that would become empty, is refused by name.
"""

from __future__ import annotations

from workbench.errors import UserError
from workbench.store import Store, imports

Key = tuple[str, str]


def differing_answers(store: Store, wave: int, answers: list[tuple[str, str, str]]) -> list[tuple]:
    """(answer id, respondent, question, old text, new text) where the file says otherwise."""
    known = imports.wave_answers_by_key(store, wave)
    differing = []
    for respondent, question, text in answers:
        answer_id, old = known.get((respondent, question), (None, text))
        if old != text:
            differing.append((answer_id, respondent, question, old, text))
    return differing


def replace_texts(store: Store, wave: int, differing: list[tuple], coder: str | None = None) -> int:
    """Replace each differing answer's text (call inside ``atomic()``); refuse unsafe ones."""
    for answer_id, respondent, question, old, new in differing:
        _refuse_unsafe(answer_id, respondent, question, old, new, imports.segment_spans(store, answer_id))
        segment_id = imports.default_segment_id(respondent, question, wave)
        imports.replace_answer_text(store, answer_id, new, segment_id)
        store.log_event(
            "answer_text_replaced",
            coder=coder,
            target=str(answer_id),
            before={"text": old},
            after={"text": new},
        )
    return len(differing)


def _refuse_unsafe(answer_id, respondent, question, old: str, new: str, spans: list[tuple]) -> None:
    where = f"respondent {respondent}, question {question}"
    if len(spans) > 1 or (spans and (spans[0][0], spans[0][1]) != (0, len(old))):
        raise UserError(
            f"{where}: the answer is split into segments, so its text cannot be replaced; nothing imported."
        )
    if spans and spans[0][2] and not new.strip():
        raise UserError(f"{where}: the coded answer would become empty; nothing imported.")


def differing_warning(file_name: str, wave: int, differing: list[tuple]) -> str:
    """The sentence that says the project's text was kept."""
    _, respondent, question, _, _ = differing[0]
    return (
        f"{len(differing)} answer(s) in {file_name} differ from the project's text for wave {wave} "
        f"(first: respondent {respondent}, question {question}); the project's text was kept. "
        "Import again with --replace to take the file's text."
    )

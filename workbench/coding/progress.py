"""How far the coding of a question has come, and which answer to code next."""

from __future__ import annotations

from workbench.coding.models import Progress
from workbench.store import Store
from workbench.store import answers as answer_rows


def question_progress(
    store: Store,
    question_id: str,
    wave: int | None = None,
    *,
    coder: str | None = None,
    after_answer_id: int | None = None,
) -> Progress:
    """Answered and fully coded answers of a question, and the next uncoded answer.

    An answer is coded when every segment carries a coding (by ``coder``, or by anyone when
    None). The next uncoded answer is the first after ``after_answer_id`` in answer order,
    wrapping round to the start.
    """
    coverage = answer_rows.answer_coverage(store, question_id, wave, coder)
    uncoded = [row["id"] for row in coverage if not row["coded"]]
    return Progress(
        question_id=question_id,
        answered=len(coverage),
        coded=len(coverage) - len(uncoded),
        next_uncoded_answer_id=_next_after(uncoded, [row["id"] for row in coverage], after_answer_id),
    )


def _next_after(uncoded: list[int], order: list[int], after_answer_id: int | None) -> int | None:
    if not uncoded:
        return None
    if after_answer_id is None or after_answer_id not in order:
        return uncoded[0]
    rank = {answer_id: index for index, answer_id in enumerate(order)}
    later = [answer_id for answer_id in uncoded if rank[answer_id] > rank[after_answer_id]]
    return later[0] if later else uncoded[0]

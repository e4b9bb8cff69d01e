"""Saving an edited question mapping of a wave that is already imported.

A status or source change that keeps the project question (split ↔ merged, other sources of
a split or merged question, new ↔ split/merged) only rewrites the stored mapping, at any
time. A change that moves answers to another project question (continued ↔ anything else,
or continued from another question) re-keys that wave's answers and their whole-answer
segments exactly as an import with the new mapping would have stored them. It is allowed
only while those answers carry no work (no codings, memos, reviews, anonymisation, split
segments or events on them), so nothing recorded can point to the old keys; otherwise the
save is refused with a sentence naming the question. One ``wave.mapping`` event records the
mapping before and after (like an import, it is not undone by ``u``: edit it back instead).
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.errors import UserError
from workbench.ingest.mapping import QuestionLink, QuestionMapping
from workbench.ingest.mapping_edit import mapping_problem
from workbench.store import Store, waves
from workbench.store.imports import default_segment_id


@dataclass(frozen=True)
class Move:
    """One question's answers of the wave, moving from one project question to another."""

    form_id: str
    old_id: str
    new_id: str


@dataclass(frozen=True)
class SaveResult:
    wave: int
    moved_answers: int
    moves: tuple[Move, ...]
    dropped_questions: tuple[str, ...]

    def describe(self) -> str:
        if not self.moves:
            return f"Saved the question mapping of wave {self.wave}; no answers moved."
        names = ", ".join(f"{move.form_id} → {move.new_id}" for move in self.moves)
        return (
            f"Saved the question mapping of wave {self.wave}; {self.moved_answers} answers moved ({names})."
        )


def planned_moves(store: Store, mapping: QuestionMapping) -> list[Move]:
    """The questions whose answers change project question, in an order that never collides."""
    stored = {row["form_id"]: row["question_id"] for row in waves.question_wave_rows(store, mapping.wave)}
    moves = [
        Move(link.form_id, stored[link.form_id], link.project_id)
        for link in mapping.links
        if link.form_id in stored and stored[link.form_id] != link.project_id
    ]
    return _ordered(moves)


def _ordered(moves: list[Move]) -> list[Move]:
    """Moves into a question another move vacates come after it; a swap is refused."""
    ordered, pending = [], list(moves)
    while pending:
        vacating = {move.old_id for move in pending}
        free = [move for move in pending if move.new_id not in vacating]
        if not free:
            raise UserError(
                f"{pending[0].form_id} and another question swap their earlier questions; "
                "save one change, then the other."
            )
        ordered += free
        pending = [move for move in pending if move not in free]
    return ordered


def moves_problem(store: Store, wave: int, moves: list[Move]) -> str | None:
    """Why the answers cannot move safely (worked on already), or None."""
    for move in moves:
        worked = waves.worked_answers(store, wave, move.old_id)
        if worked:
            return (
                f"{move.form_id}: {worked} of its {wave} answers are coded or worked on already, so they "
                f"cannot move from {move.old_id} to {move.new_id}; only the status of questions whose "
                "answers stay where they are can change now."
            )
    return None


def save_mapping(store: Store, mapping: QuestionMapping, coder: str | None) -> SaveResult:
    """Check and store the wave's mapping, moving unworked answers where it says; one event."""
    problem = mapping_problem(store, mapping)
    moves = planned_moves(store, mapping) if problem is None else []
    problem = problem or moves_problem(store, mapping.wave, moves)
    if problem:
        raise UserError(problem)
    before = waves.question_wave_rows(store, mapping.wave)
    texts = {link.form_id: link.text for link in mapping.links}
    with store.atomic():
        waves.delete_question_waves(store, mapping.wave)
        moved = 0
        for move in moves:
            waves.copy_question(store, move.old_id, move.new_id, texts[move.form_id])
            moved += waves.move_wave_answers(
                store, mapping.wave, move.old_id, move.new_id, default_segment_id
            )
        waves.record_question_waves(store, mapping.wave, mapping.rows())
        dropped = tuple(move.old_id for move in moves if waves.drop_question_if_unused(store, move.old_id))
        store.log_event(
            "wave.mapping",
            coder=coder,
            target=str(mapping.wave),
            before={"wave": mapping.wave, "questions": [_summary(row) for row in before]},
            after={
                "wave": mapping.wave,
                "questions": [_link_summary(link) for link in mapping.links],
                "moved_answers": moved,
            },
        )
    return SaveResult(mapping.wave, moved, tuple(moves), dropped)


def _summary(row: dict) -> dict:
    return {"form_id": row["form_id"], "status": row["status"], "from": list(row["sources"])}


def _link_summary(link: QuestionLink) -> dict:
    return {"form_id": link.form_id, "status": link.status, "from": list(link.sources)}

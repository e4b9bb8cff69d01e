"""Memos: a coder's note on a segment, an answer, a code or the project, saved as one
undoable change in the event log (one memo per coder and target)."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.coding.changes import recording
from workbench.coding.codebook_tree import Codebook
from workbench.errors import UserError
from workbench.store import Store, stable_id
from workbench.store import answers as answer_rows
from workbench.store import codes as code_rows
from workbench.store import events as event_rows
from workbench.store import memos as memo_rows
from workbench.store import segments as segment_rows

MEMO_SAVE = "memo.save"
MEMO_LINE_WIDTH = 120  # characters of a memo's first line on the coding screen (it wraps)
_REPLAYED = {"undo": "undone", "redo": "redone"}


@dataclass(frozen=True)
class MemoTarget:
    """What a memo is about: ``kind`` segment, answer, code or project, and its id (``ref``)."""

    kind: str
    ref: str | int | None = None

    @classmethod
    def project(cls) -> MemoTarget:
        return cls("project")

    def check(self, store: Store) -> dict:
        """The target's stable description for the event log; a user error if it does not exist."""
        if self.kind == "project":
            return {"target": "project"}
        if self.kind == "segment" and segment_rows.segment_row(store, self.ref) is not None:
            return {"target": "segment", "ref": self.ref}
        if self.kind == "code" and code_rows.code_row(store, self.ref) is not None:
            return {"target": "code", "ref": self.ref}
        if self.kind == "answer" and (found := answer_rows.answer_detail(store, self.ref)):
            where = {"respondent": found["respondent_id"], "question": found["question_id"]}
            return {"target": "answer", "ref": self.ref, **where, "wave": found["wave"]}
        if self.kind not in memo_rows.TARGET_COLUMNS:
            raise ValueError(f"not a memo target: {self.kind}")
        raise UserError(f"There is no {self.kind} with id {self.ref}.")

    def row_fields(self) -> dict:
        """The memo row's target columns."""
        column = memo_rows.TARGET_COLUMNS[self.kind]
        return {"target": self.kind, **({column: self.ref} if column else {})}


def _as_target(target: MemoTarget | str) -> MemoTarget:
    """A segment id stands for the memo on that segment."""
    return target if isinstance(target, MemoTarget) else MemoTarget("segment", target)


def memo_id_for(about: dict, coder: str) -> str:
    """The same id in every copy of the project, so two copies' memos on one target are one."""
    if about["target"] == "segment":
        return stable_id("memo", about["ref"], coder)
    if about["target"] == "answer":
        return stable_id("memo", "answer", about["respondent"], about["question"], about["wave"], coder)
    return stable_id("memo", about["target"], about.get("ref", ""), coder)


def memo_text(store: Store, target: MemoTarget | str, coder: str) -> str:
    """The coder's memo on a target, or an empty string."""
    target = _as_target(target)
    return memo_rows.memo_text_on(store, target.kind, target.ref, coder)


def save_memo(store: Store, target: MemoTarget | str, coder: str, text: str) -> None:
    """Write, replace or (with empty text) delete the coder's memo on a target (a segment id
    stands for that segment)."""
    target = _as_target(target)
    about = target.check(store)
    if memo_text(store, target, coder) == text:
        return
    event_target = target.ref if target.kind == "segment" else f"{target.kind}:{target.ref or ''}"
    with recording(store, MEMO_SAVE, coder, target=str(event_target)) as change:
        change.info = about
        memo_ids = memo_rows.memo_ids_on(store, target.kind, target.ref, coder)
        kept = memo_ids[:1] if text else []
        created = [memo_id_for(about, coder)] if text and not kept else []
        change.touch("memos", memo_ids + created)
        memo_rows.delete_memos(store, memo_ids[len(kept) :])
        for memo_id in kept:
            memo_rows.update_memo_text(store, memo_id, text)
        for memo_id in created:
            row = {"id": memo_id, "coder": coder, "text": text, **target.row_fields()}
            memo_rows.insert_memo_if_new(store, row)


def _saved_text(event: dict) -> str:
    """The memo text an event left behind ("" when it deleted the memo)."""
    for row in event["rows_after"].get("memos", {}).values():
        if row is not None and "text" in row:
            return row["text"]
    return ""


def _about(event: dict) -> dict:
    """What a memo event was about; events before memo targets were on segments."""
    info = event["info"]
    return info if "target" in info else {"target": "segment", "ref": event["target"]}


def _described(about: dict, codebook: Codebook) -> str:
    """Where a memo sits, in words: a segment by its id (as before memo targets)."""
    if about["target"] == "answer":
        return f"answer {about['question']} / {about['respondent']}"
    if about["target"] == "code":
        return f"code {codebook.path(about['ref']) if codebook.get(about['ref']) else about['ref']}"
    return "the project" if about["target"] == "project" else str(about["ref"])


def memo_history(store: Store) -> list[dict]:
    """Every memo change, oldest first: at, coder, target (its kind), ref, about (in words),
    segment_id (segment memos), what (saved, deleted, undone, redone) and the text saved."""
    codebook = Codebook.from_store(store)
    saved: dict[str, dict] = {}
    steps = []
    for event in event_rows.events_of_kinds(store, (MEMO_SAVE, "undo", "redo")):
        if event["kind"] == MEMO_SAVE:
            text, about = _saved_text(event), _about(event)
            step = {
                **about,
                "segment_id": about.get("ref") if about["target"] == "segment" else None,
                "about": _described(about, codebook),
                "what": "saved" if text else "deleted",
                "text": text,
            }
            saved[event["action_id"]] = step
        elif event["target"] in saved:
            step = {**saved[event["target"]], "what": _REPLAYED[event["kind"]]}
        else:
            continue
        steps.append({"at": event["at"], "coder": event["coder"], **step})
    return steps


def first_line(text: str, width: int) -> str:
    """A memo's first line cut to ``width``, with … when anything was left out."""
    lines = text.strip().splitlines() or [""]
    line = lines[0]
    cut = len(line) > width or len(lines) > 1
    return (line[: width - 1].rstrip() + "…") if len(line) > width else line + (" …" if cut else "")


def memo_summary(store: Store, coder: str, segment: tuple[str, int] | None, answer_id: int | None) -> str:
    """One line for the coding screen: the coder's memo on the segment (id, number) under the
    cursor and on the answer, each cut to its first line."""
    parts = []
    if segment is not None and (text := memo_text(store, segment[0], coder)):
        parts.append(f"¶{segment[1]} {first_line(text, MEMO_LINE_WIDTH)}")
    if answer_id is not None and (text := memo_text(store, MemoTarget("answer", answer_id), coder)):
        parts.append(f"answer: {first_line(text, MEMO_LINE_WIDTH)}")
    return "  ·  ".join(parts)

"""The coding screen's memo keys: ``m`` on the segment under the cursor, ``M`` on the answer.

Each opens the multi-line editor on the coder's memo; saving is one change of the session,
so ctrl+z on the coding screen takes it back.
"""

from __future__ import annotations

from workbench.coding.memos import MemoTarget, memo_text
from workbench.screens.memo_editor import MemoEditor


def edit_memo(screen, kind: str) -> None:
    """Open the editor on the coder's memo on the current segment or answer (``kind``)."""
    session = screen.session
    if session is None or session.segment is None or not screen.require_writable():
        return
    place = f"{session.question_id} · {session.position_line()}"
    if kind == "segment":
        target = MemoTarget("segment", session.segment.id)
        title = f"Memo on segment ¶{session.segment_index + 1} · {place}"
    else:
        target = MemoTarget("answer", session.answer_id)
        title = f"Memo on the whole answer · {place}"
    editor = MemoEditor(title, memo_text(screen.store, target, screen.coder))

    def saved(text: str | None) -> None:
        if text is not None:
            screen.change(session.save_memo_on, target, text)

    screen.app.push_screen(editor, saved)

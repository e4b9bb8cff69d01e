"""Editing the answer on the coding screen: split segments, remove codes, write memos."""

from __future__ import annotations

from workbench import coding
from workbench.coding.memos import save_memo
from workbench.errors import UserError
from workbench.screens.choice import ChoiceDialog
from workbench.screens.text_prompt import TextPrompt
from workbench.store import codings as coding_rows
from workbench.store import memos as memo_rows
from workbench.widgets.answer_view import AnswerView


class AnswerEditing:
    """Actions of ``CodingScreen`` that reshape the current answer (a mixin)."""

    def action_split(self) -> None:
        """Split the segment at the cursor, or cut the selection out as its own segment."""
        if not self._writable():
            return
        view = self.query_one(AnswerView)
        cuts = list(view.selection) if view.selection else [view.cursor]
        try:
            for at in sorted(cuts, reverse=True):
                segment = next((s for s in view.segments if s["start"] < at < s["end"]), None)
                if segment:
                    coding.split_segment(self.store, segment["id"], at, self.coder)
                    view.segments = coding_rows.segments_with_codes(self.store, self.answer_id)
        except UserError as error:
            self.notify(str(error), severity="error")
        self.after_change()

    def action_remove_code(self) -> None:
        view = self.query_one(AnswerView)
        if not self._writable():
            return
        mine = [row for row in view.segments[view.current_index]["codings"] if row["coder"] == self.coder]
        choices = [(row["code_id"], self.codes.get(row["code_id"], row)["name"]) for row in mine]
        if len(choices) == 1:
            self._remove(choices[0][0])
        elif choices:
            self.app.push_screen(ChoiceDialog("Remove which code?", choices), self._remove)
        else:
            self.notify("This segment has no code of yours to remove.")

    def _remove(self, code_id: str | None) -> None:
        if code_id and self.current_segment_id:
            coding.remove_codes(self.store, self.current_segment_id, [code_id], self.coder)
            self.after_change()

    def action_memo(self) -> None:
        segment_id = self.current_segment_id
        if not self._writable():
            return
        current = memo_rows.memo_text(self.store, segment_id, self.coder)

        def save(text: str | None) -> None:
            if text is not None:
                save_memo(self.store, segment_id, self.coder, text.strip())
                self.after_change()

        self.app.push_screen(TextPrompt("Memo on this segment", current), save)

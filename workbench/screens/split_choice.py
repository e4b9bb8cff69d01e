"""After a split: which part keeps which code, one digit key per code."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label

from workbench.coding.split_choice import SplitPlan, plan_split
from workbench.widgets.inert import inert_line

EXCERPT = 48


def excerpt(text: str) -> str:
    """A segment's text on one line, cut with … past a dialog line's room."""
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1] + "…"


class SplitChoiceDialog(ModalScreen[SplitPlan | None]):
    """Shows the parts and each code's part; a digit moves that code to the next part.

    Dismisses with the plan (Enter) or None (Escape: the codes stay where they are).
    """

    BINDINGS = [
        Binding("enter", "done", "Done", id="split_choice_done"),
        Binding("escape", "keep", "Keep as is", id="split_choice_keep"),
    ] + [
        Binding(str(number), f"move({number})", f"Move code {number}", id=f"split_move_{number}", show=False)
        for number in range(1, 10)
    ]

    def __init__(self, plan: SplitPlan, text: str, first_number: int) -> None:
        super().__init__()
        self.plan, self.text, self.first_number = plan, text, first_number

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Split: which part keeps which code?", classes="dialog-title")
            for index, (start, end) in enumerate(self.plan.parts):
                yield Label(inert_line(f"¶{self.first_number + index}  «{excerpt(self.text[start:end])}»"))
            for number in range(1, len(self.plan.codes) + 1):
                yield Label("", id=f"split-code-{number}")
            yield Label("1–9 send a code to the next part · Enter done · Esc keep", classes="dialog-hint")

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        for number, ((_, path), place) in enumerate(
            zip(self.plan.codes, self.plan.places, strict=True), start=1
        ):
            kept = " (stays)" if place == self.plan.keeper else " (moved)"
            line = f"{number}  {path}  → ¶{self.first_number + place}{kept}"
            self.query_one(f"#split-code-{number}", Label).update(inert_line(line))

    def action_move(self, number: int) -> None:
        self.plan = self.plan.move(number)
        self._show()

    def action_done(self) -> None:
        self.dismiss(self.plan)

    def action_keep(self) -> None:
        self.dismiss(None)


def split_and_choose(screen, cuts: list[int]) -> None:
    """The coding screen's split: codes stay with the cursor's part, the uncoded part comes
    next; when the cursor's segment carried the coder's codes, the dialog lets them move."""
    session = screen.session
    paths = {code_id: code["path"] for code_id, code in session.codes.items()}
    plan = (
        plan_split(session.segments, session.cursor, cuts, session.coder, paths) if session.segments else None
    )
    if not screen.change(session.split_at, cuts):
        return
    if session.next_uncoded_segment():
        screen.show_answer()
    if plan is not None and plan.codes and len(plan.parts) > 1:
        first = next(i for i, s in enumerate(session.segments) if s.start == plan.parts[0][0]) + 1

        def chosen(chosen_plan: SplitPlan | None) -> None:
            if chosen_plan is not None and chosen_plan.moved and screen.change(session.resplit, chosen_plan):
                session.next_uncoded_segment()
                screen.show_answer()

        screen.app.push_screen(SplitChoiceDialog(plan, session.text, first), chosen)

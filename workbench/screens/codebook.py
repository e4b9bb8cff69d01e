"""The codebook as a tree with counts; reshape it by keyboard without losing codings."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Label, Tree

from workbench import coding
from workbench.coding.memos import MemoTarget, first_line, memo_text, save_memo
from workbench.display import visible_line
from workbench.errors import UserError
from workbench.review.blind import Visibility
from workbench.screens.answer_table import AnswerTableScreen
from workbench.screens.base import WorkbenchScreen
from workbench.screens.code_choice import CodeChoiceDialog
from workbench.screens.confirm import ConfirmDialog
from workbench.screens.memo_editor import MemoEditor
from workbench.screens.question_choice import QuestionChoiceDialog
from workbench.screens.text_prompt import TextPrompt
from workbench.store import codings as coding_rows
from workbench.store import survey, waves
from workbench.store.answers import AnswerFilter
from workbench.widgets.inert import inert_line


class CodebookScreen(WorkbenchScreen[int | None]):
    """Dismisses with an answer id when the coder opened one from "show everything coded X"."""

    BINDINGS = [
        Binding("escape", "close", "Back", id="codebook_back"),
        Binding("a", "show_coded", "Show coded", id="codebook_show_coded"),
        Binding("r", "rename", "Rename", id="codebook_rename"),
        Binding("d", "define", "Define", id="codebook_define"),
        Binding("l", "lead_in", "Lead-in", id="codebook_lead_in"),
        Binding("n", "new_theme", "New theme", id="codebook_new_theme"),
        Binding("x", "cut", "Cut", id="codebook_cut"),
        Binding("p", "paste", "Paste under", id="codebook_paste"),
        Binding("P", "paste_top", "Paste at top", id="codebook_paste_top", show=False),
        Binding("m", "merge", "Merge into…", id="codebook_merge"),
        Binding("s", "split", "Split", id="codebook_split"),
        Binding("M", "memo", "Memo", id="codebook_memo"),
        Binding("delete", "retire", "Retire", id="codebook_retire"),
        Binding("q", "filter_question", "Filter by question", id="codebook_question"),
        Binding("ctrl+z", "undo", "Undo", id="codebook_undo"),
        Binding("ctrl+r,ctrl+y", "redo", "Redo", id="codebook_redo", show=False),
        Binding("alt+up,K", "reorder(-1)", "Move up", id="codebook_up", show=False),
        Binding("alt+down,J", "reorder(1)", "Move down", id="codebook_down", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.cut_id: str | None = None
        self.question_id: str | None = None  # show only the codes used in this question
        self.shown_ids: frozenset[str] | None = None
        self.not_used: set[str] = set()  # codes marked as not used in the current wave

    def compose(self) -> ComposeResult:
        yield Label("", id="codebook-title", classes="screen-title")
        yield Tree("Codebook", id="codebook-tree")
        yield Label("", id="codebook-definition")
        yield Footer()

    def on_mount(self) -> None:
        tree = self.query_one(Tree)
        tree.show_root = False
        self.rebuild()
        tree.focus()
        if tree.cursor_node is None or tree.cursor_node is tree.root:
            tree.cursor_line = 0
        self.call_after_refresh(lambda: self._show_definition(self.selected_id))

    def rebuild(self, keep: str | None = None) -> None:
        """Redraw the tree from the database, keeping the cursor on ``keep``."""
        tree = self.query_one(Tree)
        keep = keep or self.selected_id
        tree.clear()
        tree.root.expand()
        usage = Visibility.of(self.store, self.coder, self.settings.blind).code_usage(self.store)
        codebook = coding.Codebook.from_store(self.store)
        self.not_used = waves.codes_not_used(self.store, self.wave) if self.wave else set()
        for node in codebook.children():
            if self._shown(codebook, node.id):
                self._add(tree.root, codebook, node, usage)
        scope = (
            f"codes used in {self.question_id} (q: another, q then Escape: all)"
            if self.question_id
            else "all"
        )
        self.query_one("#codebook-title", Label).update(
            inert_line(f"Codebook  ·  {scope}  ·  segments / respondents per code")
        )
        if keep:  # node lines exist after the next refresh
            self.call_after_refresh(self._select, tree.root, keep)

    def _add(self, parent, codebook, node, usage) -> tuple[set, set]:
        segments, respondents = (set(found) for found in usage.get(node.id, ((), ())))
        children = codebook.children(node.id)
        branch = parent.add("", data=node.id, expand=True) if children else parent.add_leaf("", data=node.id)
        for child in (child for child in children if self._shown(codebook, child.id)):
            child_segments, child_respondents = self._add(branch, codebook, child, usage)
            segments |= child_segments
            respondents |= child_respondents
        label = Text(visible_line(node.name), style="bold" if node.is_theme else "")
        label.append(f"   {len(segments)} / {len(respondents)}", style="dim")
        if node.id in self.not_used:
            label.append(f"   not used in {self.wave}", style="italic")
        if node.id == self.cut_id:
            label.append("   ✂ cut", style="italic")
        branch.set_label(label)
        return segments, respondents

    def _select(self, root, code_id: str) -> None:
        stack = list(root.children)
        while stack:
            node = stack.pop()
            if node.data == code_id:
                self.query_one(Tree).move_cursor(node)
                self._show_definition(code_id)
                return
            stack.extend(node.children)

    @property
    def selected_id(self) -> str | None:
        node = self.query_one(Tree).cursor_node
        return node.data if node is not None else None

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted) -> None:
        self._show_definition(event.node.data)

    def _show_definition(self, code_id: str | None) -> None:
        """The highlighted code's path, definition and the coder's memo, under the tree."""
        codebook = coding.Codebook.from_store(self.store)
        code = codebook.get(code_id)
        text = f"{codebook.path(code.id)}: {code.definition or 'no definition yet'}" if code else ""
        memo = memo_text(self.store, MemoTarget("code", code.id), self.coder) if code else ""
        text += f"  ·  your memo (M): {first_line(memo, 50)}" if memo.strip() else ""
        self.query_one("#codebook-definition", Label).update(inert_line(text))

    def _path(self, code_id: str) -> str:
        return coding.Codebook.from_store(self.store).path(code_id)

    def _change(self, operation, *args, **kwargs) -> None:
        """Run one codebook change, report a refusal in one sentence, redraw."""
        if not self.require_writable():
            return
        try:
            operation(self.store, *args, **kwargs)
        except UserError as error:
            self.notify(str(error), severity="error")
        self.rebuild()

    def action_show_coded(self) -> None:
        if self.selected_id:
            screen = AnswerTableScreen(None, AnswerFilter(code_id=self.selected_id))
            self.app.push_screen(screen, self._opened)

    def _opened(self, answer_id) -> None:
        if isinstance(answer_id, int):
            self.dismiss(answer_id)

    def action_rename(self) -> None:
        code_id = self.selected_id
        if code_id:
            self.app.push_screen(
                TextPrompt("New name", coding.Codebook.from_store(self.store).code(code_id).name),
                lambda name: name and self._change(coding.rename_code, code_id, name, self.app.coder),
            )

    def action_define(self) -> None:
        self._edit_text_field("definition", "Definition / decision rule")

    def action_lead_in(self) -> None:
        """The sentence the report prints above the code's or theme's quotes."""
        self._edit_text_field("lead_in", "Lead-in for the report (printed above the quotes)")

    def _edit_text_field(self, field: str, title: str) -> None:
        """Ask for a new text of the selected code's ``field``; saved as one undoable change."""
        code_id = self.selected_id
        if code_id:
            current = getattr(coding.Codebook.from_store(self.store).code(code_id), field)
            self.app.push_screen(
                TextPrompt(title, current),
                lambda text: (
                    text is not None
                    and self._change(coding.define_code, code_id, self.app.coder, **{field: text.strip()})
                ),
            )

    def action_memo(self) -> None:
        """The coder's memo on the highlighted code, in the multi-line editor."""
        code_id = self.selected_id
        if code_id and self.require_writable():
            target = MemoTarget("code", code_id)
            editor = MemoEditor(
                f"Memo on the code {self._path(code_id)}", memo_text(self.store, target, self.coder)
            )
            self.app.push_screen(
                editor,
                lambda text: text is not None and self._change(save_memo, target, self.coder, text.strip()),
            )

    def action_new_theme(self) -> None:
        self.app.push_screen(
            TextPrompt("Name of the new main theme"),
            lambda name: name and self._change(coding.create_code, name, self.app.coder, is_theme=True),
        )

    def action_cut(self) -> None:
        self.cut_id = self.selected_id
        self.rebuild()
        self.notify("Cut. Go to the new parent and press p (P for top level).", timeout=3)

    def action_paste(self, top_level: bool = False) -> None:
        if self.cut_id is None:
            self.notify("Cut a code with x first.", severity="warning")
            return
        moved, self.cut_id = self.cut_id, None
        self._change(coding.move_code, moved, None if top_level else self.selected_id, self.app.coder)
        self.rebuild(keep=moved)

    def action_paste_top(self) -> None:
        self.action_paste(top_level=True)

    def action_merge(self) -> None:
        source = self.selected_id
        if source is None:
            return
        codes = [c for c in coding.Codebook.from_store(self.store).live_rows() if c["id"] != source]
        name = self._path(source)
        self.app.push_screen(
            CodeChoiceDialog(f"Merge '{name}' into…", codes),
            lambda target: target and self._confirm_merge(source, target),
        )

    def _confirm_merge(self, source: str, target: str) -> None:
        question = f"Merge '{self._path(source)}' into '{self._path(target)}'? Codings move; undo with u."
        self.app.push_screen(
            ConfirmDialog(question),
            lambda yes: yes and self._change(coding.merge_codes, source, target, self.app.coder),
        )

    def action_split(self) -> None:
        code_id = self.selected_id
        if code_id:
            self.app.push_screen(
                TextPrompt("Name of the new code split off"),
                lambda name: name and self._choose_split(code_id, name),
            )

    def _choose_split(self, code_id: str, name: str) -> None:
        table = AnswerTableScreen(
            None, AnswerFilter(code_id=code_id), choose_marked=f"Mark the answers that go to '{name}', Enter"
        )

        def split(answer_ids) -> None:
            coding_ids = coding_rows.coding_ids_of_code_on_answers(
                self.store, code_id, list(answer_ids or ())
            )
            self._change(coding.split_code, code_id, name, coding_ids, self.app.coder)

        self.app.push_screen(table, split)

    def action_retire(self) -> None:
        code_id = self.selected_id
        if code_id:
            question = f"Retire '{self._path(code_id)}'? Codings are kept."
            self.app.push_screen(
                ConfirmDialog(question),
                lambda yes: yes and self._change(coding.retire_code, code_id, self.app.coder),
            )

    def action_reorder(self, step: int) -> None:
        node = self.query_one(Tree).cursor_node
        if node is None or node.parent is None:
            return
        position = node.parent.children.index(node) + step
        self._change(coding.reorder_code, node.data, max(position, 0), self.app.coder)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_undo(self) -> None:
        if self.replay_latest():
            self.rebuild()

    def action_redo(self) -> None:
        if self.replay_latest(redo=True):
            self.rebuild()

    def _show_title(self) -> None:
        scope = f"codes used in {self.question_id} (q, Escape: all)" if self.question_id else "all codes"
        title = f"Codebook  ·  {scope}  ·  segments / respondents per code"
        self.query_one("#codebook-title", Label).update(inert_line(title))

    def _shown(self, codebook, code_id: str) -> bool:
        """Whether a code (or one below it) is used in the chosen question."""
        if self.shown_ids is None:
            return True
        return code_id in self.shown_ids or any(
            self._shown(codebook, child.id) for child in codebook.children(code_id)
        )

    def action_filter_question(self) -> None:
        questions = survey.question_rows(self.store)
        self.app.push_screen(QuestionChoiceDialog(questions, {}), self._filter_question)

    def _filter_question(self, question_id: str | None) -> None:
        self.question_id = question_id
        used = coding_rows.frequent_codes(self.store, question_id, limit=1_000_000) if question_id else None
        self.shown_ids = None if used is None else frozenset(used)
        self.rebuild()

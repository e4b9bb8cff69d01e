"""The export screen: choose what to export and for which questions, run it with progress,
and show where the files went (or why the leak check refused them)."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import (
    Button,
    Checkbox,
    Footer,
    Label,
    ProgressBar,
    RadioButton,
    RadioSet,
    Select,
    Static,
)
from textual.worker import Worker, WorkerState, get_current_worker

from workbench.errors import LeakError, UserError
from workbench.store import Store, survey
from workbench.widgets.inert import inert

KIND_LABELS = {
    "report": "Word report: counts, charts and quotes per chapter",
    "counts": "Counted categories (Word, Markdown, CSV)",
    "quotes": "Quote lists per chapter (Word, Markdown, CSV + private key)",
    "xlsx": "The method's spreadsheet (Data, Kodeliste)",
    "refi": "REFI-QDA project (.qdpx)",
    "reliability": "Reliability report",
}
ALL = "all"
CURRENT = "current"


class ExportCancelled(Exception):
    """Raised inside the export worker when the user pressed Escape."""


class ExportScreen(Screen[None]):
    """Runs one export in a worker; Escape cancels a running export, else goes back."""

    DEFAULT_CSS = """
    #export-form { height: auto; padding: 0 1; }
    #export-kind { width: 1fr; height: auto; }
    #export-options { width: 1fr; height: auto; padding-left: 2; }
    #export-scope { width: 100%; }
    #export-start { margin: 1 1 0 1; }
    #export-progress { margin: 1 1 0 1; }
    #export-result { height: auto; padding: 1 1; }
    #export-result.-error { color: $error; }
    #export-result.-done { color: $success; }
    """

    BINDINGS = [
        Binding("escape", "close", "Back / cancel", id="export_back"),
        Binding("ctrl+e", "start", "Export", id="export_start"),
    ]

    class Progressed(Message):
        """The running export finished another question."""

        def __init__(self, done: int, total: int) -> None:
            super().__init__()
            self.done, self.total = done, total

    class Finished(Message):
        """The export wrote its folder (and any private files beside it)."""

        def __init__(self, folder: str, private_files: tuple[str, ...]) -> None:
            super().__init__()
            self.folder, self.private_files = folder, private_files

    class Failed(Message):
        """The export stopped; nothing was written."""

        def __init__(self, reason: str, leak: bool) -> None:
            super().__init__()
            self.reason, self.leak = reason, leak

    def __init__(self, question_id: str | None = None) -> None:
        super().__init__()
        self.question_id = question_id
        self.running = False

    def compose(self) -> ComposeResult:
        self.question_id = self.question_id or getattr(self.app, "current_question_id", None)
        yield Label("Export", classes="screen-title")
        with Horizontal(id="export-form"):
            with RadioSet(id="export-kind"):
                for index, (kind, label) in enumerate(KIND_LABELS.items()):
                    yield RadioButton(label, value=index == 0, name=kind)
            with Vertical(id="export-options"):
                yield Select(self._scope_options(), value=ALL, allow_blank=False, id="export-scope")
                yield Checkbox(
                    "Quote every coded segment, not only those marked for the report",
                    id="export-all-segments",
                )
                yield Checkbox("Draft: allow quotes not anonymised yet (marked as such)", id="export-draft")
                yield Checkbox("Cross-tables by county and size group", id="export-cross")
                yield Checkbox("English labels", id="export-english")
        yield Button("Export (ctrl+e)", id="export-start", variant="primary")
        yield ProgressBar(id="export-progress", show_eta=False)
        yield Static("", id="export-result")
        yield Footer()

    def _scope_options(self) -> list[tuple[str, str]]:
        questions = survey.question_rows(self.app.store)
        chapters = list(dict.fromkeys(q["chapter"] for q in questions if q["chapter"]))
        options = [("All chapters", ALL)]
        if self.question_id:
            options.append((f"Current question ({self.question_id})", CURRENT))
        return options + [(f"Chapter {chapter}", f"chapter:{chapter}") for chapter in chapters]

    def on_mount(self) -> None:
        self.query_one(RadioSet).focus()

    def chosen_kind(self) -> str:
        pressed = self.query_one(RadioSet).pressed_button
        return pressed.name if pressed is not None else "report"

    def chosen_options(self):
        """The export options the form describes."""
        from workbench.export import ExportOptions

        scope = self.query_one("#export-scope", Select).value
        checked = {box.id: box.value for box in self.query(Checkbox)}
        return ExportOptions(
            chapter=scope.removeprefix("chapter:") if scope.startswith("chapter:") else None,
            question=self.question_id if scope == CURRENT else None,
            lang="en" if checked["export-english"] else "nb",
            all_segments=checked["export-all-segments"],
            draft=checked["export-draft"],
            cross_by=("county", "size_group") if checked["export-cross"] else (),
            wave=self.app.wave,
        )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "export-start":
            self.action_start()

    def action_start(self) -> None:
        if self.running:
            return
        self.running = True
        self._show("Exporting…", None)
        self.query_one(ProgressBar).update(total=None, progress=0)
        self.run_in_background(self.chosen_kind(), self.chosen_options())

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def run_in_background(self, kind: str, options) -> None:
        """Run the export with a connection of this thread's own."""
        from workbench.export import run_export

        worker = get_current_worker()

        def on_progress(done: int, total: int) -> None:
            if worker.is_cancelled:
                raise ExportCancelled
            self.post_message(self.Progressed(done, total))

        try:
            with Store(self.app.store.path, read_only=self.app.read_only) as store:
                result = run_export(store, kind, options, on_progress)
        except ExportCancelled:
            self.post_message(self.Failed("Export cancelled; nothing was written.", False))
        except UserError as error:
            self.post_message(self.Failed(str(error), isinstance(error, LeakError)))
        else:
            self.post_message(
                self.Finished(str(result.folder), tuple(str(path) for path in result.private_files))
            )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """An unexpected error in the worker still ends the run with a message."""
        if event.worker.group == "export" and event.state == WorkerState.ERROR:
            self.post_message(self.Failed(f"Export failed: {event.worker.error}", False))

    def on_export_screen_progressed(self, message: Progressed) -> None:
        self.query_one(ProgressBar).update(total=message.total, progress=message.done)

    def on_export_screen_finished(self, message: Finished) -> None:
        self.running = False
        bar = self.query_one(ProgressBar)
        bar.update(total=bar.total or 1, progress=bar.total or 1)
        lines = [f"Written to {message.folder}"]
        lines += [f"Private key (do not share): {path}" for path in message.private_files]
        self._show("\n".join(lines), "-done")

    def on_export_screen_failed(self, message: Failed) -> None:
        self.running = False
        hint = "\nReview the quotes in the Anonymisation screen, or export a draft." if message.leak else ""
        self._show(message.reason + hint, "-error")

    def _show(self, text: str, css_class: str | None) -> None:
        result = self.query_one("#export-result", Static)
        result.update(inert(text))
        result.set_class(css_class == "-error", "-error")
        result.set_class(css_class == "-done", "-done")

    def action_close(self) -> None:
        if self.running:
            self.workers.cancel_group(self, "export")
            return
        self.dismiss(None)

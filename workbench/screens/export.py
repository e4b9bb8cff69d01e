"""The export screen: choose what to export and for which questions, run it with progress,
and show where the files went (or why the leak check refused them)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import (
    Button,
    Checkbox,
    Footer,
    Label,
    ProgressBar,
    RadioSet,
    Select,
    Static,
)

from workbench.errors import LeakError, UserError
from workbench.review.blind import Visibility
from workbench.screens.job import JobScreen
from workbench.store import Store, survey
from workbench.widgets.inert import inert
from workbench.widgets.tick_box import TickBox, TickRadio

KIND_LABELS = {
    "report": "Word report: counts, charts and quotes per chapter",
    "counts": "Counted categories (Word, Markdown, CSV)",
    "quotes": "Quote lists per chapter (Word, Markdown, CSV + private key)",
    "xlsx": "The method's spreadsheet (Data, Kodeliste)",
    "refi": "REFI-QDA project (.qdpx)",
    "reliability": "Reliability report",
    "memos": "Memos (CSV, Markdown)",
}
LEAK_HINT = "Review the quotes in the Anonymisation screen, or export a draft."
ALL = "all"
CURRENT = "current"


@dataclass(frozen=True)
class ExportDone:
    """Where an export wrote its folder and any private files beside it."""

    folder: str
    private_files: tuple[str, ...]


class ExportScreen(JobScreen[None]):
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

    def __init__(self, question_id: str | None = None) -> None:
        super().__init__()
        self.question_id = question_id

    def compose(self) -> ComposeResult:
        self.question_id = self.question_id or self.workbench.current_question_id
        yield Label("Export", classes="screen-title")
        with Horizontal(id="export-form"):
            with RadioSet(id="export-kind"):
                for index, (kind, label) in enumerate(KIND_LABELS.items()):
                    yield TickRadio(label, value=index == 0, name=kind)
            with Vertical(id="export-options"):
                yield Select(self._scope_options(), value=ALL, allow_blank=False, id="export-scope")
                yield TickBox(
                    "Quote every coded segment, not only those marked for the report",
                    id="export-all-segments",
                )
                yield TickBox("Draft: allow quotes not anonymised yet (marked as such)", id="export-draft")
                yield TickBox("Cross-tables by county and size group", id="export-cross")
                yield TickBox("English labels", id="export-english")
        yield Button("Export (ctrl+e)", id="export-start", variant="primary")
        yield ProgressBar(id="export-progress", show_eta=False)
        yield Static("", id="export-result")
        yield Footer()

    def _scope_options(self) -> list[tuple[str, str]]:
        questions = survey.question_rows(self.store)
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
            wave=self.wave,
            coder=self.coder if self.chosen_kind() == "memos" and self._blind() else None,
        )

    def _blind(self) -> bool:
        return Visibility.of(self.store, self.coder, self.settings.blind).blind

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "export-start":
            self.action_start()

    def action_start(self) -> None:
        if self.job_running:
            return
        self._show("Exporting…", None)
        kind, options = self.chosen_kind(), self.chosen_options()
        path, read_only = self.store.path, self.read_only

        def export(on_progress) -> ExportDone:
            from workbench.export import run_export

            try:
                with Store(path, read_only=read_only) as store:
                    result = run_export(store, kind, options, on_progress)
            except LeakError as error:
                raise UserError(f"{error}\n{LEAK_HINT}") from None
            return ExportDone(str(result.folder), tuple(str(path) for path in result.private_files))

        self.run_in_background(export)

    def job_finished(self, result: ExportDone) -> None:
        lines = [f"Written to {result.folder}"]
        lines += [f"Private key (do not share): {path}" for path in result.private_files]
        self._show("\n".join(lines), "-done")

    def job_failed(self, reason: str) -> None:
        self._show(reason, "-error")

    def _show(self, text: str, css_class: str | None) -> None:
        result = self.query_one("#export-result", Static)
        result.update(inert(text))
        result.set_class(css_class == "-error", "-error")
        result.set_class(css_class == "-done", "-done")

    def action_close(self) -> None:
        if not self.cancel_job():
            self.dismiss(None)

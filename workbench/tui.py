"""The Textual app: wiring only. Screens and widgets live in ``screens/`` and ``widgets/``.

Other screens hook in through ``SCREEN_COMMANDS``: one line each, "module:Class", opened from
the command palette. A screen reads what it needs from the app: ``store``, ``coder``,
``wave``, ``settings``, ``read_only`` and ``current_question_id``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

from workbench import coding
from workbench.display import visible
from workbench.errors import UserError
from workbench.files import project_writable
from workbench.lock import ProjectLock
from workbench.screens.coding import CodingScreen
from workbench.screens.palette import ScreenActionsProvider
from workbench.settings import Settings, load_settings, save_settings
from workbench.store import Store, survey

TCSS_FOLDER = Path(__file__).parent / "tcss"


@dataclass(frozen=True)
class ScreenCommand:
    """A screen reachable from the command palette."""

    title: str
    help: str
    target: str  # "package.module:ScreenClass"; the class takes no arguments


SCREEN_COMMANDS = (
    ScreenCommand(
        "Codebook",
        "The code tree with counts; rename, merge, move",
        "workbench.screens.codebook:CodebookScreen",
    ),
    ScreenCommand(
        "Chart", "Respondents per code for the current question", "workbench.screens.chart:ChartScreen"
    ),
    ScreenCommand(
        "Adjudication",
        "Settle disagreements between coders",
        "workbench.screens.adjudication:AdjudicationScreen",
    ),
    ScreenCommand("Review", "Review another coder's coding", "workbench.screens.review:ReviewScreen"),
    ScreenCommand(
        "Coding comparison",
        "Two coders side by side per question and code, disagreements first",
        "workbench.screens.comparison:ComparisonScreen",
    ),
    ScreenCommand(
        "Merge conflicts",
        "What two copies decided differently: take mine or theirs",
        "workbench.screens.merge_conflicts:MergeConflictsScreen",
    ),
    ScreenCommand(
        "Anonymisation",
        "Find and replace identifying names",
        "workbench.screens.anonymisation:AnonymisationScreen",
    ),
    ScreenCommand(
        "Export", "Counted tables, quote lists and reports", "workbench.screens.export:ExportScreen"
    ),
    ScreenCommand(
        "Clusters",
        "Uncoded answers of this question in clusters; code one with review",
        "workbench.screens.clusters:ClustersScreen",
    ),
    ScreenCommand(
        "Near-duplicates",
        "Answers nearly identical to this one; give them its codes",
        "workbench.screens.near_duplicates:NearDuplicatesScreen",
    ),
    ScreenCommand(
        "Why these suggestions",
        "Each suggestion with the coded segments behind it",
        "workbench.screens.evidence:EvidenceScreen",
    ),
    ScreenCommand(
        "More like this",
        "Uncoded answers most like a code; code the ticked ones",
        "workbench.screens.more_like_this:MoreLikeThisScreen",
    ),
    ScreenCommand(
        "Waves",
        "This question across waves; codes carried over, not used",
        "workbench.screens.waves:WavesScreen",
    ),
)


def load_screen_class(target: str) -> type | None:
    """The screen class named by "module:Class", or None while that module is not written."""
    module_name, class_name = target.split(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name == module_name:
            return None
        raise
    return getattr(module, class_name, None)


class OpenScreenProvider(Provider):
    """Palette entries "Open: Codebook", "Open: Export" …"""

    def _commands(self):
        for command in SCREEN_COMMANDS:
            screen_class = load_screen_class(command.target)
            if screen_class is not None:
                yield command, partial(self.app.open_screen, screen_class)

    async def discover(self) -> Hits:
        for command, callback in self._commands():
            yield DiscoveryHit(f"Open: {command.title}", callback, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command, callback in self._commands():
            title = f"Open: {command.title}"
            if (score := matcher.match(title)) > 0:
                yield Hit(score, matcher.highlight(title), callback, help=command.help)


class WorkbenchApp(App):
    """The coding workbench, built from injected parts so tests can use a temporary project."""

    TITLE = "workbench"
    CSS_PATH = sorted(TCSS_FOLDER.glob("*.tcss"))
    COMMANDS = App.COMMANDS | {ScreenActionsProvider, OpenScreenProvider}
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", id="quit", priority=True)]

    def __init__(
        self,
        store: Store,
        suggester,
        settings: Settings,
        *,
        coder: str,
        read_only: bool = False,
        lock: ProjectLock | None = None,
        settings_file: Path | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.suggester = suggester
        self.settings = settings
        self.coder = coder
        self.read_only = read_only
        self.lock = lock
        self.settings_file = settings_file
        self.wave = survey.latest_wave(store)

    def notify(self, message, *, title="", severity="information", timeout=None, markup=True) -> None:
        """Notifications quote data (code names, error sentences): inert text, never markup."""
        super().notify(
            visible(message), title=visible(title), severity=severity, timeout=timeout, markup=False
        )

    def on_mount(self) -> None:
        self.theme = self.settings.theme
        self.set_keymap(self.settings.keymap)
        self.push_screen(CodingScreen())
        if self.read_only and self.lock and self.lock.holder:
            self.notify(
                f"Opened read-only: the project is in use by {self.lock.holder.describe()}.",
                severity="warning",
                timeout=8,
            )

    @property
    def current_question_id(self) -> str | None:
        """The question the coding screen shows (for screens opened from the palette)."""
        coding_screens = [s for s in self.screen_stack if isinstance(s, CodingScreen)]
        return coding_screens[0].question_id if coding_screens else None

    def open_screen(self, screen_class: type) -> None:
        """Open a screen from the palette (it reads what it needs from the app)."""
        self.push_screen(screen_class())

    def save_settings(self) -> None:
        save_settings(self.settings, self.settings_file)

    def on_unmount(self) -> None:
        if isinstance(self.suggester, DeferredSuggester):
            self.suggester.cancel()
        if self.lock:
            self.lock.release()


class DeferredSuggester:
    """Fits the suggester in a child process (the UI process never runs the long fit), then
    answers from the learned state on a connection of its own, so neither delays the screen.
    scikit-learn is imported only in the worker that calls ``fit``."""

    def __init__(self, path: str | Path, coder: str) -> None:
        self.path = path
        self.coder = coder
        self.store: Store | None = None
        self._suggester = None
        self._fit_elsewhere = None
        self._cancelled = False

    def fit(self, on_progress=None) -> DeferredSuggester:
        """Wait for the child's fit; after ``cancel`` return at once, still without suggestions."""
        from workbench.suggest import Suggester
        from workbench.suggest.background import BackgroundFit, FitCancelled

        self._fit_elsewhere = self._fit_elsewhere or BackgroundFit(self.path, coder=self.coder)
        if self._cancelled:  # cancel() ran before the line above: the fit must not start
            self._fit_elsewhere.cancel()
        try:
            state = self._fit_elsewhere(on_progress)
        except FitCancelled:
            return self
        self.store = self.store or Store(self.path)
        self._suggester = Suggester.from_state(self.store, state, fit_elsewhere=self._fit_elsewhere)
        return self

    def suggest(self, answer_id: int, top: int = 5) -> list:
        """Suggestions for the answer; none before the fit or when a refit was cancelled."""
        from workbench.suggest.background import FitCancelled

        try:
            return self._suggester.suggest(answer_id, top) if self._suggester else []
        except FitCancelled:
            return []

    def cancel(self) -> None:
        """End a running fit in the child process, so closing the app never waits for it."""
        self._cancelled = True
        if self._fit_elsewhere is not None:
            self._fit_elsewhere.cancel()

    def close(self) -> None:
        self.cancel()
        if self.store is not None:
            self.store.close()


def make_app(path: str | Path, coder: str | None = None, *, suggestions: bool = True) -> WorkbenchApp:
    """Wire the production parts: lock, store (read-only if locked), settings, suggester."""
    if not Path(path).is_file():
        raise UserError(f"{path}: no such project file (create one with 'workbench init').")
    lock = ProjectLock(path)
    read_only = not lock.acquire() or not project_writable(path)
    try:
        store = Store(path, read_only=read_only)
    except UserError:
        lock.release()
        raise
    settings = load_settings()
    coder = coder or settings.default_coder()
    suggester = None
    if not read_only:
        coding.ensure_coder(store, coder)
        settings = settings.with_changes(last_coder=coder)
        save_settings(settings)
        suggester = DeferredSuggester(path, coder) if suggestions else None
    return WorkbenchApp(store, suggester, settings, coder=coder, read_only=read_only, lock=lock)


def run_app(path: str | Path, coder: str | None = None) -> int:
    """Open the workbench on a project and return an exit code when the coder quits."""
    app = make_app(path, coder)
    try:
        app.run()
    finally:
        app.store.close()
        if app.suggester is not None:
            app.suggester.close()
        if app.lock:
            app.lock.release()
    return app.return_code or 0  # a crash inside the app is not a success

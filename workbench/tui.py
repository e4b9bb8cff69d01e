"""The Textual app: wiring only. Screens and widgets live in ``screens/`` and ``widgets/``.

Screens reach the app's parts through ``screens.base.WorkbenchScreen``; the palette opens
the screens listed in ``SCREEN_COMMANDS``.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen

from workbench import coding
from workbench.coding.waves import opening_wave
from workbench.display import visible
from workbench.errors import UserError
from workbench.files import project_writable
from workbench.heap import collect_while_idle, defer_full_collections, freeze_long_lived, restore_collections
from workbench.lock import ProjectLock
from workbench.screens.adjudication import AdjudicationScreen
from workbench.screens.anonymisation import AnonymisationScreen
from workbench.screens.chart import ChartScreen
from workbench.screens.clusters import ClustersScreen
from workbench.screens.codebook import CodebookScreen
from workbench.screens.coding import CodingScreen
from workbench.screens.comparison import ComparisonScreen
from workbench.screens.evidence import EvidenceScreen
from workbench.screens.export import ExportScreen
from workbench.screens.mapping import MappingScreen
from workbench.screens.memo_editor import ProjectMemoEditor
from workbench.screens.memos import MemoListScreen
from workbench.screens.merge_conflicts import MergeConflictsScreen
from workbench.screens.more_like_this import MoreLikeThisScreen
from workbench.screens.near_duplicates import NearDuplicatesScreen
from workbench.screens.palette import ScreenActionsProvider
from workbench.screens.review import ReviewScreen
from workbench.screens.waves import WavesScreen
from workbench.settings import Settings, load_settings, save_settings, write_crash_log
from workbench.store import Store, survey
from workbench.suggest.deferred import DeferredSuggester
from workbench.suggest.deferred import preload as preload_suggester
from workbench.widgets.question_list import QuestionList

TCSS_FOLDER = Path(__file__).parent / "tcss"
IDLE_SECONDS = 2.0  # no key or click for this long: the coder has paused
IDLE_CHECK_SECONDS = 1.0


@dataclass(frozen=True)
class ScreenCommand:
    """A screen reachable from the command palette (its class takes no arguments)."""

    title: str
    help: str
    screen_class: type[Screen]


SCREEN_COMMANDS = (
    ScreenCommand("Codebook", "The code tree with counts; rename, merge, move", CodebookScreen),
    ScreenCommand("Chart", "Respondents per code for the current question", ChartScreen),
    ScreenCommand("Adjudication", "Settle disagreements between coders", AdjudicationScreen),
    ScreenCommand("Review", "Review another coder's coding", ReviewScreen),
    ScreenCommand(
        "Coding comparison",
        "Two coders side by side per question and code, disagreements first",
        ComparisonScreen,
    ),
    ScreenCommand(
        "Merge conflicts", "What two copies decided differently: take mine or theirs", MergeConflictsScreen
    ),
    ScreenCommand("Anonymisation", "Find and replace identifying names", AnonymisationScreen),
    ScreenCommand("Export", "Counted tables, quote lists and reports", ExportScreen),
    ScreenCommand(
        "Clusters", "Uncoded answers of this question in clusters; code one with review", ClustersScreen
    ),
    ScreenCommand(
        "Near-duplicates", "Answers nearly identical to this one; give them its codes", NearDuplicatesScreen
    ),
    ScreenCommand(
        "Why these suggestions", "Each suggestion with the coded segments behind it", EvidenceScreen
    ),
    ScreenCommand(
        "More like this", "Uncoded answers most like a code; code the ticked ones", MoreLikeThisScreen
    ),
    ScreenCommand("Memos", "Every memo, newest first: type to filter, Enter to open", MemoListScreen),
    ScreenCommand("Project memo", "Your memo on the whole project (several lines)", ProjectMemoEditor),
    ScreenCommand("Waves", "This question across waves; codes carried over, not used", WavesScreen),
    ScreenCommand(
        "Question mapping", "Confirm or edit how a wave's questions continue earlier ones", MappingScreen
    ),
)


def project_key(store: Store) -> str:
    """The project as settings remember it: its absolute path."""
    return str(Path(store.path).resolve())


class OpenScreenProvider(Provider):
    """Palette entries "Open: Codebook", "Open: Export" …"""

    async def discover(self) -> Hits:
        for command in SCREEN_COMMANDS:
            callback = partial(self.app.open_screen, command.screen_class)
            yield DiscoveryHit(f"Open: {command.title}", callback, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in SCREEN_COMMANDS:
            title = f"Open: {command.title}"
            if (score := matcher.match(title)) > 0:
                callback = partial(self.app.open_screen, command.screen_class)
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
        question_id: str | None = None,
        wave: int | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.suggester = suggester
        self.settings = settings
        self.coder = coder
        self.read_only = read_only
        self.lock = lock
        self.settings_file = settings_file
        self.wave = opening_wave(store, wave)
        self.start_question_id = question_id
        self.last_input = time.monotonic()

    def notify(self, message, *, title="", severity="information", timeout=None, markup=True) -> None:
        """Notifications quote data (code names, error sentences): inert text, never markup."""
        super().notify(
            visible(message), title=visible(title), severity=severity, timeout=timeout, markup=False
        )

    def on_mount(self) -> None:
        self.theme = self.settings.theme
        self.set_keymap(self.settings.keymap)
        question_id, answer_id = self.settings.position(project_key(self.store), self.coder)
        if self.start_question_id is not None:
            question_id, answer_id = self.start_question_id, None
        self.push_screen(CodingScreen(question_id, answer_id))
        self.call_after_refresh(freeze_long_lived)  # modules and the coding screen's widgets
        defer_full_collections()
        self.set_interval(IDLE_CHECK_SECONDS, self._collect_while_idle)
        if self.read_only and self.lock and self.lock.holder:
            self.notify(
                f"Opened read-only: the project is in use by {self.lock.holder.describe()}.",
                severity="warning",
                timeout=8,
            )

    def _coding_screen(self) -> CodingScreen | None:
        return next((s for s in self.screen_stack if isinstance(s, CodingScreen)), None)

    @property
    def current_question_id(self) -> str | None:
        """The question the coding screen shows (for screens opened from the palette)."""
        screen = self._coding_screen()
        return screen.question_id if screen else None

    @property
    def current_answer_id(self) -> int | None:
        """The answer the coding screen shows (for screens opened from the palette)."""
        screen = self._coding_screen()
        return screen.answer_id if screen else None

    def questions_changed(self) -> None:
        """A saved question mapping moved answers: the coding screen lists its questions again."""
        screen = self._coding_screen()
        if screen is not None and screen.session.question_id is not None:
            screen.session.reload_questions()
            question_id = screen.session.known_question(screen.session.question_id)
            screen.query_one(QuestionList).show_questions(
                list(screen.session.questions.values()), question_id
            )
            screen.go_to_question(question_id, screen.session.answer_id)

    def open_screen(self, screen_class: type) -> None:
        """Open a screen from the palette; the coding screen redraws when it closes."""
        coding_screen = self._coding_screen()
        self.push_screen(screen_class(), coding_screen.returned if coding_screen else None)

    def remember_position(self, question_id: str | None, answer_id: int | None) -> None:
        """Keep the coder's place in this project, for the next start."""
        if self.read_only or question_id is None:
            return
        self.settings = self.settings.with_position(
            project_key(self.store), self.coder, question_id, answer_id
        )
        self.save_settings()

    def save_settings(self) -> None:
        save_settings(self.settings, self.settings_file)

    crash_log: Path | None = None

    def _handle_exception(self, error: Exception) -> None:
        """Keep the traceback of an unexpected error in a log file, then let Textual end."""
        self.crash_log = write_crash_log(error)
        super()._handle_exception(error)

    def on_unmount(self) -> None:
        if isinstance(self.suggester, DeferredSuggester):
            self.suggester.cancel()
        if self.lock:
            self.lock.release()
        restore_collections()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent) and not isinstance(event, events.MouseMove):
            self.last_input = time.monotonic()
        await super().on_event(event)

    def _collect_while_idle(self) -> None:
        """The collector's full pass, run when the coder has paused rather than mid-keystroke."""
        if time.monotonic() - self.last_input >= IDLE_SECONDS:
            collect_while_idle()


def make_app(
    path: str | Path,
    coder: str | None = None,
    *,
    suggestions: bool = True,
    question_id: str | None = None,
    wave: int | None = None,
) -> WorkbenchApp:
    """Wire the production parts: lock, store (read-only if locked), settings, suggester."""
    if not Path(path).is_file():
        raise UserError(f"{path}: no such project file (create one with 'workbench init').")
    lock = ProjectLock(path)
    read_only = not lock.acquire() or not project_writable(path)
    try:
        store = Store(path, read_only=read_only)
        if question_id is not None and question_id not in {q["id"] for q in survey.question_rows(store)}:
            raise UserError(f"{path}: there is no question '{question_id}' in this project.")
        wave = opening_wave(store, wave)
    except UserError:
        lock.release()
        raise
    settings = load_settings()
    coder = coder or settings.default_coder(project_key(store))
    suggester = None
    if not read_only:
        coding.ensure_coder(store, coder)
        settings = settings.with_last_coder(project_key(store), coder)
        save_settings(settings)
        if suggestions:
            preload_suggester()
            suggester = DeferredSuggester(path, coder)
    return WorkbenchApp(
        store,
        suggester,
        settings,
        coder=coder,
        read_only=read_only,
        lock=lock,
        question_id=question_id,
        wave=wave,
    )


def run_app(
    path: str | Path, coder: str | None = None, question_id: str | None = None, wave: int | None = None
) -> int:
    """Open the workbench on a project (at ``wave``, else its coding wave) until the coder quits."""
    app = make_app(path, coder, question_id=question_id, wave=wave)
    try:
        app.run()
    finally:
        app.store.close()
        if app.suggester is not None:
            app.suggester.close()
        if app.lock:
            app.lock.release()
    if app.crash_log is not None:
        print(f"workbench stopped on an internal error; the traceback is in {app.crash_log}", file=sys.stderr)
        return 1
    return app.return_code or 0  # a crash inside the app is not a success

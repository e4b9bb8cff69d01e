"""Clusters of a question's uncoded answers as candidate codes: name one, review it, code it."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Label, OptionList, ProgressBar
from textual.widgets.option_list import Option

from workbench import coding
from workbench.display import visible_line
from workbench.errors import UserError
from workbench.screens.bulk_review import BulkReviewScreen
from workbench.screens.suggestion_job import SuggestionJobScreen
from workbench.screens.text_prompt import TextPrompt
from workbench.suggest.results import Cluster
from workbench.widgets.inert import inert_line

EXAMPLES_SHOWN = 3
WORDS_SHOWN = 6
INDENT = 8


def cluster_prompt(cluster: Cluster, width: int) -> Text:
    """A cluster as a list entry: size and distinctive words, then a few example answers,
    each cut to one line of ``width`` characters."""
    prompt = Text()
    prompt.append(f"{cluster.number:>2}", style="bold reverse")
    prompt.append(f" {cluster.size:>4} answers  ", style="bold")
    prompt.append(visible_line(" · ".join(cluster.words[:WORDS_SHOWN])) or "(no distinctive words)")
    room = max(20, width - INDENT - 2)
    for text in cluster.texts[:EXAMPLES_SHOWN]:
        example = " ".join(text.split())
        if len(example) > room:
            example = example[: room - 1] + "…"
        prompt.append(f"\n{' ' * INDENT}“{visible_line(example)}”", style="dim")
    return prompt


def parse_cluster_count(text: str) -> int | None:
    """None for blank (choose automatically), else a whole number of at least 2."""
    if not text.strip():
        return None
    if not text.strip().isdigit() or int(text) < 2:
        raise UserError(f"The number of clusters must be a whole number of 2 or more, not {text!r}.")
    return int(text)


class ClustersScreen(SuggestionJobScreen):
    """Clusters of the uncoded answers of one question, largest first."""

    BINDINGS = [
        Binding("c", "create_code", "Code from cluster", id="clusters_create_code"),
        Binding("k", "cluster_count", "Number of clusters", id="clusters_count"),
    ]

    def __init__(self, question_id: str | None = None) -> None:
        super().__init__()
        self.question_id = question_id
        self.n_clusters: int | None = None
        self.clusters: tuple[Cluster, ...] = ()

    def compose(self) -> ComposeResult:
        yield Label("", id="clusters-title", classes="screen-title")
        yield ProgressBar(id="suggestion-progress", show_eta=False, classes="-idle")
        yield OptionList(id="cluster-list")
        yield Label("", id="clusters-status", classes="suggestion-status")
        yield Footer()

    def on_mount(self) -> None:
        self.question_id = self.question_id or self.app.current_question_id
        self.query_one(OptionList).focus()
        if self.question_id is None:
            self._show_title()
            self.show_status("Open a question first.")
            return
        self.recluster()

    def recluster(self) -> None:
        self._show_title()
        self.show_status("Clustering…")
        self.start_job()

    def _show_title(self) -> None:
        chosen = "automatic" if self.n_clusters is None else str(self.n_clusters)
        self.query_one("#clusters-title", Label).update(
            inert_line(
                f"Clusters of uncoded answers  ·  question {self.question_id or '-'}  ·  "
                f"number of clusters: {chosen}"
            )
        )

    def compute(self, suggester, on_progress) -> tuple[Cluster, ...]:
        return tuple(suggester.clusters(self.question_id, self.n_clusters, on_progress))

    def show_result(self, result: tuple[Cluster, ...]) -> None:
        self.clusters = result
        option_list = self.query_one(OptionList)
        option_list.clear_options()
        width = option_list.scrollable_content_region.width - 2
        option_list.add_options(
            [Option(cluster_prompt(cluster, width), id=str(cluster.number)) for cluster in result]
        )
        if result:
            option_list.highlighted = 0
        self.show_status("" if result else "Fewer than two uncoded answers: nothing to cluster.")

    @property
    def selected_cluster(self) -> Cluster | None:
        index = self.query_one(OptionList).highlighted
        return self.clusters[index] if index is not None and index < len(self.clusters) else None

    def action_cluster_count(self) -> None:
        current = "" if self.n_clusters is None else str(self.n_clusters)
        self.app.push_screen(
            TextPrompt("Number of clusters (blank: choose automatically)", current, "e.g. 8"),
            self._count_chosen,
        )

    def _count_chosen(self, text: str | None) -> None:
        if text is None or self.question_id is None:
            return
        try:
            self.n_clusters = parse_cluster_count(text)
        except UserError as error:
            self.notify(str(error), severity="error")
            return
        self.recluster()

    def action_create_code(self) -> None:
        cluster = self.selected_cluster
        if cluster is None:
            self.notify("Choose a cluster first.", severity="warning")
        elif self.require_writable():
            prompt = TextPrompt(
                f"Name a code for cluster {cluster.number} (Theme > Code nests it)", cluster.label
            )
            self.app.push_screen(prompt, lambda name: self._named(cluster, name))

    def _named(self, cluster: Cluster, name: str | None) -> None:
        if not name or not name.strip():
            return
        try:
            code_id = self._create(name.strip())
        except UserError as error:
            self.notify(str(error), severity="error")
            return
        self.changed = True
        review = BulkReviewScreen(
            f"Code “{name.strip()}”: untick the answers that do not belong",
            list(zip(cluster.answer_ids, cluster.texts, strict=True)),
        )
        self.app.push_screen(review, lambda ticked: self._reviewed(code_id, name.strip(), ticked))

    def _create(self, name: str) -> str:
        """A new code named (or at the path) ``name``; an existing code of that path is reused."""
        store, coder = self.app.store, self.app.coder
        existing = {
            code["path"].casefold(): code["id"] for code in coding.Codebook.from_store(store).live_rows()
        }
        if name.casefold() in existing:
            self.notify(f"“{name}” exists already; the ticked answers get that code.")
            return existing[name.casefold()]
        if ">" in name:
            return coding.code_for_path(store, name, coder, create=True)
        created = coding.create_code(store, name, coder)
        if created.similar:
            self.notify(f"Created. Close to: {', '.join(created.similar)}")
        return created.id

    def _reviewed(self, code_id: str, name: str, ticked: tuple[int, ...] | None) -> None:
        if not ticked:
            self.notify(f"Code “{name}” created; no answers were coded.")
            return
        try:
            coded = coding.apply_to_answers(self.app.store, list(ticked), [code_id], self.app.coder)
        except UserError as error:
            self.notify(str(error), severity="error")
            return
        self.notify(f"Coded {coded} answers with “{name}”.")
        self.recluster()

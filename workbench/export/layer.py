"""The report layer: which coder's codings the counts and quotes come from.

Never the sum of coders. The layer is the coder chosen with ``--coder``, else the project's
primary coder, else the only independent coder; on every segment whose disagreement was
settled, the consensus coder's codings replace the layer coder's (no codes for "neither").
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.errors import UserError
from workbench.store import coders as coder_rows
from workbench.store import report_layer

CHOSEN, PRIMARY, ONLY = "chosen", "primary", "only coder"


@dataclass(frozen=True)
class ReportLayer:
    """The coder whose codings count, how it was picked, and how many segments consensus settled."""

    coder: str | None
    source: str
    settled_segments: int = 0

    def describe(self, words: dict) -> str:
        """One sentence naming the layer, for the document's base note."""
        if self.coder is None:
            return words["layer_none"]
        text = words["layer"].format(coder=self.coder, source=words[f"layer_{self.source}"])
        if self.settled_segments:
            text += " " + words["layer_consensus"].format(settled=self.settled_segments)
        return text

    def manifest(self) -> dict:
        """The layer as plain JSON for the run's manifest."""
        return {
            "coder": self.coder,
            "source": self.source,
            "consensus_replaces_settled_segments": self.settled_segments,
        }


def resolve_layer(store, coder: str | None = None) -> ReportLayer:
    """The report layer of a project; a user error when it is ambiguous or the coder unknown."""
    settled = report_layer.settled_segment_count(store)
    if coder:
        if not coder_rows.coder_exists(store, coder):
            raise UserError(f"{store.path}: there is no coder named '{coder}' in the project.")
        return ReportLayer(coder, CHOSEN, settled)
    primary = report_layer.primary_coder(store)
    if primary:
        return ReportLayer(primary, PRIMARY, settled)
    coders = report_layer.independent_coders(store)
    if len(coders) > 1:
        raise UserError(
            f"{store.path} has several coders ({', '.join(coders)}): choose whose codings the "
            f"report shows with --coder NAME, or once with 'workbench info {store.path} "
            "--set-primary NAME'."
        )
    return ReportLayer(coders[0] if coders else None, ONLY, settled)

"""What a coder may see: the one place blind double-coding is decided (no Textual here).

A coder with a blind sample (``workbench assign`` without ``--open``), or who chose blind
coding in the settings, sees only their own codings and, with a sample, only its answers; no
respondent identity or attributes; and no review or adjudication. Every screen and the coding
session ask a ``Visibility`` instead of reading codings, counts or answers directly.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from workbench.errors import UserError
from workbench.store import Store, teams
from workbench.store import answers as answer_rows

TEAM_SCREENS = {"review": "Review", "adjudication": "Adjudication", "comparison": "Coding comparison"}


@dataclass(frozen=True)
class Visibility:
    """One coder's view: ``sample`` (answer ids, None = all) and ``blind`` (own codings only)."""

    coder: str
    sample: frozenset[int] | None
    blind: bool

    @classmethod
    def of(cls, store: Store, coder: str, chosen_blind: bool = False) -> Visibility:
        """The coder's view in this copy: their sample, blind if assigned blind or chosen."""
        assigned, assigned_blind = teams.assignment_summary(store, coder)
        sample = frozenset(teams.assigned_answer_ids(store, coder)) if assigned else None
        return cls(coder, sample, chosen_blind or assigned_blind)

    @property
    def only_coder(self) -> str | None:
        """Whose codings count in filters, counts and charts: this coder's when blind, else anyone's."""
        return self.coder if self.blind else None

    def answers(self, answer_ids: Iterable[int]) -> list[int]:
        """The answers among these that the coder may see and act on."""
        return [answer for answer in answer_ids if self.sample is None or answer in self.sample]

    def codings(self, rows: Iterable[dict]) -> list[dict]:
        """Coding rows (with a ``coder`` key) the coder may see."""
        return [row for row in rows if not self.blind or row["coder"] == self.coder]

    def respondent_label(self, respondent_id: str, answer_id: int) -> str:
        """How the answer's respondent is named on screen: not at all when blind."""
        return f"answer {answer_id}" if self.blind else respondent_id

    def check_filter(self, answer_filter) -> None:
        """Refuse filters that would reveal attributes or another coder's codings."""
        if not self.blind:
            return
        if getattr(answer_filter, "county", None) or getattr(answer_filter, "size_group", None):
            raise UserError("Respondent attributes are hidden in blind coding: no filter by them.")
        if getattr(answer_filter, "coder", None) not in (None, self.coder):
            raise UserError("Other coders' codings are hidden in blind coding.")

    def refuse_team_screen(self, screen: str) -> None:
        """Review and adjudication show other coders' codes: closed to a blind coder."""
        if self.blind:
            raise UserError(
                f"{TEAM_SCREENS.get(screen, screen)} is closed to {self.coder}: blind coding hides "
                "the other coders' codes until the double-coding is merged by the lead coder."
            )

    def answer_ids(self, store: Store, question_id: str, wave: int | None, answer_filter) -> list[int]:
        """The question's answers matching a filter, as this coder may see them."""
        self.check_filter(answer_filter)
        return self.answers(answer_rows.answer_ids(store, question_id, wave, answer_filter, self.only_coder))

    def code_usage(self, store: Store) -> dict[str, tuple[set[str], set[str]]]:
        """Codebook counts per code: (segments, respondents) the coder may see."""
        return teams.code_usage_of(store, self.only_coder, self.sample)

    def respondents_per_code(
        self, store: Store, question_id: str, wave: int | None
    ) -> tuple[int, list[dict]]:
        """(base, rows) for the chart of one question, as the coder may see it."""
        return teams.respondents_per_code_of(store, question_id, wave, self.only_coder, self.sample)

    def coded_respondents(self, store: Store, question_id: str, wave: int | None) -> int:
        """Respondents with a coded answer to the question, as the coder may see them."""
        return teams.coded_respondents_of(store, question_id, wave, self.only_coder, self.sample)


def refused_on_screen(screen, name: str) -> bool:
    """For a team screen being mounted: if the app's coder is blind, say why and close it."""
    app = screen.app
    try:
        Visibility.of(app.store, app.coder, app.settings.blind).refuse_team_screen(name)
    except UserError as error:
        app.notify(str(error), severity="error", timeout=6)
        app.pop_screen()
        return True
    return False

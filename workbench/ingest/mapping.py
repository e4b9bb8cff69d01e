"""The question mapping of a new wave to earlier waves: proposed, read from a file, applied.

Question ids change between forms, so each question of a new wave's file is matched to the
project's earlier questions: first by id (a project id or an id an earlier form used), then
by question-text similarity (rapidfuzz's token-set ratio). A question is
- ``new``: no earlier question; it becomes a project question under its own id;
- ``continued``: one earlier question; its answers are stored under that question's id, so
  its codebook, counts and coded examples carry over;
- ``split``: one of several new questions drawn from the same earlier question;
- ``merged``: one new question drawn from several earlier ones.
Split and merged questions become project questions under their own ids, with their sources.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from rapidfuzz import fuzz, utils

from workbench.ingest.model import SurveyData
from workbench.ingest.questions import QuestionSpec

STATUSES = ("new", "continued", "split", "merged")
SOURCE_COUNTS = {"new": (0, 0), "continued": (1, 1), "split": (1, 1), "merged": (2, 99)}  # fewest, most
SIMILAR_TEXT = 70  # token-set ratio at or above which texts are taken for the same question
MERGE_MARGIN = 5  # a second earlier question this close to the best one makes a merge


@dataclass(frozen=True)
class QuestionLink:
    """How one question of the new wave's file relates to earlier questions."""

    form_id: str
    status: str
    sources: tuple[str, ...] = ()
    score: int = 0  # text similarity to the sources, 0–100
    text: str = ""

    @property
    def project_id(self) -> str:
        """The project question its answers are stored under."""
        return self.sources[0] if self.status == "continued" else self.form_id


@dataclass(frozen=True)
class QuestionMapping:
    """Every question of one wave's file, linked to earlier waves, and the questions dropped."""

    wave: int
    links: tuple[QuestionLink, ...]
    dropped: tuple[str, ...] = ()
    by_text: tuple[str, ...] = ()  # form ids matched by text only: the user should check them

    @property
    def needs_review(self) -> bool:
        """Whether any link rests on text similarity, or splits or merges questions."""
        return bool(self.by_text) or any(link.status in ("split", "merged") for link in self.links)

    def apply(self, survey: SurveyData) -> SurveyData:
        """The survey with continued questions' answers under their project ids."""
        project_of = {link.form_id: link.project_id for link in self.links}
        kept = [spec for spec in survey.questions if project_of[spec.id] == spec.id]
        renamed = project_of if any(key != value for key, value in project_of.items()) else None
        answers = survey.answers
        if renamed:
            answers = [(respondent, renamed[question], text) for respondent, question, text in answers]
        return replace(survey, questions=kept, answers=answers)

    def rows(self) -> list[tuple]:
        """(question_id, form_id, text, status, sources) rows for the store."""
        return [(link.project_id, link.form_id, link.text, link.status, link.sources) for link in self.links]


def propose_mapping(questions: list[QuestionSpec], earlier: list[dict], wave: int) -> QuestionMapping:
    """Match the file's questions to earlier ones (rows: id, text, form_ids), by id then text."""
    owner_of_form = {form_id: row["id"] for row in earlier for form_id in row["form_ids"]}
    text_of = {row["id"]: row["text"] for row in earlier}
    by_id = {spec.id: owner_of_form[spec.id] for spec in questions if spec.id in owner_of_form}
    unclaimed = [row for row in earlier if row["id"] not in by_id.values()]
    candidates = {spec.id: _candidates(spec.text, unclaimed) for spec in questions if spec.id not in by_id}
    best_counts: dict[str, int] = {}
    for found in candidates.values():
        if found:
            best_counts[found[0][1]] = best_counts.get(found[0][1], 0) + 1
    links = [_link(spec, by_id, text_of, candidates.get(spec.id, []), best_counts) for spec in questions]
    linked = {source for link in links for source in link.sources}
    dropped = tuple(row["id"] for row in earlier if row["id"] not in linked)
    by_text = tuple(link.form_id for link in links if link.sources and link.form_id not in by_id)
    return QuestionMapping(wave, tuple(links), dropped, by_text)


def _candidates(text: str, earlier: list[dict]) -> list[tuple[int, str]]:
    """Earlier questions whose text is similar enough, best first: (score, id)."""
    if not text.strip():
        return []
    scored = [
        (round(fuzz.token_set_ratio(text, row["text"], processor=utils.default_process)), row["id"])
        for row in earlier
        if row["text"].strip()
    ]
    return sorted((item for item in scored if item[0] >= SIMILAR_TEXT), key=lambda item: (-item[0], item[1]))


def _link(spec, by_id, text_of, found, best_counts) -> QuestionLink:
    if spec.id in by_id:
        source = by_id[spec.id]
        score = round(fuzz.token_set_ratio(spec.text, text_of[source], processor=utils.default_process))
        return QuestionLink(spec.id, "continued", (source,), score if spec.text else 100, spec.text)
    if not found:
        return QuestionLink(spec.id, "new", (), 0, spec.text)
    best_score, best = found[0]
    close = [source for score, source in found if best_score - score <= MERGE_MARGIN]
    if len(close) > 1:
        return QuestionLink(spec.id, "merged", tuple(close), best_score, spec.text)
    status = "split" if best_counts[best] > 1 else "continued"
    return QuestionLink(spec.id, status, (best,), best_score, spec.text)


def identity_mapping(questions: list[QuestionSpec], wave: int) -> QuestionMapping:
    """A first wave's mapping: every question new."""
    return QuestionMapping(wave, tuple(QuestionLink(spec.id, "new", (), 0, spec.text) for spec in questions))

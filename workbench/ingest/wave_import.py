"""Choosing the question mapping for an import: the user's file, a safe proposal, or a stop."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from workbench.errors import UserError
from workbench.ingest.mapping import QuestionMapping, identity_mapping, propose_mapping
from workbench.ingest.mapping_file import read_mapping_file
from workbench.ingest.model import SurveyData
from workbench.store import Store, waves
from workbench.store import survey as survey_rows


def proposed_mapping(store: Store, survey: SurveyData, wave: int) -> QuestionMapping:
    """The proposal for this file's questions against the project's earlier waves."""
    earlier = waves.earlier_questions(store, wave)
    if not earlier:
        return identity_mapping(survey.questions, wave)
    return propose_mapping(survey.questions, earlier, wave)


def mapping_for_import(
    store: Store, survey: SurveyData, wave: int, file: Path, mapping_file: str | Path | None
) -> QuestionMapping:
    """The user's mapping file if given; else the proposal when it needs no human judgement."""
    if mapping_file is not None:
        own = {
            row["form_id"] for row in waves.question_wave_rows(store, wave) if row["status"] != "continued"
        }
        project_ids = {row["id"] for row in survey_rows.question_rows(store)}
        mapping = read_mapping_file(
            mapping_file, wave, [spec.id for spec in survey.questions], project_ids - own
        )
        _check_stored(store, mapping, Path(mapping_file))
        text_of = {spec.id: spec.text for spec in survey.questions}  # the file's text is for information
        return replace(
            mapping, links=tuple(replace(link, text=text_of[link.form_id]) for link in mapping.links)
        )
    proposal = proposed_mapping(store, survey, wave)
    if proposal.needs_review:
        examples = ", ".join(
            f"{link.form_id} → {'+'.join(link.sources)}"
            for link in proposal.links
            if link.form_id in proposal.by_text
        )
        raise UserError(
            f"{file.name}: some questions look like earlier waves' questions under other ids "
            f"({examples or 'split or merged questions'}); write the proposed mapping with "
            "--map FILE, check it, and import again with the same --map FILE."
        )
    return proposal


def _check_stored(store: Store, mapping: QuestionMapping, file: Path) -> None:
    """A wave imported again keeps its answers where the stored mapping put them: a mapping
    file that would store a question's answers under another project question is refused."""
    stored = {row["form_id"]: row["question_id"] for row in waves.question_wave_rows(store, mapping.wave)}
    for link in mapping.links:
        if stored.get(link.form_id, link.project_id) != link.project_id:
            raise UserError(
                f"{file}: wave {mapping.wave} stores {link.form_id} under {stored[link.form_id]}, not "
                f"{link.project_id}; make the file say so, or change the mapping in the workbench "
                "(palette: Question mapping)."
            )

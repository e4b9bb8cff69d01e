"""The questions one wave asked, each worded as that wave's form asked it.

A question the wave did not ask (q11 of a later form, while coding an earlier wave) has no
answers to code there, so the coding screen does not offer it. A wave without a recorded
question mapping (or no wave at all) lists every question of the project.
"""

from __future__ import annotations

from workbench.store import Store, survey, waves


def questions_as_asked(store: Store, wave: int | None) -> dict[str, dict]:
    """The questions ``wave`` asked, by id in report order (a reworded question keeps its id
    but shows this wave's text); every question when the wave has no mapping."""
    asked = waves.question_wave_rows(store, wave) if wave is not None else []
    worded = {row["question_id"]: row["text"] for row in asked if row["text"]}
    kept = {row["question_id"] for row in asked}
    rows = survey.question_rows(store)
    return {
        row["id"]: {**row, "text": worded.get(row["id"], row["text"])}
        for row in rows
        if not kept or row["id"] in kept
    }

"""The export screen: run an export in a worker, show the folder, or the leak check's refusal."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import RadioSet, Static

from workbench import coding
from workbench.screens.export import ExportScreen
from workbench.store import imports
from workbench.store import segments as segment_rows

pytestmark = pytest.mark.anyio


def _code_everything(app, for_report: bool, wave: int = 2024) -> None:
    code_id = coding.code_for_path(app.store, "Samarbeid > Faste møter", "ola")
    for respondent in ("0301", "4601"):
        segment = imports.default_segment_id(respondent, "q01", wave)
        coding.apply_codes(app.store, segment, [code_id], "ola")
        segment_rows.set_for_report(app.store, segment, for_report)


def _add_wave_with_names(app) -> None:
    with app.store.atomic():
        first_id = imports.last_answer_id(app.store) + 1
        imports.add_answers(
            app.store,
            2025,
            first_id,
            [
                ("4601", "q01", "Bergen og Askøy møtes hver uke."),
                ("0301", "q01", "Vi har faste møter."),
            ],
        )
    app.wave = 2025


async def _export(app, pilot, kind: str) -> Static:
    app.push_screen(ExportScreen("q01"))
    await pilot.pause()
    radio = app.screen.query_one(RadioSet)
    next(button for button in radio.query("RadioButton") if button.name == kind).value = True
    await pilot.press("ctrl+e")
    await app.workers.wait_for_complete()
    await pilot.pause()
    return app.screen.query_one("#export-result", Static)


async def test_counts_export_shows_where_the_files_went(make_app, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = make_app()
    _code_everything(app, for_report=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        result = await _export(app, pilot, "counts")
        text = str(result.render())
        assert result.has_class("-done") and "Written to" in text
        folder = Path(text.split("Written to ", 1)[1].splitlines()[0])
        assert (folder / "counts.docx").exists() and (folder / "manifest.json").exists()


async def test_a_leak_is_shown_and_nothing_is_written(make_app, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = make_app()
    _add_wave_with_names(app)
    _code_everything(app, for_report=True, wave=2025)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        result = await _export(app, pilot, "quotes")
        assert result.has_class("-error")
        assert not (tmp_path / "exports").exists() or not any((tmp_path / "exports").iterdir())

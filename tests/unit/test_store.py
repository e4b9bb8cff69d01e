"""The project database: creation, migrations, pragmas, refusal of foreign files."""

import pytest

from workbench.errors import UserError
from workbench.project import create_project, open_project, project_info
from workbench.store.migrations import MIGRATIONS


def test_new_project_is_migrated_to_latest_version(tmp_path):
    store = create_project(tmp_path / "p.db")
    assert store.schema_version() == MIGRATIONS[-1][0]
    assert store.scalar("PRAGMA foreign_keys") == 1
    assert store.scalar("PRAGMA journal_mode") == "wal"
    store.close()


def test_creating_over_an_existing_file_is_refused(tmp_path):
    create_project(tmp_path / "p.db").close()
    with pytest.raises(UserError, match="already exists"):
        create_project(tmp_path / "p.db")


def test_opening_a_missing_or_foreign_file_is_a_user_error(tmp_path):
    with pytest.raises(UserError, match="no such project file"):
        open_project(tmp_path / "missing.db")
    foreign = tmp_path / "notes.db"
    foreign.write_text("just some text, not SQLite")
    with pytest.raises(UserError, match="not a workbench project"):
        open_project(foreign)


def test_atomic_rolls_back_everything_on_error(tmp_path):
    store = create_project(tmp_path / "p.db")
    with pytest.raises(RuntimeError):
        with store.atomic():
            store.execute("INSERT INTO questions (id, text) VALUES ('q1', 'x')")
            raise RuntimeError("boom")
    assert store.scalar("SELECT COUNT(*) FROM questions") == 0
    store.close()


def test_info_of_empty_project(tmp_path):
    create_project(tmp_path / "p.db").close()
    info = project_info(tmp_path / "p.db")
    assert info == {
        "respondents": 0,
        "waves": [],
        "coders": [],
        "primary_coder": None,
        "codes": 0,
        "questions": [],
    }

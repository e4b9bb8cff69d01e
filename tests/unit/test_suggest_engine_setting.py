"""``workbench engine``: the project setting that names the suggestion engine can be written."""

import pytest

from workbench.cli import main
from workbench.errors import UserError
from workbench.project import create_project, open_project
from workbench.suggest import engines
from workbench.suggest.engines import ENGINE_SETTING, project_engine, save_project_engine
from workbench.suggest.representation import TfidfRepresentation


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setitem(engines.ENGINES, "plain", TfidfRepresentation)
    path = tmp_path / "p.db"
    create_project(path).close()
    return path


def test_a_new_project_uses_the_default_engine(project, capsys):
    assert main(["engine", str(project)]) == 0
    assert capsys.readouterr().out.startswith("tfidf  (available: tfidf")


def test_the_saved_engine_is_the_one_suggestions_use(project, capsys):
    assert main(["engine", str(project), "plain"]) == 0
    assert "now use the plain engine" in capsys.readouterr().out
    with open_project(project, read_only=True) as store:
        assert store.get_setting(ENGINE_SETTING) == "plain"
        assert project_engine(store) == "plain"
    assert main(["engine", str(project)]) == 0
    assert capsys.readouterr().out.startswith("plain  (available:")


def test_an_unknown_engine_is_refused_and_nothing_is_saved(project, capsys):
    assert main(["engine", str(project), "bert"]) == 2
    assert "unknown suggestion engine 'bert'" in capsys.readouterr().err
    with open_project(project) as store:
        assert store.get_setting(ENGINE_SETTING) is None
        with pytest.raises(UserError, match="unknown suggestion engine"):
            save_project_engine(store, "")


def test_a_missing_project_is_one_sentence_on_stderr(tmp_path, capsys):
    assert main(["engine", str(tmp_path / "missing.db"), "tfidf"]) == 2
    assert "no such project file" in capsys.readouterr().err

"""``workbench demo``: the demo project is built once from the package files, then reused."""

import sys
import types

import pytest

from workbench.cli import main
from workbench.demo import builder as demo
from workbench.project import open_project, project_info

ANSWERS = (
    "respondent_id;name;county;size_group;q01;q02\n"
    "1804;Bodø;Nordland;50 000 og over;Godt;\n"
    "0301A1;Velferdsetaten;Oslo;Bydel i Oslo;Som før;Ja\n"
)
QUESTIONS = (
    "- {id: q01, text: Første, kind: open, chapter: '1', single_code: false}\n"
    "- {id: q02, text: Annet, kind: other, chapter: '1'}\n"
)


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    answers, questions = tmp_path / "answers.csv", tmp_path / "questions.yaml"
    answers.write_text(ANSWERS, encoding="utf-8")
    questions.write_text(QUESTIONS, encoding="utf-8")
    monkeypatch.setattr(demo, "demo_source_files", lambda: (answers, questions))
    return answers, questions


def test_demo_is_built_once_and_reused(tmp_path, corpus):
    target = tmp_path / "data" / "demo.db"
    path, built = demo.ensure_demo_project(target)
    assert (path, built) == (target, True)
    info = project_info(target)
    assert info["respondents"] == 2 and info["waves"] == [demo.DEMO_WAVE]
    assert [q["id"] for q in info["questions"]] == ["q01", "q02"]
    assert demo.ensure_demo_project(target) == (target, False)
    assert not list(target.parent.glob("*.building*"))


def test_interrupted_build_leaves_no_project(tmp_path, corpus):
    target = tmp_path / "demo.db"

    def interrupt(done, total):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        demo.ensure_demo_project(target, on_progress=interrupt)
    assert list(tmp_path.glob("demo.db*")) == []


def test_default_path_is_in_the_user_data_folder():
    import platformdirs

    path = demo.default_demo_path()
    assert path.name == "demo.db"
    assert path.parent == platformdirs.user_data_path("workbench", appauthor=False)


def test_cli_no_tui_builds_and_prints_the_path(tmp_path, corpus, capsys):
    target = tmp_path / "demo.db"
    assert main(["demo", "--path", str(target), "--no-tui"]) == 0
    assert capsys.readouterr().out.strip() == str(target)
    with open_project(target, read_only=True) as store:
        assert store.scalar("SELECT COUNT(*) FROM answers") == 4


def test_cli_opens_the_tui_with_the_coder(tmp_path, corpus, monkeypatch):
    calls = []
    fake_tui = types.ModuleType("workbench.tui")
    fake_tui.run_app = lambda path, coder: calls.append((path, coder))
    monkeypatch.setitem(sys.modules, "workbench.tui", fake_tui)
    monkeypatch.setattr("workbench.tui", fake_tui, raising=False)
    target = tmp_path / "demo.db"
    assert main(["demo", "--path", str(target), "--coder", "kari"]) == 0
    assert calls == [(target, "kari")]


def test_the_bundled_corpus_builds(tmp_path):
    try:
        answers, questions = demo.demo_source_files()
    except Exception as error:  # the corpus is delivered separately
        pytest.skip(str(error))
    demo.build_demo_project(tmp_path / "demo.db", answers, questions)
    info = project_info(tmp_path / "demo.db")
    assert info["respondents"] == 372
    assert 8 <= len(info["questions"]) <= 12
    assert all(question["answers"] > 0 for question in info["questions"])

"""``workbench demo``: the demo project is built once from the package files, then reused."""

import sys
import types

import pytest

from workbench.cli import main
from workbench.coding.waves import opening_wave
from workbench.demo import builder as demo
from workbench.project import open_project, project_info
from workbench.store.waves import question_wave_rows

ANSWERS = (
    "respondent_id;name;county;size_group;q01;q02\n"
    "1804;Bodø;Nordland;50 000 og over;Godt;\n"
    "0301A1;Velferdsetaten;Oslo;Bydel i Oslo;Som før;Ja\n"
)
QUESTIONS = (
    "- {id: q01, text: Første, kind: open, chapter: '1', single_code: false}\n"
    "- {id: q02, text: Annet, kind: other, chapter: '1'}\n"
)
ANSWERS_2024 = "respondent_id;name;county;size_group;forste;q02\n1804;Bodø;Nordland;50 000 og over;Bra;\n"
QUESTIONS_2024 = (
    "- {id: forste, text: Første nå, kind: open, chapter: '1', single_code: false}\n"
    "- {id: q02, text: Annet, kind: other, chapter: '1'}\n"
)
MAPPING_2024 = (
    "wave: 2024\nquestions:\n- {id: forste, status: continued, from: [q01]}\n"
    "- {id: q02, status: continued, from: [q02]}\n"
)


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    files = {}
    for name, text in (
        ("answers.csv", ANSWERS),
        ("questions.yaml", QUESTIONS),
        ("answers_2024.csv", ANSWERS_2024),
        ("questions_2024.yaml", QUESTIONS_2024),
        ("mapping_2024.yaml", MAPPING_2024),
    ):
        files[name] = tmp_path / name
        files[name].write_text(text, encoding="utf-8")
    waves = (
        demo.DemoWave(demo.DEMO_WAVE, files["answers.csv"], files["questions.yaml"]),
        demo.DemoWave(
            demo.SECOND_WAVE,
            files["answers_2024.csv"],
            files["questions_2024.yaml"],
            files["mapping_2024.yaml"],
        ),
    )
    monkeypatch.setattr(demo, "demo_source_files", lambda: waves)
    return waves


def test_demo_is_built_once_and_reused(tmp_path, corpus):
    target = tmp_path / "data" / "demo.db"
    path, built = demo.ensure_demo_project(target)
    assert (path, built) == (target, True)
    info = project_info(target)
    assert info["respondents"] == 2 and info["waves"] == [demo.DEMO_WAVE, demo.SECOND_WAVE]
    assert [q["id"] for q in info["questions"]] == ["q01", "q02"]
    with open_project(target, read_only=True) as store:
        assert store.scalar("SELECT question_id FROM answers WHERE wave = 2024 AND text = 'Bra'") == "q01"
        assert opening_wave(store) == demo.DEMO_WAVE
        assert opening_wave(store, 2024) == 2024
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
        assert store.scalar("SELECT COUNT(*) FROM answers") == 4 + 2


def test_cli_opens_the_tui_with_the_coder(tmp_path, corpus, monkeypatch):
    calls = []
    fake_tui = types.ModuleType("workbench.tui")
    fake_tui.run_app = lambda path, coder, wave=None: calls.append((path, coder, wave))
    monkeypatch.setitem(sys.modules, "workbench.tui", fake_tui)
    monkeypatch.setattr("workbench.tui", fake_tui, raising=False)
    target = tmp_path / "demo.db"
    assert main(["demo", "--path", str(target), "--coder", "kari"]) == 0
    assert main(["demo", "--path", str(target), "--wave", "2024"]) == 0
    assert calls == [(target, "kari", None), (target, None, 2024)]


def test_the_bundled_corpus_builds(tmp_path):
    try:
        waves = demo.demo_source_files()
    except Exception as error:  # the corpus is delivered separately
        pytest.skip(str(error))
    demo.build_demo_project(tmp_path / "demo.db", waves)
    info = project_info(tmp_path / "demo.db")
    assert info["respondents"] == 372 and info["waves"] == [2023, 2024]
    assert 10 <= len(info["questions"]) <= 14
    assert all(question["answers"] > 0 for question in info["questions"])
    with open_project(tmp_path / "demo.db", read_only=True) as store:
        per_wave = store.rows(
            "SELECT wave, COUNT(*) AS n, COUNT(DISTINCT respondent_id) AS units FROM answers GROUP BY wave"
        )
        assert [(row["wave"], row["n"], row["units"]) for row in per_wave] == [
            (2023, 3720, 372),
            (2024, 2926, 266),
        ]
        forms = {row["form_id"]: row for row in question_wave_rows(store, 2024)}
        assert forms["bolig"]["question_id"] == "q05" and forms["q11"]["status"] == "new"
        assert opening_wave(store) == 2023

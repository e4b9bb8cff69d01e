"""The double-coding scenario end to end: kari codes q01 and q05, ola double-codes a seeded
blind sample in her own copy, they merge both ways, measure, settle with every option, and
the reliability text reports it."""

import shutil

from teams_project import build_project

from workbench import coding
from workbench.project import open_project
from workbench.review import adjudication
from workbench.review.assign import assign_sample
from workbench.review.blind import Visibility
from workbench.review.measure import measure_agreement
from workbench.review.merge import merge_project
from workbench.review.reliability_report import export_reliability
from workbench.store import codings as coding_rows
from workbench.store import teams
from workbench.store.answers import AnswerFilter


def segments_of(store, question: str) -> list[str]:
    return [
        row["id"]
        for row in store.rows(
            "SELECT s.id FROM segments s JOIN answers a ON a.id = s.answer_id "
            "WHERE a.question_id = ? ORDER BY a.id",
            (question,),
        )
    ]


def count(store, coder: str) -> int:
    return store.scalar("SELECT COUNT(*) FROM codings WHERE coder = ?", (coder,))


def lead_codes(store) -> dict[str, str]:
    codes = {name: coding.create_code(store, name, "kari").id for name in ("Samarbeid", "Ventetid", "Annet")}
    for question in ("q01", "q05"):
        for number, segment in enumerate(segments_of(store, question)):
            coding.apply_codes(store, segment, [codes["Samarbeid" if number % 2 else "Ventetid"]], "kari")
    return codes


def blind_coding(path, codes) -> None:
    """Ola codes her sample: agrees on even answers, disagrees on odd ones, revises one."""
    with open_project(path) as store:
        view = Visibility.of(store, "ola")
        assert view.blind and view.code_usage(store) == {}
        assert view.answer_ids(store, "q01", 2024, AnswerFilter(code_id=codes["Samarbeid"])) == []
        sample = sorted(view.sample)
        for number, answer in enumerate(sample):
            segment = store.scalar("SELECT id FROM segments WHERE answer_id = ?", (answer,))
            kari = coding_rows.codes_of_segment(store, segment, "kari")[0]
            chosen = kari if number % 2 == 0 else codes["Annet"]
            coding.apply_codes(store, segment, [chosen], "ola")
        last = store.scalar("SELECT id FROM segments WHERE answer_id = ?", (sample[-1],))
        coding.remove_codes(store, last, [codes["Annet"]], "ola")
        coding.apply_codes(store, last, [coding_rows.codes_of_segment(store, last, "kari")[0]], "ola")


def test_double_coding_from_sample_to_published_reliability(tmp_path):
    kari_path = tmp_path / "kari.db"
    store = build_project(kari_path, respondents=20, questions=("q01", "q02", "q05"))
    codes = lead_codes(store)
    sample = assign_sample(store, "ola", 0.2, seed=7)
    assert sample.new_answers_by_question == {"q01": 4, "q05": 4}
    store.close()
    ola_path = tmp_path / "ola.db"
    shutil.copy(kari_path, ola_path)
    blind_coding(ola_path, codes)
    with open_project(kari_path) as store:
        coding.define_code(store, codes["Annet"], "kari", definition="Alt som ikke passer ellers.")
        kari_before = count(store, "kari")
        report = merge_project(store, ola_path)
        assert dict(report.by_coder["ola"]) == {"codings added": 8} and not report.conflicts
        assert count(store, "kari") == kari_before == 40 and count(store, "ola") == 8
    with open_project(ola_path) as store:
        assert not merge_project(store, kari_path).conflicts
        assert store.scalar("SELECT definition FROM codes WHERE id = ?", (codes["Annet"],)).startswith("Alt")
    with open_project(kari_path) as store:
        assert not merge_project(store, ola_path).changed

        result = measure_agreement(store, ["kari", "ola"])
        assert (result.segments, result.questions) == (8, ("q01", "q05"))
        assert result.percent_exact_sets == 5 / 8
        items = adjudication.disagreements(store, "kari", "ola")
        assert len(items) == 3
        pair = ("kari", "ola")
        adjudication.decide(store, items[0], pair, "first", "kari")
        adjudication.decide(store, items[1], pair, "second", "kari")
        adjudication.decide(store, items[2], pair, "both", "kari")
        adjudication.decide(store, items[2], pair, "edit", "kari", edited=[codes["Ventetid"]])
        adjudication.decide(store, items[2], pair, "neither", "kari")
        assert adjudication.undo_decision(store, items[2], pair, "kari") == "edit"
        adjudication.decide(store, items[2], pair, "neither", "kari")
        settled = teams.settled_segments(store)
        assert sorted(row["decision"] for row in settled.values()) == ["first", "neither", "second"]
        assert count(store, "consensus") == 2
        assert measure_agreement(store, ["kari", "ola"]).percent_exact_sets == 5 / 8  # independent kept

        markdown, _ = export_reliability(store, tmp_path / "nb", question_id=None, lang="nb")
        norwegian = markdown.read_text(encoding="utf-8")
        assert "spørsmål q01 og q05, med svaret som enhet" in norwegian
        assert "ola fikk et tilfeldig utvalg på 20 % av svarene per spørsmål (fast frø 7)" in norwegian
        assert "kodet blindt" in norwegian and "Av 8 tildelte svar ble 8 kodet (0 ikke kodet)" in norwegian
        assert "3 av 3 svar med ulike kodesett er avgjort" in norwegian
        markdown, _ = export_reliability(store, tmp_path / "en", question_id="q05", lang="en")
        english = markdown.read_text(encoding="utf-8")
        assert "Reliability was assessed for question q05, with the answer as the unit" in english
        assert "coded 4 answers in common" in english and "| Theme |" in english


def test_coding_comparison_side_by_side_and_disagreements_exported(tmp_path, capsys):
    import csv

    import openpyxl
    import pytest

    from workbench.cli import main
    from workbench.errors import UserError
    from workbench.review.comparison import compare

    path = tmp_path / "p.db"
    store = build_project(path, respondents=6, questions=("q01", "q05"))
    codes = lead_codes(store)
    for number, segment in enumerate(segments_of(store, "q01") + segments_of(store, "q05")):
        kari = coding_rows.codes_of_segment(store, segment, "kari")[0]
        coding.apply_codes(store, segment, [kari if number % 3 else codes["Annet"]], "ola")
    result = compare(store, ["kari", "ola"])
    assert (result.answers, result.differing, result.settled) == (12, 4, 0)
    assert result.rows[0].disagreements >= result.rows[-1].disagreements
    annet = [row for row in result.rows if row.code == "Annet"]
    assert [(row.question_id, row.only_second, row.n) for row in annet] == [("q01", 2, 6), ("q05", 2, 6)]
    item = adjudication.disagreements(store, "kari", "ola")[0]
    adjudication.decide(store, item, ("kari", "ola"), "neither", "kari")
    after = compare(store, ["kari", "ola"])
    assert after.settled == 1 and after.percent_after == pytest.approx(9 / 12)
    with pytest.raises(UserError, match="exactly two"):
        compare(store, ["kari", "ola", "consensus"])
    store.close()
    assert main(["compare", str(path), "--coders", "kari,ola", "--out", str(tmp_path / "d.csv")]) == 0
    output = capsys.readouterr().out
    assert "kari and ola: 12 answers coded by both, 4 with other codes" in output
    with open(tmp_path / "d.csv", encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert len(rows) == 5 and rows[1][-1] == "neither"
    assert (
        main(
            [
                "compare",
                str(path),
                "--coders",
                "kari,ola",
                "--question",
                "q05",
                "--out",
                str(tmp_path / "d.xlsx"),
            ]
        )
        == 0
    )
    sheet = openpyxl.load_workbook(tmp_path / "d.xlsx")["Disagreements"]
    assert sheet.max_row == 3
    assert main(["compare", str(path), "--coders", "kari,ola", "--out", str(tmp_path / "d.txt")]) == 2

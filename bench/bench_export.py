"""Benchmark of the report exports.

  * the whole demo report: the bundled demo survey coded with its hidden truth
    (corpora/demo_truth.csv), all chapters, Word + Markdown + CSV, counts with charts and every
    coded segment quoted (a draft, since the demo holds unapproved names) — target < 3 s;
  * 20 000 quotes to Word: a generated survey (372 units, 70 questions, ~290 answers each,
    a three-level codebook, one or two codes per answer), all segments — target < 10 s,
    timed with the real anonymisation layer and with a pass-through stand-in for it;
  * counts of many questions: 1 000 and 5 000 questions (12 answers each, long layout), the
    counted tables alone and ``export counts`` without charts — target < 10 s at 5 000,
    and time per question about constant (linear in the number of questions).
Run: /tmp/venv/bin/python bench/bench_export.py
"""

from __future__ import annotations

import csv
import random
import sys
import tempfile
import time
import types
from dataclasses import dataclass
from pathlib import Path

import yaml

from workbench import coding
from workbench.demo.builder import DEMO_WAVE
from workbench.export import ExportOptions, run_export
from workbench.ingest import import_survey
from workbench.municipalities import OSLO_DISTRICTS, municipalities
from workbench.project import create_project, open_project
from workbench.store import segments as segment_rows
from workbench.store.database import stable_id

WAVE = 2021
WORDS = (
    "samarbeid",
    "fastlege",
    "møter",
    "rutiner",
    "kapasitet",
    "ventetid",
    "bruker",
    "tjenesten",
    "kompetanse",
    "pandemien",
    "digitale",
    "flere",
    "færre",
    "godt",
    "dårlig",
)
THEMES = {
    f"Tema {t}": {f"Undertema {t}.{s}": [f"Kode {t}.{s}.{c}" for c in range(1, 4)] for s in range(1, 3)}
    for t in range(1, 5)
}


@dataclass(frozen=True)
class Quote:
    segment_id: str
    text: str


def _units() -> list[str]:
    numbers = [m.number for m in municipalities() if m.number != "0301"]
    return numbers + list(OSLO_DISTRICTS)


def _write_survey(folder: Path, rng: random.Random, questions: int, per_question: tuple) -> dict:
    units = _units()
    ids = [f"q{n:02d}" for n in range(1, questions + 1)]
    specs = [
        {
            "id": q,
            "text": f"Spørsmål {q}",
            "kind": "open",
            "chapter": str(1 + i // 4),
            "single_code": i % 5 == 0,
        }
        for i, q in enumerate(ids)
    ]
    (folder / "questions.yaml").write_text(yaml.safe_dump(specs, allow_unicode=True))
    answered = {q: set(rng.sample(units, rng.randint(*per_question))) for q in ids}
    texts = {}
    with open(folder / "answers.csv", "w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, delimiter=";")
        writer.writerow(["respondent_id", *ids])
        for unit in units:
            row = [unit]
            for q in ids:
                text = " ".join(rng.choices(WORDS, k=rng.randint(3, 40))).capitalize() + "."
                row.append(text if unit in answered[q] else "")
                if unit in answered[q]:
                    texts[stable_id("segment", unit, q, WAVE)] = (unit, q, text)
            writer.writerow(row)
    return texts


def build_project(path: Path, questions: int, per_question: tuple, seed: int = 7) -> dict:
    """A coded project at ``path``; returns segment id → (unit, question, text)."""
    rng = random.Random(seed)
    texts = _write_survey(path.parent, rng, questions, per_question)
    store = create_project(path)
    import_survey(
        store, path.parent / "answers.csv", questions_file=path.parent / "questions.yaml", wave=WAVE
    )
    with store.atomic():
        coding.ensure_coder(store, "bench")
        paths = [f"{t} > {s} > {c}" for t, subs in THEMES.items() for s, cs in subs.items() for c in cs]
        code_ids = [coding.code_for_path(store, code_path, "bench") for code_path in paths]
        for segment_id in texts:
            chosen = rng.sample(code_ids, rng.choice((1, 1, 2)))
            coding.apply_codes(store, segment_id, chosen, "bench")
    store.close()
    return texts


def build_demo(path: Path) -> list[str]:
    """The demo project coded with the truth file's theme > code; returns the coded segments."""
    root = Path(__file__).resolve().parent.parent
    with create_project(path) as store:
        import_survey(
            store,
            root / "workbench" / "demo" / "answers.csv",
            questions_file=root / "workbench" / "demo" / "questions.yaml",
            wave=DEMO_WAVE,
        )
    truth = root / "corpora" / "demo_truth.csv"
    with open(truth, encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    store = open_project(path)
    with store.atomic():
        coding.ensure_coder(store, "bench")
        for row in rows:
            code_id = coding.code_for_path(store, f"{row['theme']} > {row['code']}", "bench")
            segment_id = stable_id("segment", row["respondent_id"], row["question_id"], DEMO_WAVE)
            coding.apply_codes(store, segment_id, [code_id], "bench")
    store.close()
    return sorted({stable_id("segment", row["respondent_id"], row["question_id"], DEMO_WAVE) for row in rows})


def mark_for_report(path: Path, segment_ids: list[str], every: int) -> int:
    """Mark every n-th of the given segments for the report; returns how many."""
    chosen = sorted(segment_ids)[::every]
    with open_project(path) as store, store.atomic():
        for segment_id in chosen:
            segment_rows.set_for_report(store, segment_id, True)
    return len(chosen)


def passthrough_anonymiser(texts: dict):
    """A stand-in for the anonymisation layer that returns the texts unchanged."""

    def anonymised_quotes(store, segment_ids, *, draft=False):
        return [Quote(segment_id, texts[segment_id][2]) for segment_id in segment_ids]

    module = types.ModuleType("workbench.anonymise.leak")
    module.anonymised_quotes = anonymised_quotes
    return module


def timed(label: str, store_path: Path, kind: str, options: ExportOptions) -> float:
    with open_project(store_path) as store:
        started = time.perf_counter()
        result = run_export(store, kind, options)
        elapsed = time.perf_counter() - started
    size = sum(path.stat().st_size for path in result.files) / 1e6
    print(f"{label:<58} {elapsed:7.2f} s  ({size:.1f} MB)")
    return elapsed


def build_many_questions(path: Path, questions: int, per_question: int = 12, seed: int = 3) -> int:
    """A project of many small questions imported in long layout; returns the coded answers."""
    rng = random.Random(seed)
    units = _units()
    specs = [
        {"id": f"q{n:05d}", "text": f"Spørsmål {n}", "chapter": str(1 + n // 250)} for n in range(questions)
    ]
    (path.parent / "questions.yaml").write_text(yaml.safe_dump(specs, allow_unicode=True))
    with open(path.parent / "long.csv", "w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, delimiter=";")
        writer.writerow(["respondent_id", "question_id", "text"])
        for spec in specs:
            for unit in rng.sample(units, per_question):
                writer.writerow([unit, spec["id"], " ".join(rng.choices(WORDS, k=8)).capitalize() + "."])
    with create_project(path) as store:
        import_survey(
            store,
            path.parent / "long.csv",
            layout="long",
            questions_file=path.parent / "questions.yaml",
            wave=WAVE,
        )
        segment_ids = [row["id"] for row in store.rows("SELECT id FROM segments")]
        coding.ensure_coder(store, "bench")
        paths = [f"{t} > {s} > {c}" for t, subs in THEMES.items() for s, cs in subs.items() for c in cs]
        code_ids = [coding.code_for_path(store, code_path, "bench") for code_path in paths]
        for index, code_id in enumerate(code_ids):
            chosen = segment_ids[index :: len(code_ids)] + segment_ids[index :: len(code_ids) * 3]
            coding.apply_to_segments(store, chosen, [code_id], "bench")
    return len(segment_ids)


def time_many_questions(base: Path) -> None:
    """Counting is linear in the number of questions: seconds per question stay flat."""
    from workbench.export.counts import count_questions
    from workbench.store import survey

    for questions in (1000, 5000):
        folder = base / f"many{questions}"
        folder.mkdir()
        answers = build_many_questions(folder / "p.db", questions)
        with open_project(folder / "p.db") as store:
            started = time.perf_counter()
            count_questions(store, survey.question_rows(store))
            counted = time.perf_counter() - started
        print(f"{questions} questions, {answers} coded answers: counted tables {counted:7.2f} s")
        timed(
            f"{questions} questions: export counts (Word, Markdown, CSV; no charts)",
            folder / "p.db",
            "counts",
            ExportOptions(out=str(folder / "out"), charts=False),
        )


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        time_many_questions(base)
        demo = base / "demo.db"
        segment_ids = build_demo(demo)
        coded = len(segment_ids)
        print(f"demo project: 372 units, 10 questions, {coded} coded answers")
        timed(
            "demo report, all chapters, counts + charts", demo, "report", ExportOptions(out=str(base / "o1"))
        )
        marked = mark_for_report(demo, segment_ids, every=10)
        timed(
            f"demo report, all chapters, {marked} marked quotes (draft)",
            demo,
            "report",
            ExportOptions(out=str(base / "o1b"), draft=True),
        )
        timed(
            f"demo report, all chapters, {coded} quotes (draft)",
            demo,
            "report",
            ExportOptions(out=str(base / "o2"), all_segments=True, draft=True),
        )
        (base / "big").mkdir()
        texts = build_project(base / "big" / "p.db", 70, (280, 300), seed=11)
        label = f"{len(texts)} quotes to Word"
        timed(
            f"{label} (real anonymisation layer)",
            base / "big" / "p.db",
            "quotes",
            ExportOptions(out=str(base / "o3"), all_segments=True),
        )
        sys.modules["workbench.anonymise.leak"] = passthrough_anonymiser(texts)
        timed(
            f"{label} (export only, layer stubbed)",
            base / "big" / "p.db",
            "quotes",
            ExportOptions(out=str(base / "o4"), all_segments=True),
        )


if __name__ == "__main__":
    main()

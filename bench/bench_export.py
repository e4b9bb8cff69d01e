"""Benchmark of the report exports on a generated, fully coded survey.

Builds a project like the real one (372 units, 80 questions in 20 chapters, answers of 20–300
units per question, a three-level codebook, one or two codes per answer), then times:
  * the whole report (all chapters, Word + Markdown + CSV, counts with charts, marked quotes),
  * 20 000 quotes to Word (all segments of a larger project).
Target: report < 3 s, 20 000 quotes < 10 s. Run: /tmp/venv/bin/python bench/bench_export.py
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
from workbench.export import ExportOptions, run_export
from workbench.ingest import import_survey
from workbench.municipalities import OSLO_DISTRICTS, municipalities
from workbench.project import create_project
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


def install_passthrough_anonymiser(texts: dict) -> None:
    """Stand in for the anonymisation layer when it is not installed (texts unchanged)."""
    try:
        import workbench.anonymise.leak  # noqa: F401

        return
    except ImportError:
        pass

    def anonymised_quotes(store, segment_ids, *, draft=False):
        return [Quote(segment_id, texts[segment_id][2]) for segment_id in segment_ids]

    module = types.ModuleType("workbench.anonymise.leak")
    module.anonymised_quotes = anonymised_quotes
    sys.modules["workbench.anonymise.leak"] = module
    print("(anonymisation layer missing: a pass-through stands in)")


def timed(label: str, store_path: Path, kind: str, options: ExportOptions) -> float:
    from workbench.project import open_project

    with open_project(store_path) as store:
        started = time.perf_counter()
        result = run_export(store, kind, options)
        elapsed = time.perf_counter() - started
    size = sum(path.stat().st_size for path in result.files) / 1e6
    print(f"{label:<52} {elapsed:7.2f} s  ({size:.1f} MB)")
    return elapsed


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        (base / "report").mkdir()
        texts = build_project(base / "report" / "p.db", 80, (20, 300))
        install_passthrough_anonymiser(texts)
        print(f"report project: 372 units, 80 questions, {len(texts)} coded segments")
        timed(
            "whole report, all chapters (counts + charts only)",
            base / "report" / "p.db",
            "report",
            ExportOptions(out=str(base / "o1")),
        )
        timed(
            "whole report, all chapters, every segment quoted",
            base / "report" / "p.db",
            "report",
            ExportOptions(out=str(base / "o2"), all_segments=True),
        )
        (base / "big").mkdir()
        big = build_project(base / "big" / "p.db", 70, (280, 300), seed=11)
        texts.update(big)
        quotes = sum(1 for _ in big)
        timed(
            f"{quotes} quotes to Word (quotes kind, all segments)",
            base / "big" / "p.db",
            "quotes",
            ExportOptions(out=str(base / "o3"), all_segments=True),
        )


if __name__ == "__main__":
    main()

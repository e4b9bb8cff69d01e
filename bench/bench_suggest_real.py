"""Suggestion quality on real answers: the replay of ``../shared/data/real_quotes_dev.csv``.

The real set (answers printed in a published report, each under the researchers' theme; see
its README) is read from ``../shared/data/`` relative to the repository root, never copied.
It is built into a temporary project: section = question, theme_label = code name, theme = the
code's definition. Then, per engine, the replay of METHOD.md §5 with N seeds (questions in
order, each shuffled): hit@1, hit@3, hit@1 and hit@3 on known codes with 95 % intervals
resampled by code, the frequency-in-question hit@3 baseline and the ceiling.

The e5 engine's fusion settings were chosen on this same set, so ``--sensitivity`` replays
it with each setting moved away from its default (one at a time) to show how much of the
figure depends on that choice.

Usage: python bench/bench_suggest_real.py [--seeds 10] [--engines tfidf,e5] [--sensitivity]
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workbench import coding  # noqa: E402
from workbench.ingest import import_survey  # noqa: E402
from workbench.project import create_project  # noqa: E402
from workbench.store import answers as answer_rows  # noqa: E402
from workbench.suggest import available_engines  # noqa: E402
from workbench.suggest.evaluation import evaluate  # noqa: E402

REAL_SET = ROOT.parent / "shared" / "data" / "real_quotes_dev.csv"
CODER = "forsker"
SHOWN = ("hit_at_1", "hit_at_3", "hit_at_1_known", "hit_at_3_known", "baseline_hit_at_3_known")


def question_id(section: str) -> str:
    """'7.2 VIDEREFØRING …' -> 's7_2'."""
    return "s" + section.split()[0].replace(".", "_")


def build_real_project(rows: list[dict], work: Path, with_definitions: bool):
    """The real quotes as a coded project: one answer per quote, coded with its theme."""
    survey = work / "answers.csv"
    with survey.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["respondent_id", "question_id", "text"])
        writer.writerows([row["quote_id"], question_id(row["section"]), row["text"]] for row in rows)
    store = create_project(work / "real.db")
    import_survey(store, survey, layout="long", wave=2021)
    answer_of = {row["respondent_id"]: row["id"] for row in answer_rows.answer_keys(store)}
    code_of: dict[str, str] = {}
    for row in rows:
        if row["theme_label"] not in code_of:
            definition = row["theme"] if with_definitions else ""
            code_of[row["theme_label"]] = coding.create_code(
                store, row["theme_label"], CODER, definition=definition
            ).id
    for row in rows:
        segment = coding.segments_of_answer(store, answer_of[row["quote_id"]])[0]
        coding.apply_codes(store, segment.id, [code_of[row["theme_label"]]], CODER)
    return store


def show(name: str, figures: dict, seconds: float) -> None:
    cells = []
    for key in SHOWN:
        low, high = figures["intervals"][key]
        cells.append(f"{figures[key]:.3f} [{low:.2f},{high:.2f}]")
    print(
        f"{name:<22}"
        + "".join(f"{cell:>20}" for cell in cells)
        + f"{figures['ceiling']:>9.3f}{seconds:>7.1f}s  ARI {figures['ari']:.2f} NMI {figures['nmi']:.2f}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--engines", default=",".join(available_engines()))
    parser.add_argument(
        "--sensitivity", action="store_true", help="also vary the e5 fusion settings one at a time"
    )
    arguments = parser.parse_args()
    if not REAL_SET.exists():
        print(f"skipped: the real set is not at {REAL_SET} (see ../shared/data/README.md).")
        return 0
    with REAL_SET.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    print(
        f"real set: {len(rows)} answers, {len({r['theme_label'] for r in rows})} codes, "
        f"{arguments.seeds} seeds"
    )
    print(
        f"{'engine':<22}"
        + "".join(f"{key.replace('baseline_', 'base_'):>20}" for key in SHOWN)
        + f"{'ceiling':>9}{'time':>8}"
    )
    for with_definitions in (True, False):
        with tempfile.TemporaryDirectory() as folder:
            store = build_real_project(rows, Path(folder), with_definitions)
            for engine in arguments.engines.split(","):
                started = time.perf_counter()
                figures = evaluate(store, CODER, engine=engine, seeds=arguments.seeds)
                label = f"{engine}{'' if with_definitions else ' (no defs)'}"
                show(label, figures, time.perf_counter() - started)
            if with_definitions and arguments.sensitivity and "e5" in arguments.engines.split(","):
                vary_fusion(store, arguments.seeds)
            store.close()
    return 0


FUSION_SETTINGS = {  # the e5 engine's defaults first, then the values tried instead
    "rrf_k": (3, [1, 10, 60]),
    "meaning_weight": (1.0, [0.5, 2.0]),
    "lexical_weight": (1.0, [0.5, 2.0]),
    "frequency_weight": (0.5, [0.0, 1.0]),
}


def vary_fusion(store, seeds: int) -> None:
    """hit@3 on known codes with each fusion setting moved from its default, one at a time."""
    print("e5 fusion settings moved one at a time (hit@3 on known codes, 95 % interval):")
    for name, (default, values) in FUSION_SETTINGS.items():
        for value in values:
            figures = evaluate(store, CODER, engine="e5", seeds=seeds, **{name: value})
            low, high = figures["intervals"]["hit_at_3_known"]
            print(f"  {name} {default} -> {value}: {figures['hit_at_3_known']:.3f} [{low:.2f},{high:.2f}]")


if __name__ == "__main__":
    sys.exit(main())

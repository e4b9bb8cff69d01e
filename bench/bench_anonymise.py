"""Benchmark the anonymisation detector: confusion table and recall per kind on the labelled
sentences, the false-change rate on ordinary sentences, and proposing time for 20 000 segments.

Run: python bench/bench_anonymise.py [SENTENCES.tsv] [--segments N]
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from workbench.anonymise.detect import detect_many
from workbench.anonymise.evaluate import load_sentences, score
from workbench.anonymise.gazetteer import pipeline

DEFAULT_SENTENCES = Path(__file__).parent.parent / "tests" / "data" / "anonymisation_sentences.tsv"


def print_confusion(result) -> None:
    kinds = sorted(result.expected)
    columns = kinds + ["missed"]
    header = "".join(f"{column[:9]:>10}" for column in columns)
    print(f"{'expected/found':<16}{header}{'recall':>8}{'flagged':>9}")
    for kind in kinds:
        cells = "".join(f"{result.confusion[(kind, column)] or '.':>10}" for column in columns)
        print(f"{kind:<16}{cells}{result.recall(kind):>8.3f}{result.flagged_hits[kind]:>9}")
    print("(recall counts spans proposed for review; 'flagged' of them were flagged, not replaced)")


def print_quality(result) -> None:
    print(
        f"\nordinary sentences: {result.ordinary_sentences}, changed wrongly: "
        f"{len(result.ordinary_changed)} ({result.false_change_rate():.1%}), "
        f"flagged for review only: {result.ordinary_flagged}"
    )
    for text in result.ordinary_changed:
        print(f"  changed: {text}")
    print(f"certain detections outside the expected spans: {len(result.unexpected)}")
    for kind, text in result.unexpected[:10]:
        print(f"  {kind}: {text}")


def time_proposing(sentences, segment_count: int) -> None:
    rng = random.Random(1)
    texts = [" ".join(rng.choice(sentences).text for _ in range(4)) for _ in range(segment_count)]
    pipeline()  # build the cached pipeline outside the timing, as a running app would have it
    started = time.perf_counter()
    detections = detect_many((text, {"name": "Bergen"}) for text in texts)
    elapsed = time.perf_counter() - started
    mean_length = sum(map(len, texts)) / len(texts)
    print(
        f"\nproposing for {segment_count} segments (mean {mean_length:.0f} chars, "
        f"{sum(map(len, detections))} detections): {elapsed:.1f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sentences", nargs="?", default=DEFAULT_SENTENCES)
    parser.add_argument("--segments", type=int, default=20_000)
    arguments = parser.parse_args()
    sentences = load_sentences(arguments.sentences)
    print(f"{len(sentences)} labelled sentences from {arguments.sentences}\n")
    result = score(sentences)
    print_confusion(result)
    print_quality(result)
    time_proposing(sentences, arguments.segments)


if __name__ == "__main__":
    main()

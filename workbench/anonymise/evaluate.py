"""Score the detector on a labelled sentence file: recall per kind and wrong changes.

The file has one sentence a line: ``group<TAB>sentence<TAB>kind=text | kind=text``, where
group is "identifying" or "ordinary" and the spans are listed in order of appearance.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from workbench.anonymise.detect import Detection, detect_many


@dataclass(frozen=True)
class LabelledSentence:
    group: str
    text: str
    spans: tuple[tuple[int, int, str], ...]  # (start, end, kind)


@dataclass
class Score:
    """Counts behind the confusion table: expected kind -> detected kind (or "missed")."""

    confusion: Counter = field(default_factory=Counter)
    expected: Counter = field(default_factory=Counter)
    flagged_hits: Counter = field(default_factory=Counter)  # found, but only flagged for review
    ordinary_sentences: int = 0
    ordinary_changed: list[str] = field(default_factory=list)
    ordinary_flagged: int = 0
    unexpected: list[tuple[str, str]] = field(default_factory=list)

    def recall(self, kind: str) -> float:
        hits = self.confusion[(kind, kind)]
        return hits / self.expected[kind] if self.expected[kind] else float("nan")

    def false_change_rate(self) -> float:
        return len(self.ordinary_changed) / self.ordinary_sentences if self.ordinary_sentences else 0.0


def load_sentences(path: str | Path) -> list[LabelledSentence]:
    """Read a labelled sentence file, resolving each expected span to character offsets."""
    sentences = []
    for number, line in enumerate(Path(path).read_text("utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        group, text, labels = (line.split("\t") + ["", ""])[:3]
        sentences.append(LabelledSentence(group, text, _resolve(text, labels, number)))
    return sentences


def _resolve(text: str, labels: str, line_number: int) -> tuple[tuple[int, int, str], ...]:
    spans, cursor = [], 0
    for label in filter(None, (part.strip() for part in labels.split(" | "))):
        kind, _, span_text = label.partition("=")
        start = text.find(span_text, cursor)
        if start < 0:
            raise ValueError(f"line {line_number}: {span_text!r} not found after offset {cursor}")
        spans.append((start, start + len(span_text), kind))
        cursor = start + len(span_text)
    return tuple(spans)


def score(sentences: list[LabelledSentence]) -> Score:
    """Run the detector over the sentences and count hits, misses and wrong changes."""
    result = Score()
    detections = detect_many((sentence.text, None) for sentence in sentences)
    for sentence, found in zip(sentences, detections, strict=True):
        if sentence.group == "ordinary":
            _score_ordinary(result, sentence, found)
        else:
            _score_identifying(result, sentence, found)
    return result


def _score_ordinary(result: Score, sentence: LabelledSentence, found: list[Detection]) -> None:
    result.ordinary_sentences += 1
    if any(detection.certain for detection in found):
        result.ordinary_changed.append(sentence.text)
    elif found:
        result.ordinary_flagged += 1


def _score_identifying(result: Score, sentence: LabelledSentence, found: list[Detection]) -> None:
    matched = set()
    for start, end, kind in sentence.spans:
        result.expected[kind] += 1
        overlapping = [d for d in found if d.start < end and d.end > start]
        same_kind = [d for d in overlapping if d.kind == kind]
        chosen = (same_kind or overlapping or [None])[0]
        result.confusion[(kind, chosen.kind if chosen else "missed")] += 1
        if chosen is not None and chosen.kind == kind and not chosen.certain:
            result.flagged_hits[kind] += 1
        matched.update(id(d) for d in overlapping)
    result.unexpected += [(d.kind, d.text) for d in found if id(d) not in matched and d.certain]

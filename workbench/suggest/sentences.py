"""Sentences of a long answer, each scored on its own: where one answer touches two codes."""

from __future__ import annotations

import re
from dataclasses import replace

from workbench.suggest.results import SentencePart, Suggestion

MIN_SENTENCES = 3  # answers shorter than this are suggested for as a whole only
# A sentence points to a code only with real evidence: a score the model gives its confident
# guesses (fused scores run to about 0.85 on the demo) and coded segments of that code, like
# the sentence, in the question. Measured on the demo (q01, q03, q05 of 2023, 30 % coded by
# its truth): the hint showed on 256 answers, 112 of them truly touching two codes; with
# these minimums on 142, 100 of them (of 126 that do). With 2 % coded it shows on none.
MIN_SENTENCE_SCORE = 0.5
MIN_SENTENCE_EXAMPLES = 2
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")
_WORD = re.compile(r"\w\w")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence with at least one two-letter word, whitespace trimmed."""
    spans = []
    for match in _SENTENCE.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if _WORD.search(text[start:end]):
            spans.append((start, end))
    return spans


def points_to_code(suggestion: Suggestion | None) -> bool:
    """Whether a sentence's best suggestion is evidence enough that the sentence is about it."""
    if suggestion is None or suggestion.score < MIN_SENTENCE_SCORE:
        return False
    examples = [e for e in suggestion.evidence if e.kind != "definition" and e.similarity > 0]
    return len(examples) >= MIN_SENTENCE_EXAMPLES


def split_before(top_codes: list[str | None]) -> list[bool]:
    """Per sentence, whether its best code differs from the previous sentence's (split here)."""
    return [
        index > 0 and code is not None and top_codes[index - 1] is not None and code != top_codes[index - 1]
        for index, code in enumerate(top_codes)
    ]


def sentence_parts(
    spans: list[tuple[int, int]], top_codes: list[str | None], length: int
) -> list[tuple[str, int, int, int]]:
    """The runs of sentences that share a best code, as (code, first sentence number, start,
    end): each run ends where the next begins (the last at ``length``). Empty unless the
    sentences point to two codes or more; a sentence without a code joins the run before it."""
    runs: list[list] = []
    for number, ((start, _), code) in enumerate(zip(spans, top_codes, strict=True), start=1):
        if code is not None and (not runs or runs[-1][0] != code):
            runs.append([code, number, start if runs else 0])
    if len({run[0] for run in runs}) < 2:
        return []
    ends = [run[2] for run in runs[1:]] + [length]
    return [(code, number, start, end) for (code, number, start), end in zip(runs, ends, strict=True)]


def with_sentence_parts(
    found: list[Suggestion], spans: list, ranked: list[list[Suggestion]], length: int, top: int
) -> list[Suggestion]:
    """The answer's suggestions, each code that a part of the answer points to marked with
    that part (its first part only); such a code missing from the list is added at its end."""
    tops = [sentence[0] if sentence and points_to_code(sentence[0]) else None for sentence in ranked]
    parts = sentence_parts(spans, [best.code_id if best else None for best in tops], length)
    first_part = {}
    for code_id, number, start, end in parts:
        first_part.setdefault(code_id, SentencePart(number, start, end))
    marked = [replace(item, sentence=first_part.pop(item.code_id, None)) for item in found]
    by_code = {best.code_id: best for best in tops if best is not None}
    extra = [replace(by_code[code_id], sentence=part) for code_id, part in first_part.items()]
    return marked + extra[: max(top - len(marked), 0)]

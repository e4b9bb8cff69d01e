"""Sentences of a long answer, each scored on its own: where one answer touches two codes."""

from __future__ import annotations

import re

MIN_SENTENCES = 3  # answers shorter than this are suggested for as a whole only
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


def split_before(top_codes: list[str | None]) -> list[bool]:
    """Per sentence, whether its best code differs from the previous sentence's (split here)."""
    return [
        index > 0 and code is not None and top_codes[index - 1] is not None and code != top_codes[index - 1]
        for index, code in enumerate(top_codes)
    ]

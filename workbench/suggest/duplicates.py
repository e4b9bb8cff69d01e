"""Near-duplicate answers within a question ("Som før." / "som før" / "Som før pandemien.")."""

from __future__ import annotations

from rapidfuzz import fuzz, process

from workbench.suggest.text import normalise

# Extra words that change a short answer's meaning: "godt samarbeid" vs "ikke godt samarbeid".
MEANING_CHANGERS = frozenset(
    "ikke ikkje ingen inga ingenting aldri lite uten utan dårlig dårligere verre bedre mer "
    "mindre nei ja økt redusert".split()
)
_TWO_WORDS_CHARS = 30


def near_duplicate_groups(
    answers: list[tuple[int, str]], threshold: float = 90, short_words: int = 6
) -> list[tuple[int, ...]]:
    """Groups (two or more answer ids) of near-identical answers, largest group first.

    Two answers group when their normalised texts are equal, when their edit similarity is at
    least ``threshold``, or when both are short (at most ``short_words`` words) and one's words
    contain the other's plus at most two words that do not change its meaning.
    """
    ids_by_text: dict[str, list[int]] = {}
    for answer_id, text in answers:
        ids_by_text.setdefault(normalise(text), []).append(answer_id)
    texts = sorted(ids_by_text, key=len)
    parent = list(range(len(texts)))
    for left, right in _similar_pairs(texts, threshold, short_words):
        parent[_root(parent, left)] = _root(parent, right)
    groups: dict[int, list[int]] = {}
    for index, text in enumerate(texts):
        groups.setdefault(_root(parent, index), []).extend(ids_by_text[text])
    found = [tuple(sorted(ids)) for ids in groups.values() if len(ids) > 1]
    return sorted(found, key=lambda ids: (-len(ids), ids[0]))


def _root(parent: list[int], index: int) -> int:
    while parent[index] != index:
        parent[index] = parent[parent[index]]
        index = parent[index]
    return index


def _similar_pairs(texts: list[str], threshold: float, short_words: int):
    """Index pairs of similar texts; ``texts`` sorted by length so only a window is compared."""
    for index, text in enumerate(texts):
        longest = len(text) * (200 - threshold) / threshold + 1
        end = index + 1
        while end < len(texts) and len(texts[end]) <= longest:
            end += 1
        window = texts[index + 1 : end]
        if window:
            scores = process.cdist([text], window, scorer=fuzz.ratio, score_cutoff=threshold)[0]
            for offset in scores.nonzero()[0]:
                yield index, index + 1 + int(offset)
        yield from ((index, other) for other in _short_supersets(texts, index, short_words))


def _short_supersets(texts: list[str], index: int, short_words: int):
    words = texts[index].split()
    if not 2 <= len(words) <= short_words:
        return
    wanted = set(words)
    for other in range(index + 1, len(texts)):
        if len(texts[other]) > len(texts[index]) + _TWO_WORDS_CHARS:
            return
        other_words = texts[other].split()
        if len(other_words) > short_words:
            continue
        extra = set(other_words) - wanted
        if wanted <= set(other_words) and len(extra) <= 2 and not extra & MEANING_CHANGERS:
            yield other

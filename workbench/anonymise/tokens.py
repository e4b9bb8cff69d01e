"""A light, list-based view of a spaCy doc's tokens, for loops over every token.

Building spaCy ``Token`` objects one by one dominated the proposing time; the view reads
offsets and lengths in one array call and slices the text.
"""

from __future__ import annotations

from dataclasses import dataclass

SENTENCE_BREAKS = frozenset({".", "!", "?", ":", ";", "-", "–", "—", "•", "*", "«", '"', "(", "\n"})


@dataclass(frozen=True)
class TokenView:
    text: str
    texts: list[str]
    lowers: list[str]
    starts: list[int]

    @classmethod
    def of(cls, doc, text: str) -> TokenView:
        """The view of ``doc``, made from ``text`` (reading ``doc.text`` rebuilds it per call)."""
        from spacy.attrs import IDX, LENGTH

        offsets = doc.to_array([IDX, LENGTH]).tolist() if len(doc) else []
        texts = [text[start : start + length] for start, length in offsets]
        return cls(text, texts, [token.lower() for token in texts], [start for start, _ in offsets])

    def __len__(self) -> int:
        return len(self.texts)

    def end(self, index: int) -> int:
        """Character offset just after token ``index``."""
        return self.starts[index] + len(self.texts[index])

    def opens_sentence(self, index: int) -> bool:
        """True if token ``index`` opens a sentence, a line or a bullet."""
        if index == 0:
            return True
        previous = self.texts[index - 1]
        return previous in SENTENCE_BREAKS or previous.isspace()

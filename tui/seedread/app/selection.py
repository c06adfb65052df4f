"""Selecting words of the article for a mention the extractor missed.

The selection runs from the word where `v` was pressed (the anchor) to a moving word; the
arrow keys move that word visually, so in a right-to-left paragraph "left" is the logical
next word. A selection stays inside one paragraph, as a mention never spans a line break.
"""

from __future__ import annotations

from dataclasses import dataclass

from bidi import get_base_level

from seedread.review.tokens import is_word_char, tokens
from seedread.text.document import Document


@dataclass
class WordSelection:
    words: list[tuple[int, int]]  # the paragraph's words, in logical order
    anchor: int  # index into words
    moving: int
    rtl: bool  # the paragraph reads right to left

    @classmethod
    def at(cls, document: Document, offset: int, base: str = "auto") -> WordSelection | None:
        """A one-word selection at the word covering `offset`, or the first word after it
        in the same paragraph; None in a paragraph without words."""
        paragraph = next((p for p in document.paragraphs if p.start <= offset < p.end), None)
        if paragraph is None:
            return None
        text = document.text
        words = [(a, b) for a, b in tokens(text, paragraph.start, paragraph.end)
                 if is_word_char(text[a])]
        if not words:
            return None
        index = next((k for k, (a, b) in enumerate(words) if b > offset), len(words) - 1)
        rtl = base == "rtl" or (base == "auto" and get_base_level(document.paragraph_text(paragraph)) == 1)
        return cls(words, index, index, rtl)

    def move(self, visual_step: int) -> None:
        """Move the moving end one word right (+1) or left (-1) on screen."""
        logical = -visual_step if self.rtl else visual_step
        self.moving = max(0, min(len(self.words) - 1, self.moving + logical))

    @property
    def span(self) -> tuple[int, int]:
        first, last = sorted((self.anchor, self.moving))
        return self.words[first][0], self.words[last][1]

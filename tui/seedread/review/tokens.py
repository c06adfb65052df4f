"""Words, tokens and sentences of document text, as code-point ranges.

One definition of "word" serves the reviewer's grow/shrink keys and the CoNLL exporter, so a
span grown by a word in the reader is exactly a run of whole tokens in the export. A word
keeps its Arabic diacritics, tatweel and joiners (they are marks, not separators); numbers
keep their decimal and thousands separators; every other visible character (Arabic and
Latin punctuation, guillemets, brackets) is a token of its own; spaces and invisible
direction marks separate tokens.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

_NUMBER = re.compile(r"\d+(?:[.,\u066b\u066c]\d+)*")
_SENTENCE_END = frozenset(".!?\u061f\u06d4\u2026")  # . ! ? ؟ ۔ …
_JOINERS = frozenset("\u200c\u200d\u0640")  # ZWNJ, ZWJ, tatweel


def is_word_char(char: str) -> bool:
    return char.isalnum() or char in _JOINERS or unicodedata.category(char).startswith("M")


def tokens(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Each word, number or punctuation character in text[start:end], in order."""
    end = len(text) if end is None else end
    index = start
    while index < end:
        char = text[index]
        if char.isspace() or (unicodedata.category(char) == "Cf" and char not in _JOINERS):
            index += 1
            continue
        number = _NUMBER.match(text, index, end)
        if number:
            stop = number.end()
        elif is_word_char(char):
            stop = index + 1
            while stop < end and is_word_char(text[stop]):
                stop += 1
        else:
            stop = index + 1
        yield index, stop
        index = stop


def words(text: str) -> list[tuple[int, int]]:
    """The tokens that are words or numbers (punctuation left out)."""
    return [(a, b) for a, b in tokens(text) if is_word_char(text[a])]


def sentences(text: str) -> Iterator[list[tuple[int, int]]]:
    """Tokens grouped into sentences: a sentence ends at . ! ? ؟ … or at a line break."""
    sentence: list[tuple[int, int]] = []
    line_end = text.find("\n")
    for a, b in tokens(text):
        while 0 <= line_end < a:
            if sentence:
                yield sentence
                sentence = []
            line_end = text.find("\n", line_end + 1)
        sentence.append((a, b))
        if b - a == 1 and text[a] in _SENTENCE_END:
            yield sentence
            sentence = []
    if sentence:
        yield sentence

"""Words of a document with their code-point offsets and matching forms."""

from __future__ import annotations

import re
from typing import NamedTuple

from seedread.analysis.normalize import normalize_word, split_proclitics

_WORD = re.compile(r"[\w\u064B-\u065F\u0670\u0640]+")
_SOFT_GAP = re.compile(r"[ \t\u00a0\u200f\u200e]*")


class Token(NamedTuple):
    """A word: its span, its text, its matching form, and its proclitic readings
    (`normalize.split_proclitics`). A tuple, because a 5 MB article has 500,000 of them."""

    start: int
    end: int
    text: str
    norm: str
    stems: tuple[tuple[int, str], ...]


def tokenize(text: str) -> list[Token]:
    """Every word (letters, digits, harakat, tatweel) with its span and normal form."""
    return [
        Token(m.start(), m.end(), word, normalize_word(word), split_proclitics(word))
        for m in _WORD.finditer(text)
        for word in (m.group(),)
    ]


def joined(text: str, left: Token, right: Token) -> bool:
    """Whether only spaces separate two tokens (no punctuation, quote or line break)."""
    return _SOFT_GAP.fullmatch(text, left.end, right.start) is not None

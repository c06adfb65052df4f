"""Words of a document with their code-point offsets and matching forms."""

from __future__ import annotations

import re
from dataclasses import dataclass

from seedread.analysis.normalize import normalize_word, split_proclitics

_WORD = re.compile(r"[\w\u064B-\u065F\u0670\u0640]+")
_SOFT_GAP = re.compile(r"[ \t\u00a0\u200f\u200e]*")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    norm: str

    @property
    def stems(self) -> tuple[tuple[int, str], ...]:
        return split_proclitics(self.text)


def tokenize(text: str) -> list[Token]:
    """Every word (letters, digits, harakat, tatweel) with its span and normal form."""
    return [
        Token(m.start(), m.end(), m.group(), normalize_word(m.group()))
        for m in _WORD.finditer(text)
    ]


def joined(text: str, left: Token, right: Token) -> bool:
    """Whether only spaces separate two tokens (no punctuation, quote or line break)."""
    return _SOFT_GAP.fullmatch(text, left.end, right.start) is not None

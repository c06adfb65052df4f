"""Raw text to tokens and sentences the way ANERcorp is tokenised: words split at spaces,
punctuation standing alone, every token remembered by its code-point offsets."""

from __future__ import annotations

import re

_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
_TOKEN = re.compile(rf"[\w{_MARKS}]+(?:[.,٫][0-9٠-٩]+)*|[^\w\s{_MARKS}]")
_SENTENCE_END = frozenset(".!?؟")


def tokenize(text: str) -> list[tuple[int, int]]:
    """Offsets (start, end) of the tokens of `text`."""
    return [match.span() for match in _TOKEN.finditer(text)]


def sentences(text: str, spans: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Group token offsets into sentences: after . ! ? ؟ and at line breaks, the units the
    model was trained on (long sequences cost time and gain nothing)."""
    groups: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    previous_end = 0
    for start, end in spans:
        if current and "\n" in text[previous_end:start]:
            groups.append(current)
            current = []
        current.append((start, end))
        previous_end = end
        if end - start == 1 and text[start] in _SENTENCE_END:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups

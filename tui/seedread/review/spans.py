"""Pure span arithmetic for the reviewer's keys: grow or shrink a mention by a word at either
end, and find the other places a newly added name occurs.

Spans are [start, end) code-point offsets into `Document.text`. "start" and "end" are
logical (reading order): in Arabic text the start is the right-hand end on screen.
"""

from __future__ import annotations

from collections.abc import Iterable

from seedread.review.errors import ReviewError
from seedread.review.tokens import is_word_char, tokens

EDGES = ("start", "end")


def resize_span(text: str, start: int, end: int, edge: str, step: int) -> tuple[int, int]:
    """The span after growing (step=+1) or shrinking (step=-1) it by one word at `edge`.

    Growing takes in the next word (and any punctuation on the way) but never crosses a
    line break; shrinking drops the edge word and any punctuation next to it. A span always
    keeps at least one word. Raises ReviewError with a message for the status bar when the
    step is impossible.
    """
    if edge not in EDGES or step not in (1, -1):
        raise ValueError(f"edge must be one of {EDGES} and step +1 or -1")
    if not 0 <= start < end <= len(text):
        raise ReviewError(f"span {start}-{end} is outside the text")
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    line_words = [(a, b) for a, b in tokens(text, line_start, line_end) if is_word_char(text[a])]
    if step == 1:
        if edge == "end":
            after = [b for a, b in line_words if b > end]
            if not after:
                raise ReviewError("no word after the mention on this line")
            return start, after[0]
        before = [a for a, b in line_words if a < start]
        if not before:
            raise ReviewError("no word before the mention on this line")
        return before[-1], end
    inside = [(max(a, start), min(b, end)) for a, b in line_words if a < end and b > start]
    if len(inside) < 2:
        raise ReviewError("the mention is a single word; delete it instead")
    return (start, inside[-2][1]) if edge == "end" else (inside[1][0], end)


def unlinked_occurrences(
    text: str, start: int, end: int, taken: Iterable[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Other whole-word occurrences of text[start:end] that overlap no span in `taken`.

    Used when the reviewer adds a name the extractor missed and asks for its other mentions
    to be linked: those are the places the same surface text stands as a word of its own.
    """
    needle = text[start:end]
    if not needle.strip():
        return []
    occupied = sorted([*taken, (start, end)])
    found = []
    index = text.find(needle)
    while index >= 0:
        stop = index + len(needle)
        whole_word = (index == 0 or not is_word_char(text[index - 1])) and (
            stop == len(text) or not is_word_char(text[stop])
        )
        if whole_word and not any(a < stop and index < b for a, b in occupied):
            found.append((index, stop))
        index = text.find(needle, index + 1)
    return found

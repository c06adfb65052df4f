"""The Unicode Bidirectional Algorithm (UAX #9) with an index map, on top of python-bidi.

python-bidi's Rust core (the `unicode-bidi` crate) resolves embedding levels through rule I2
correctly, brackets and isolates included, but its `get_display` returns only a reordered
string and does not mirror. Its `debug=True` output is the crate's `BidiInfo`, whose levels
(one per UTF-8 byte) we read here; rules L1 (resetting trailing whitespace), L2 (reordering)
and L4 (mirroring) are ours, so every caller gets the visual order as logical indices. The
parser refuses output it does not recognise (`BidiEngineError`) rather than guess, and the
conformance test over BidiCharacterTest.txt guards a library upgrade.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from itertools import compress, groupby
from typing import Any

from bidi import get_display
from bidi.mirror import MIRRORED

# Characters rule X9 removes: they get no level and no place in the visual order.
REMOVED_BY_X9 = frozenset({"RLE", "LRE", "RLO", "LRO", "PDF", "BN"})
ISOLATE_CONTROLS = frozenset({"LRI", "RLI", "FSI", "PDI"})
# Rule L1: segment and paragraph separators are reset to the paragraph level, and so are
# whitespace and isolate controls before them or at the end of a line.
SEPARATORS = frozenset({"S", "B"})
RESET_BEFORE_SEPARATOR = frozenset({"WS"}) | ISOLATE_CONTROLS | REMOVED_BY_X9

_BASES = {None: None, "ltr": "L", "rtl": "R"}
# A right-to-left paragraph made only of these classes resolves to level 1 throughout:
# every strong character is R, so every neutral between them, and at the paragraph's
# right-to-left edges, is R too (N1); with no number, CS, ES and ET stay neutral (W4-W6).
# Plain Arabic prose is such a paragraph, and needs no call into the bidi engine.
_PLAIN_RTL = frozenset({"R", "AL", "NSM", "WS", "ON", "CS", "ES", "ET"})
_LEVELS_START = "\n    levels: ["
_PARAGRAPHS_START = "\n    paragraphs: ["
# One level as the crate's pretty Debug prints it; when every level is a single digit the
# entries have this fixed size, and the digits are read with one slice.
_LEVEL_ENTRY = "\n        Level(\n            0,\n        ),"
_LEVEL_DIGIT_AT = _LEVEL_ENTRY.index("0")
_LEVELS_END = "\n    ],"
_DIGIT_VALUES = bytes.maketrans(b"0123456789", bytes(range(10)))
_LEVEL = re.compile(r"Level\(\s*(\d+),?\s*\)")
_PARAGRAPH = re.compile(r"range: (\d+)\.\.(\d+),\s*level: Level\(\s*(\d+),?\s*\)")


class BidiEngineError(RuntimeError):
    """python-bidi answered in a form this module does not understand (an upgrade?)."""


@dataclass(frozen=True, slots=True)
class Resolved:
    """Levels for one run of text after rules P2 to I2 (before L1), one per code point."""

    levels: list[int]
    paragraph_levels: list[int]  # the level of the paragraph each code point belongs to
    classes: list[str]  # the bidi class of each code point

    @property
    def base_level(self) -> int:
        return self.paragraph_levels[0] if self.paragraph_levels else 0


class CharTable(dict):
    """A per-character property, computed on first use and then read with a C-speed `map`
    (`list(map(table.__getitem__, text))`), which per-character function calls are not."""

    def __init__(self, compute: Callable[[str], Any]) -> None:
        super().__init__()
        self.compute = compute

    def __missing__(self, char: str) -> Any:
        value = self[char] = self.compute(char)
        return value


BIDI_CLASSES = CharTable(lambda char: unicodedata.bidirectional(char) or "L")
# For each UTF-8 byte value: does a code point start here (not a continuation byte)?
_STARTS_CODE_POINT = [not 0x80 <= byte < 0xC0 for byte in range(256)]


def resolve(text: str, base: str | None = None) -> Resolved:
    """Resolve embedding levels for `text`; `base` is "ltr", "rtl" or None (rules P2-P3)."""
    if base not in _BASES:
        raise ValueError(f"base must be 'ltr', 'rtl' or None, not {base!r}")
    classes = list(map(BIDI_CLASSES.__getitem__, text))
    if not text:
        return Resolved([], [], classes)
    if (base != "ltr" and _PLAIN_RTL.issuperset(classes)
            and (base == "rtl" or "AL" in classes or "R" in classes)):
        return Resolved([1] * len(text), [1] * len(text), classes)
    encoded = text.encode("utf-8")
    byte_levels, paragraphs = _rust_levels(text, len(encoded), _BASES[base])
    if encoded.isascii():
        levels = byte_levels
    else:
        levels = list(compress(byte_levels, map(_STARTS_CODE_POINT.__getitem__, encoded)))
    if len(paragraphs) == 1:
        paragraph_levels = [paragraphs[0][2]] * len(text)
    else:
        paragraph_levels = []
        for byte_start, byte_end, level in paragraphs:
            chars = len(encoded[byte_start:byte_end].decode("utf-8"))
            paragraph_levels.extend([level] * chars)
    return Resolved(levels, paragraph_levels, classes)


def line_levels(
    levels: list[int], classes: list[str], paragraph_level: int
) -> list[int]:
    """Rule L1 for one line: reset separators and the whitespace before them or the line end."""
    out = list(levels)
    resetting = True  # at the end of the line, or just before a separator
    has_separators = "S" in classes or "B" in classes
    for i in range(len(out) - 1, -1, -1):
        cls = classes[i]
        if cls in SEPARATORS:
            out[i] = paragraph_level
            resetting = True
        elif resetting and cls in RESET_BEFORE_SEPARATOR:
            out[i] = paragraph_level
        elif has_separators:
            resetting = False
        else:
            break  # only the end of the line can change
    return out


def reorder(levels: list[int]) -> list[int]:
    """Rule L2: positions of `levels` in visual order, left to right.

    The reversals are done on runs of equal level rather than on single characters: a run
    ends up reversed inside when it was reversed an odd number of times, that is when its
    level is odd counting from the lowest odd level.
    """
    if not levels:
        return []
    highest, lowest = max(levels), min(levels)
    lowest_odd = lowest | 1
    if highest < lowest_odd:
        return list(range(len(levels)))
    if highest == lowest:
        return list(range(len(levels) - 1, -1, -1))
    runs: list[tuple[int, int, int]] = []  # (level, start, end)
    start = 0
    for level, group in groupby(levels):
        end = start + len(list(group))
        runs.append((level, start, end))
        start = end
    order = list(range(len(runs)))
    for level in range(highest, lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if runs[order[i]][0] >= level:
                j = i
                while j < len(order) and runs[order[j]][0] >= level:
                    j += 1
                order[i:j] = order[i:j][::-1]
                i = j
            else:
                i += 1
    visual: list[int] = []
    for run in order:
        level, start, end = runs[run]
        if level >= lowest_odd and (level - lowest_odd) % 2 == 0:
            visual.extend(range(end - 1, start - 1, -1))
        else:
            visual.extend(range(start, end))
    return visual


def mirror(char: str, level: int) -> str:
    """Rule L4: a character with a mirrored glyph shows that glyph at an odd level."""
    if level & 1:
        return MIRRORED.get(char, char)
    return char


def visual_order(text: str, base: str | None = None) -> list[int]:
    """Logical indices of `text` left to right, as one line, omitting X9-removed characters.

    Each paragraph of `text` (split at paragraph separators) is reordered on its own, and
    paragraphs follow one another in logical order.
    """
    resolved = resolve(text, base)
    result: list[int] = []
    start = 0
    n = len(text)
    while start < n:
        end = start
        while end < n and resolved.classes[end] != "B":
            end += 1
        end = min(end + 1, n)  # the separator belongs to its paragraph
        classes = resolved.classes[start:end]
        levels = line_levels(
            resolved.levels[start:end], classes, resolved.paragraph_levels[start]
        )
        kept = [i for i, cls in enumerate(classes) if cls not in REMOVED_BY_X9]
        order = reorder([levels[i] for i in kept])
        result.extend(start + kept[i] for i in order)
        start = end
    return result


def _rust_levels(
    text: str, n_bytes: int, base_dir: str | None
) -> tuple[list[int], list[tuple[int, int, int]]]:
    """Levels per UTF-8 byte and (byte start, byte end, level) per paragraph."""
    info = get_display(text, base_dir=base_dir, debug=True)
    levels_at = info.find(_LEVELS_START)
    paragraphs_at = info.find(_PARAGRAPHS_START, levels_at)
    if levels_at < 0 or paragraphs_at < 0:
        raise BidiEngineError("python-bidi's debug output has no levels or paragraphs")
    body_at = levels_at + len(_LEVELS_START)
    size = len(_LEVEL_ENTRY)
    digits = info[body_at + _LEVEL_DIGIT_AT : paragraphs_at : size]
    if (
        paragraphs_at - body_at == n_bytes * size + len(_LEVELS_END)
        and len(digits) == n_bytes
        and digits.isdigit()
        and digits.isascii()
    ):
        levels = list(digits.encode("ascii").translate(_DIGIT_VALUES))
    else:
        levels = list(map(int, _LEVEL.findall(info, levels_at, paragraphs_at)))
    paragraphs = [
        (int(a), int(b), int(level)) for a, b, level in _PARAGRAPH.findall(info, paragraphs_at)
    ]
    if len(levels) != n_bytes or not paragraphs or paragraphs[-1][1] != n_bytes:
        raise BidiEngineError(f"python-bidi gave {len(levels)} levels for {n_bytes} bytes")
    return levels, paragraphs


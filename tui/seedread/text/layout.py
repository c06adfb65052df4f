"""The layout engine: a paragraph of logical text in, display lines for a terminal out.

A terminal draws one cell after another, left to right. In `app` mode each line is handed to
it shaped (presentation forms) and in visual order; in `terminal` mode it gets logical,
unshaped text for terminals that run the bidi algorithm themselves. Either way every cell
knows the logical code-point range it shows, so highlights, the cursor and search work on
the original text.

The steps follow UAX #9: levels are resolved once per paragraph, the paragraph is wrapped
in logical order, then each line is reordered (rules L1, L2) and mirrored (L4). Document text
is untrusted: control characters become visible placeholders and bidi formatting
characters are used by the algorithm but never written.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate, compress, count
from operator import itemgetter
from typing import Any, Literal

from rich.cells import cell_len, get_character_cell_size

from bidi import get_base_level
from bidi.mirror import MIRRORED
from seedread.text.bidi import (
    BIDI_CLASSES,
    CharTable,
    ISOLATE_CONTROLS,
    REMOVED_BY_X9,
    line_levels,
    mirror,
    reorder,
    resolve,
)
from seedread.text.shaping import ZWJ, ZWNJ, shape_aligned

Mode = Literal["app", "terminal"]
MODES: tuple[Mode, ...] = ("app", "terminal")
# How a line goes to the terminal: the two modes, and "shaper" for terminals (kitty) that
# shape each run of Arabic cells themselves and so reverse it: app layout, but each run of
# right-to-left letters sent in logical order for the terminal to turn back.
SENDS = ("app", "terminal", "shaper")
BASES = ("auto", "rtl", "ltr")
ELLIPSIS = "…"
C1_PLACEHOLDER = "\ufffd"

# How each character takes part in layout.
BASE, MARK, HARAKA, HIDDEN = range(4)
VS16 = "\ufe0f"  # variation selector 16: draw the character before it as an emoji
_BREAKS_AFTER = frozenset({"WS", "S"})  # bidi classes of the spaces a line may break at
_BLANK = _BREAKS_AFTER | ISOLATE_CONTROLS  # what rule L1 resets when nothing follows it
_MIRRORABLE = re.compile("[" + re.escape("".join(MIRRORED)) + "]")
# The optional vowel signs (harakat): tanwin to sukun, the subscript and inverted vowels,
# and the dagger alef. Other Arabic marks spell the word (the Persian ezafe hamza on heh in
# «گونهٔ», madda, hamza below) and show in every mode.
_HARAKAT = frozenset([*map(chr, range(0x064B, 0x0653)), *map(chr, range(0x0656, 0x0660)), "\u0670"])


@dataclass(frozen=True, slots=True)
class LayoutOptions:
    """How to lay text out: who does bidi, which base direction, whether harakat show."""

    mode: Mode = "app"
    base: str = "auto"  # "auto" (rules P2-P3), "rtl" or "ltr"
    keep_harakat: bool = False
    logical_runs: bool = False  # app mode for a terminal that reverses runs it shapes

    @classmethod
    def sending(cls, send: str, base: str = "auto", keep_harakat: bool = False) -> LayoutOptions:
        """Options for one of SENDS."""
        if send not in SENDS:
            raise ValueError(f"send must be one of {SENDS}, not {send!r}")
        mode: Mode = "terminal" if send == "terminal" else "app"
        return cls(mode, base, keep_harakat, logical_runs=send == "shaper")

    @property
    def send(self) -> str:
        return "shaper" if self.logical_runs else self.mode

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, not {self.mode!r}")
        if self.base not in BASES:
            raise ValueError(f"base must be one of {BASES}, not {self.base!r}")


def char_role(char: str) -> tuple[int, str, int]:
    """(role, what to draw, cell width) for one character of document text."""
    category = unicodedata.category(char)
    if category == "Cc":
        if char in "\t\n":
            return BASE, " ", 1
        code = ord(char)
        if code < 0x20:
            return BASE, chr(0x2400 + code), 1
        return BASE, ("\u2421" if code == 0x7F else C1_PLACEHOLDER), 1
    if category in ("Zl", "Zp"):
        return BASE, " ", 1
    if category in ("Cs", "Cn"):
        return BASE, C1_PLACEHOLDER, 1
    if category == "Cf":
        return HIDDEN, "", 0
    if category in ("Mn", "Me"):
        if char in _HARAKAT:
            return HARAKA, char, 0
        return MARK, char, 0
    width = get_character_cell_size(char)
    if width == 0:
        return HIDDEN, "", 0
    return BASE, char, width


ROLES = CharTable(char_role)


@dataclass(frozen=True, slots=True)
class DisplayLine:
    """One line as the terminal should get it, with the logical range of every cell.

    `glyphs[k]` is drawn in visual position k (left to right) and shows the logical
    characters `starts[k]` to `ends[k]`; it is `widths[k]` cells wide. `start`/`end` is
    the logical range the line covers, including spaces hanging at a soft line break.
    """

    glyphs: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    widths: tuple[int, ...]
    start: int
    end: int
    rtl: bool

    @property
    def text(self) -> str:
        return "".join(self.glyphs)

    @property
    def cell_width(self) -> int:
        return sum(self.widths)

    def indent(self, width: int) -> int:
        """Cells of padding before the text: RTL lines are right-aligned."""
        return max(0, width - self.cell_width) if self.rtl else 0

    def padded(self, width: int) -> str:
        """The text aligned in `width` cells (RTL padded on the left)."""
        return " " * self.indent(width) + self.text

    def column_of(self, offset: int) -> int | None:
        """The first column (from the line's left edge) of the cell showing `offset`."""
        column = 0
        for start, end, width in zip(self.starts, self.ends, self.widths):
            if start <= offset < end:
                return column
            column += width
        return None

    def span_at(self, column: int) -> tuple[int, int] | None:
        """The logical range shown at `column`, or None past the text."""
        if column < 0:
            return None
        for start, end, width in zip(self.starts, self.ends, self.widths):
            if column < width:
                return start, end
            column -= width
        return None

    def cells_of(self, start: int, end: int) -> list[int]:
        """Visual positions of the cells that show any character in [start, end)."""
        return [
            k for k, (a, b) in enumerate(zip(self.starts, self.ends)) if a < end and b > start
        ]

    def runs(self, spans: Iterable[tuple[int, int, Any]]) -> list[tuple[str, tuple[Any, ...]]]:
        """Split the text into runs of cells that share the same styles.

        `spans` are (start, end, style) on logical offsets; a cell gets the style of every
        span that covers any character it shows, in the order given.
        """
        spans = [s for s in spans if s[0] < self.end and s[1] > self.start]
        result: list[tuple[str, tuple[Any, ...]]] = []
        if not spans:
            return [(self.text, ())] if self.glyphs else []
        current: list[str] = []
        current_styles: tuple[Any, ...] | None = None
        for glyph, a, b in zip(self.glyphs, self.starts, self.ends):
            styles = tuple(style for s, e, style in spans if s < b and e > a)
            if styles != current_styles and current:
                result.append(("".join(current), current_styles or ()))
                current = []
            current.append(glyph)
            current_styles = styles
        if current:
            result.append(("".join(current), current_styles or ()))
        return result


class PreparedParagraph:
    """A paragraph shaped and resolved once, wrapped for any width on demand.

    Wrapping is cheap next to shaping and level resolution, so a resize re-wraps this object
    rather than starting again from the text.
    """

    __slots__ = (
        "glyphs", "starts", "ends", "widths", "levels", "classes", "base_level",
        "start", "end", "options", "_prefix", "_spaces", "_mirrorable", "_width_cache",
    )

    def __init__(self, text: str, offset: int = 0, options: LayoutOptions | None = None) -> None:
        self.options = options or LayoutOptions()
        self.start = offset
        self.end = offset + len(text)
        base = None if self.options.base == "auto" else self.options.base
        self._build(text, offset, base)
        self._prefix = [0, *accumulate(self.widths)]
        self._spaces = list(compress(count(), map(_BREAKS_AFTER.__contains__, self.classes)))
        self._mirrorable = [  # cells whose glyph rule L4 may mirror: brackets, quotes …
            k
            for k in (bisect_right(self.starts, offset + m.start()) - 1 for m in _MIRRORABLE.finditer(text))
            if self.glyphs[k] in MIRRORED
        ]
        self._width_cache: tuple[int, list[DisplayLine]] | None = None

    @property
    def rtl(self) -> bool:
        return bool(self.base_level & 1)

    @property
    def cell_width(self) -> int:
        """Cells the whole paragraph takes on one line."""
        return self._prefix[-1]

    def _build(self, text: str, offset: int, base: str | None) -> None:
        """Clusters in logical order: a drawn character with the marks and hidden characters
        after it (and, shaped, the alef of a lam-alef ligature) up to the next one."""
        self.glyphs: list[str]
        self.starts: list[int]
        self.ends: list[int]
        self.widths: list[int]
        self.levels: list[int]
        self.classes: list[str]
        self.base_level: int
        app = self.options.mode == "app"
        table = {ch: ROLES[ch] for ch in set(text)}
        placeholders = {
            ch: drawn for ch, (role, drawn, _) in table.items() if role == BASE and drawn != ch
        }
        shown = text.translate(str.maketrans(placeholders)) if placeholders else text
        if "\t" in placeholders:  # a tab shows as a space but stays a segment separator
            del placeholders["\t"]
            bidi_text = text.translate(str.maketrans(placeholders))
        else:
            bidi_text = shown
        is_base = {ch: role == BASE for ch, (role, _, _) in table.items()}
        base_mask = list(map(is_base.__getitem__, text))
        if app:
            resolved = resolve(bidi_text, base)
            self.base_level = resolved.base_level
            levels, classes = resolved.levels, resolved.classes
            takes_part = {ch: is_base[ch] or ch in (ZWJ, ZWNJ) for ch in table}
        else:
            if base is None:
                self.base_level = get_base_level(bidi_text) if text else 0
            else:
                self.base_level = 1 if base == "rtl" else 0
            classes = list(map(BIDI_CLASSES.__getitem__, bidi_text))
            levels = [self.base_level] * len(text)
            takes_part = is_base
        every_char_drawn = all(base_mask)
        if every_char_drawn:
            positions: Sequence[int] = range(len(text))
            part = shown
        else:
            mask = list(map(takes_part.__getitem__, text))
            positions = list(compress(range(len(text)), mask))
            part = "".join(compress(shown, mask))
        shaped = shape_aligned(part) if app else part
        invisible = self._invisible_with_levels(text, table, classes) if app else []
        if every_char_drawn and "" not in shaped:
            cluster_at: Sequence[int] = range(len(text))  # one cell per character
            self.glyphs = list(shaped)
            self.levels, self.classes = list(levels), list(classes)
        else:
            if invisible or ZWJ in table or ZWNJ in table:
                drawn = [(p, glyph) for p, glyph in zip(positions, shaped) if glyph and base_mask[p]]
                drawn = sorted(drawn + invisible) if invisible else drawn
                cluster_at = [p for p, _ in drawn]
                self.glyphs = [glyph for _, glyph in drawn]
            else:  # a cell for each shaped character but the alefs inside lam-alef
                kept = list(map(bool, shaped))
                cluster_at, self.glyphs = list(compress(positions, kept)), list(compress(shaped, kept))
            pick = _picker(cluster_at) if cluster_at else lambda items: ()
            self.levels, self.classes = list(pick(levels)), list(pick(classes))
        self.starts = [offset + p for p in cluster_at]
        if self.starts:
            self.starts[0] = offset  # leading hidden characters belong to the first cluster
        self.ends = [*self.starts[1:], offset + len(text)]
        if not invisible and all(width == 1 for role, _, width in table.values() if role == BASE):
            self.widths = [1] * len(cluster_at)
        else:
            self.widths = [table[text[p]][2] for p in cluster_at]
        self._attach_marks(text, table, cluster_at)

    def _attach_marks(
        self, text: str, table: dict[str, tuple[int, str, int]], cluster_at: Sequence[int]
    ) -> None:
        """Give each combining mark to the cell of the letter before it.

        A mark is drawn only if it is kept (harakat are dropped by default); either way the
        cell that holds it is no longer blank, so a space or an isolate control carrying a
        mark is neither a line-break point nor trailing whitespace for rule L1.
        """
        marks = {ch for ch, (role, _, _) in table.items() if role in (MARK, HARAKA)}
        if not marks or not cluster_at:
            return
        shown = {ch for ch in marks if table[ch][0] == MARK or self.options.keep_harakat}
        carriers: Sequence[int] = range(len(self.glyphs))
        if shown and not all(self.glyphs):
            carriers = [k for k, glyph in enumerate(self.glyphs) if glyph]
        carrier_at = [cluster_at[k] for k in carriers] if shown else []
        for p in compress(count(), map(marks.__contains__, text)):
            holder = bisect_right(cluster_at, p) - 1
            if holder >= 0 and self.classes[holder] in _BLANK:
                self.classes[holder] = "ON"
            if text[p] in shown:
                carrier = bisect_right(carrier_at, p) - 1
                if carrier >= 0:
                    k = carriers[carrier]
                    self.glyphs[k] += text[p]
                    if text[p] == VS16:  # emoji presentation: ❤ is one cell, ❤️ two
                        self.widths[k] = max(self.widths[k], cell_len(self.glyphs[k]))

    @staticmethod
    def _invisible_with_levels(
        text: str, table: dict[str, tuple[int, str, int]], classes: list[str]
    ) -> list[tuple[int, str]]:
        """Zero-width cells for LRM, RLM, ALM and the isolate controls.

        They are never drawn, but they have embedding levels that separate the runs around
        them, so they must take part in reordering (rule X9 removes only the others).
        """
        if all(role != HIDDEN for role, _, _ in table.values()):
            return []
        return [
            (p, "")
            for p, ch in enumerate(text)
            if table[ch][0] == HIDDEN and classes[p] not in REMOVED_BY_X9
        ]

    def lines(self, width: int) -> list[DisplayLine]:
        """Display lines for `width` cells (cached for the last width asked)."""
        if width < 1:
            raise ValueError("width must be at least 1 cell")
        if self._width_cache is not None and self._width_cache[0] == width:
            return self._width_cache[1]
        lines = [self._line(lo, draw_hi, hi) for lo, draw_hi, hi in self._breaks(width)]
        if not lines:
            lines = [DisplayLine((), (), (), (), self.start, self.end, self.rtl)]
        self._width_cache = (width, lines)
        return lines

    def _breaks(self, width: int) -> Iterator[tuple[int, int, int]]:
        """(first cluster, end of drawn clusters, end of line) in logical order.

        Lines break after a run of spaces; the spaces at a break hang (they are part of the
        line but not drawn). A word longer than the width is split where it overflows.
        """
        prefix, spaces, n = self._prefix, self._spaces, len(self.glyphs)
        lo = 0
        while lo < n:
            fit = bisect_right(prefix, prefix[lo] + width) - 1  # clusters [lo, fit) fit
            if fit >= n:
                yield lo, n, n
                return
            fit = max(fit, lo + 1)  # a cluster wider than the line still gets a line
            k = bisect_right(spaces, fit) - 1  # the last space at or before `fit`
            if k < 0 or spaces[k] <= lo:
                yield lo, fit, fit  # no space to break at: split the word
                lo = fit
                continue
            brk = spaces[k]
            hi = brk
            while hi < n and self.classes[hi] in _BREAKS_AFTER:
                hi += 1
            draw_hi = brk
            while draw_hi > lo and self.classes[draw_hi - 1] in _BREAKS_AFTER:
                draw_hi -= 1
            if draw_hi == lo:  # only spaces before the break: draw them, not an empty line
                draw_hi = min(hi, fit)
            yield lo, draw_hi, hi
            lo = hi

    def _line(self, lo: int, draw_hi: int, hi: int) -> DisplayLine:
        # Lines tile the paragraph: hidden characters and hanging spaces belong to a line.
        start = self.start if lo == 0 else self.starts[lo]
        end = self.starts[hi] if hi < len(self.starts) else self.end
        glyphs = self.glyphs[lo:draw_hi]
        starts = self.starts[lo:draw_hi]
        ends = self.ends[lo:draw_hi]
        widths = self.widths[lo:draw_hi]
        if self.options.mode == "terminal":
            return DisplayLine(
                tuple(glyphs), tuple(starts), tuple(ends), tuple(widths), start, end, self.rtl
            )
        levels = line_levels(self.levels[lo:draw_hi], self.classes[lo:draw_hi], self.base_level)
        for k in range(bisect_left(self._mirrorable, lo), bisect_left(self._mirrorable, draw_hi)):
            at = self._mirrorable[k] - lo
            glyphs[at] = mirror(glyphs[at], levels[at])
        pick = _picker(reorder(levels))
        shown = pick(glyphs)
        if self.options.logical_runs:
            shown = _rtl_runs_reversed(shown)
        return DisplayLine(shown, pick(starts), pick(ends), pick(widths), start, end, self.rtl)


def _rtl_runs_reversed(glyphs: tuple[str, ...]) -> tuple[str, ...]:
    """Each run of right-to-left letters (with their marks) reversed in place.

    Such a terminal (kitty 0.26, seen under Xvfb) shapes each run of Arabic letters as
    right to left, reversing it; digits, spaces and punctuation stay where they are sent.
    The cell map stays that of app mode: the terminal turns each run back.
    """
    out = list(glyphs)
    k, n = 0, len(out)
    while k < n:
        if not _is_rtl_letter(out[k]):
            k += 1
            continue
        end = k
        while end < n and _is_rtl_letter(out[end]):
            end += 1
        out[k:end] = out[k:end][::-1]
        k = end
    return tuple(out)


def _is_rtl_letter(glyph: str) -> bool:
    return bool(glyph) and BIDI_CLASSES[glyph[0]] in ("R", "AL")


def _picker(order: list[int]) -> Callable[[Sequence[Any]], tuple[Any, ...]]:
    """A function taking the items of a sequence at `order`, as a tuple (at C speed)."""
    if len(order) == 1:
        only = order[0]
        return lambda items: (items[only],)
    return itemgetter(*order)


def layout_paragraph(
    text: str, width: int, options: LayoutOptions | None = None, offset: int = 0
) -> list[DisplayLine]:
    """Lay out one paragraph of logical text for `width` cells."""
    return PreparedParagraph(text, offset, options).lines(width)


def single_line(text: str, width: int | None = None, options: LayoutOptions | None = None) -> DisplayLine:
    """Text for a one-line place (a title, a list item, the status bar), shortened to fit.

    Newlines count as spaces. When the text is longer than `width`, it is cut at its
    logical end and an ellipsis drawn there (on the left of an RTL line).
    """
    prepared = PreparedParagraph(text, 0, options)
    if width is None or prepared.cell_width <= width:
        return prepared.lines(max(1, prepared.cell_width))[0]
    if width < 2:
        return DisplayLine((ELLIPSIS,), (0,), (len(text),), (1,), 0, len(text), prepared.rtl)
    first = prepared.lines(width - 1)[0]
    ellipsis = (ELLIPSIS, first.end, len(text), 1)
    cells = list(zip(first.glyphs, first.starts, first.ends, first.widths))
    cells = [ellipsis, *cells] if first.rtl else [*cells, ellipsis]
    glyphs, starts, ends, widths = (tuple(column) for column in zip(*cells))
    return DisplayLine(glyphs, starts, ends, widths, 0, len(text), first.rtl)


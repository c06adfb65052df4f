"""A whole document's display lines for one width, laid out paragraph by paragraph.

Shaping is the slow part of layout, so a paragraph is prepared only when it comes into view
or when the background worker gets to it; until then its height is estimated from its length.
Line numbers count one blank line between paragraphs.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from seedread.text.document import Document, Paragraph
from seedread.text.layout import DisplayLine, LayoutOptions, PreparedParagraph


class DocumentLayout:
    def __init__(self, document: Document, options: LayoutOptions, width: int = 80) -> None:
        self.document = document
        self.options = options
        self.paragraphs: tuple[Paragraph, ...] = document.paragraphs
        self._para_starts = [paragraph.start for paragraph in self.paragraphs]
        self._prepared: list[PreparedParagraph | None] = [None] * len(self.paragraphs)
        self._exact = [False] * len(self.paragraphs)
        self._heights: list[int] = []
        self._line_starts: list[int] = []
        self.width = 0
        self.set_width(width)

    def set_width(self, width: int) -> None:
        """Re-wrap for `width` cells: exact for prepared paragraphs, estimated for the rest."""
        width = max(1, width)
        if width == self.width:
            return
        self.width = width
        self._heights = [0] * len(self.paragraphs)
        for index in range(len(self.paragraphs)):
            self._measure(index)
        self._reindex()

    @property
    def line_count(self) -> int:
        return self._line_starts[-1]

    def prepare(self, index: int) -> None:
        """Shape and resolve paragraph `index` (safe to call from a worker thread)."""
        if self._prepared[index] is None:
            paragraph = self.paragraphs[index]
            self._prepared[index] = PreparedParagraph(
                self.document.paragraph_text(paragraph), paragraph.start, self.options
            )

    def measure_prepared(self) -> bool:
        """Exact heights for paragraphs a worker prepared; True when any height changed."""
        changed = False
        for index, exact in enumerate(self._exact):
            if not exact and self._prepared[index] is not None:
                changed |= self._measure(index)
        if changed:
            self._reindex()
        return changed

    def ensure_lines(self, first: int, count: int) -> bool:
        """Lay out exactly the paragraphs showing lines [first, first + count).

        Paragraphs before the one at `first` keep their heights, so the top line stays put.
        Returns True when the line count changed.
        """
        changed = False
        index = self.paragraph_at(first)
        while index < len(self.paragraphs) and self._line_starts[index] < first + count:
            if not self._exact[index]:
                self.prepare(index)
                if self._measure(index):
                    changed = True
                    self._reindex()
            index += 1
        return changed

    def paragraph_at(self, y: int) -> int:
        """Index of the paragraph that line `y` belongs to (its trailing blank included)."""
        return min(max(0, bisect_right(self._line_starts, y) - 1), len(self.paragraphs) - 1)

    def line(self, y: int) -> tuple[DisplayLine, Paragraph] | None:
        """Display line `y` with its paragraph, or None for a blank line or past the end."""
        if y < 0 or y >= self.line_count:
            return None
        index = self.paragraph_at(y)
        if not self._exact[index]:
            self.prepare(index)
            if self._measure(index):
                self._reindex()
        lines = self._lines(index)
        row = y - self._line_starts[index]
        return (lines[row], self.paragraphs[index]) if row < len(lines) else None

    def y_of(self, offset: int) -> int:
        """The line showing document offset `offset` (the paragraph's first line if between)."""
        index = max(0, bisect_right(self._para_starts, offset) - 1)
        if not self._exact[index]:
            self.prepare(index)
            if self._measure(index):
                self._reindex()
        row = 0
        for row, line in enumerate(self._lines(index)):
            if offset < line.end:
                break
        return self._line_starts[index] + row

    def offset_at(self, y: int) -> int:
        """The document offset at the start of line `y` (for remembering a place)."""
        found = self.line(y)
        if found is not None:
            return found[0].start
        index = self.paragraph_at(y)
        return self.paragraphs[index].end if index < len(self.paragraphs) else 0

    def _lines(self, index: int) -> list[DisplayLine]:
        prepared = self._prepared[index]
        assert prepared is not None
        return prepared.lines(self.width)

    def _measure(self, index: int) -> bool:
        """Set paragraph `index`'s height: exact when prepared, else estimated."""
        prepared = self._prepared[index]
        if prepared is None:
            paragraph = self.paragraphs[index]
            rows = -(-(paragraph.end - paragraph.start) // self.width)
        else:
            rows = len(prepared.lines(self.width))
            self._exact[index] = True
        height = rows + (1 if index < len(self.paragraphs) - 1 else 0)
        changed = height != self._heights[index]
        self._heights[index] = height
        return changed

    def _reindex(self) -> None:
        self._line_starts = [0, *accumulate(self._heights)]

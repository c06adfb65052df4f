"""The article pane: a Line API widget drawing the layout engine's display lines.

Only the lines in view are rendered, each cached as a Strip keyed by (line, width,
highlight generation); paragraphs are shaped when they come into view and by a background
worker, so opening a long article or scrolling never waits for the whole text.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual import work
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import get_current_worker

from seedread.analysis.model import Entity
from seedread.app.document_layout import DocumentLayout
from seedread.app.highlights import (
    CURRENT_CLASS,
    ENTITY_CLASSES,
    HIT_CLASS,
    STATUS_CLASSES,
    Highlights,
)
from seedread.app.messages import ArticleMoved, LayoutProgress
from seedread.text.document import Document
from seedread.text.layout import DisplayLine, LayoutOptions

PROGRESS_EVERY = 200  # paragraphs prepared between progress messages
BACKGROUND_DELAY = 0.3  # seconds: the first frame is drawn before background work takes the GIL


class ArticleView(ScrollView, can_focus=True):
    """The article, wrapped to the pane, RTL paragraphs right-aligned (in app mode)."""

    COMPONENT_CLASSES = {
        "article--heading",
        CURRENT_CLASS,
        HIT_CLASS,
        *ENTITY_CLASSES.values(),
        *STATUS_CLASSES.values(),
    }
    BINDINGS = [
        Binding("down,j", "line(1)", "Line down", id="article.line_down", show=False),
        Binding("up,k", "line(-1)", "Line up", id="article.line_up", show=False),
        Binding("pagedown,space", "page(1)", "Page down", id="article.page_down", show=False),
        Binding("pageup,b", "page(-1)", "Page up", id="article.page_up", show=False),
        Binding("home,g", "top", "Top", id="article.top", show=False),
        Binding("end,G", "bottom", "Bottom", id="article.bottom", show=False),
    ]

    def __init__(self, document: Document, options: LayoutOptions, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.document = document
        self.text_layout = DocumentLayout(document, options)
        self._cache: LRUCache[tuple, Strip] = LRUCache(1024)
        self._generation = 0
        self._entities: list[Entity] = []
        self._hits: list[tuple[int, int]] = []
        self.current: tuple[int, int] | None = None
        self._highlights = Highlights()
        self._pending_top: int | None = None
        self._restoring: int | None = None  # a place to go to after the first refresh
        self._top = 0  # the document offset at the top, as of the last scroll

    # Layout

    @property
    def options(self) -> LayoutOptions:
        return self.text_layout.options

    def set_options(self, options: LayoutOptions) -> None:
        """Lay the article out again (bidi mode or base direction changed), keeping the place."""
        top = self.top_offset
        self.text_layout = DocumentLayout(self.document, options, self._text_width())
        self._changed()
        self.show_offset(top, at_top=True)
        self._lay_out_rest()

    def _text_width(self) -> int:
        return max(1, self.scrollable_content_region.width)

    def on_mount(self) -> None:
        self.set_timer(BACKGROUND_DELAY, self._lay_out_rest)

    def on_resize(self) -> None:
        pending = self._pending_top
        top = pending if pending is not None else self._top
        self.text_layout.set_width(self._text_width())
        self._settle()
        self.virtual_size = Size(self.text_layout.width, self.text_layout.line_count)
        self._changed()
        if pending is not None:
            # The first size: scrolling waits until the new virtual size has been applied.
            self._pending_top = None
            self._restoring = top
            self.call_after_refresh(self._restore, top)
        else:
            self.show_offset(top, at_top=True)

    def _settle(self) -> None:
        """Exact layout for the lines in view (and a page more)."""
        if self.text_layout.ensure_lines(int(self.scroll_y), self.size.height * 2):
            self.virtual_size = Size(self.text_layout.width, self.text_layout.line_count)

    @work(thread=True, exclusive=True, group="layout")
    def _lay_out_rest(self) -> None:
        """Shape every paragraph in the background so that jumps and scrolling are instant."""
        worker = get_current_worker()
        layout = self.text_layout
        total = len(layout.paragraphs)
        for index in range(total):
            if worker.is_cancelled or layout is not self.text_layout:
                return
            layout.prepare(index)
            if (index + 1) % PROGRESS_EVERY == 0 or index + 1 == total:
                self.post_message(LayoutProgress(index + 1, total))

    def on_layout_progress(self, message: LayoutProgress) -> None:
        top = self.top_offset
        if self.text_layout.measure_prepared():
            self.virtual_size = Size(self.text_layout.width, self.text_layout.line_count)
            self._changed()
            self.show_offset(top, at_top=True)

    # Place

    @property
    def top_offset(self) -> int:
        """The document offset at the top of the view (what is remembered per document)."""
        if not self.text_layout.line_count:
            return 0
        return self.text_layout.offset_at(int(self.scroll_y))

    @property
    def percent(self) -> int:
        lines = self.text_layout.line_count
        visible = max(1, self.size.height)
        if lines <= visible:
            return 100
        return min(100, round(100 * (self.scroll_y + visible) / lines))

    def _restore(self, top: int) -> None:
        """Go to the remembered place, unless the reader has scrolled since it was asked for."""
        if self._restoring == top:
            self._restoring = None
            self.show_offset(top, at_top=True)

    def show_offset(self, offset: int, at_top: bool = False) -> None:
        """Scroll so that `offset` is in view: at the top, or only as far as needed."""
        if not self.size.height:
            self._pending_top = offset
            return
        self._pending_top = None
        y = self.text_layout.y_of(offset)
        if at_top:
            target = y
        elif y < self.scroll_y or y >= self.scroll_y + self.size.height:
            target = max(0, y - self.size.height // 3)
        else:
            return
        self.virtual_size = Size(self.text_layout.width, self.text_layout.line_count)
        self.scroll_to(y=target, animate=False, immediate=True)

    def go_to_percent(self, percent: float) -> None:
        lines = self.text_layout.line_count
        self.scroll_to(y=round(lines * max(0.0, min(100.0, percent)) / 100), animate=False, immediate=True)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if self.is_mounted:
            self._settle()
            self._top = self.top_offset
            self._pending_top = self._restoring = None  # the reader moved: a place still waiting is stale
            self.post_message(ArticleMoved(self._top, self.percent))

    def action_line(self, step: int) -> None:
        self.scroll_to(y=self.scroll_y + step, animate=False, immediate=True)

    def action_page(self, step: int) -> None:
        self.scroll_to(y=self.scroll_y + step * max(1, self.size.height - 1), animate=False, immediate=True)

    def action_top(self) -> None:
        self.scroll_to(y=0, animate=False, immediate=True)

    def action_bottom(self) -> None:
        self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)

    # Marks

    def set_marks(
        self,
        entities: list[Entity] | None = None,
        hits: list[tuple[int, int]] | None = None,
        current: tuple[int, int] | None | bool = False,
    ) -> None:
        """Change what is highlighted (arguments left out stay as they were)."""
        if entities is not None:
            self._entities = entities
        if hits is not None:
            self._hits = hits
        if current is not False:
            self.current = current  # type: ignore[assignment]
        self._highlights = Highlights.build(self._entities, self._hits, self.current)
        self._changed()

    def _changed(self) -> None:
        self._generation += 1
        self._cache.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._changed()

    # Drawing

    def render_line(self, y: int) -> Strip:
        if self.text_layout.width != self._text_width():
            # A frame can be drawn before on_resize arrives (the very first one always is):
            # wrap for the real width now, so keys pressed on that frame can already scroll;
            # on_resize then restores the place from `_top`.
            self.text_layout.set_width(self._text_width())
            self.virtual_size = Size(self.text_layout.width, self.text_layout.line_count)
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.text_layout.width
        key = (index, width, self._generation)
        strip = self._cache.get(key)
        if strip is None:
            strip = self._draw(index, width)
            self._cache[key] = strip
        return strip.crop(scroll_x, scroll_x + self.scrollable_content_region.width)

    def _draw(self, index: int, width: int) -> Strip:
        base = self.rich_style
        found = self.text_layout.line(index)
        if found is None:
            return Strip.blank(width, base)
        line, paragraph = found
        if paragraph.heading:
            base = base + self.get_component_rich_style("article--heading")
        segments = self._segments(line, base)
        indent = line.indent(width) if self.options.mode == "app" else 0
        if indent:
            segments.insert(0, Segment(" " * indent, base))
        return Strip(segments).adjust_cell_length(width, base)

    def _segments(self, line: DisplayLine, base: Style) -> list[Segment]:
        spans = [
            (start, end, self.get_component_rich_style(name, partial=True))
            for start, end, name in self._highlights.within(line.start, line.end)
        ]
        return [
            Segment(text, base + Style.combine(styles) if styles else base)
            for text, styles in line.runs(spans)
        ]

"""A text input that draws an Arabic value the way the rest of seedread does.

Textual's Input draws its value as typed: in a terminal without bidi an Arabic query would
show unshaped and reversed. In app mode this input draws the value through the layout engine
instead, with the cursor on the cell that shows the character under it (or on the outer
side of the line's logical end).
"""

from __future__ import annotations

from rich.text import Text
from textual.strip import Strip
from textual.widgets import Input

from seedread.text.layout import LayoutOptions, single_line


class ShapedInput(Input):
    def render_line(self, y: int) -> Strip:
        options: LayoutOptions | None = getattr(self.app, "options", None)
        if y != 0 or not self.value or options is None or options.mode != "app":
            return super().render_line(y)
        width = self.scrollable_content_region.width
        line = single_line(self.value, max(1, width - 1), options)
        cursor = self.cursor_position
        show_cursor = self.has_focus and self._cursor_visible
        cursor_style = self.get_component_rich_style("input--cursor")
        text = Text(end="", no_wrap=True)
        marked = [(cursor, cursor + 1, cursor_style)] if show_cursor else []
        for run, styles in line.runs(marked):
            text.append(run, cursor_style if styles else None)
        if show_cursor and cursor >= len(self.value):
            end = Text(" ", style=cursor_style, end="")
            text = end + text if line.rtl else text + end
        segments = self.app.console.render(text, self.app.console_options.update_width(width + 1))
        strip = Strip(list(segments)).crop(0, width + 1).extend_cell_length(width + 1)
        return strip.apply_style(self.rich_style)

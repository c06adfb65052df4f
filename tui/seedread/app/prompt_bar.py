"""A one-line input under the article for `/` search and `%` go-to-percent.

Textual's Input draws its value as typed, so an Arabic query would show unshaped and
reversed; in app mode the value is drawn through the layout engine instead, with the cursor
on the cell that shows the character under it.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.message import Message
from textual.strip import Strip
from textual.widgets import Input

from seedread.text.layout import LayoutOptions, single_line


class PromptBar(Input):
    """Shown on demand; Enter sends `Answered`, Escape hides it."""

    BINDINGS = [Binding("escape", "dismiss", "Cancel", id="prompt.cancel")]

    class Answered(Message):
        def __init__(self, purpose: str, value: str) -> None:
            super().__init__()
            self.purpose = purpose
            self.value = value

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.purpose = ""

    def ask(self, purpose: str, placeholder: str) -> None:
        self.purpose = purpose
        self.placeholder = placeholder
        self.value = ""
        self.display = True
        self.focus()

    def render_line(self, y: int) -> Strip:
        options: LayoutOptions | None = getattr(self.screen, "options", None)
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
        if show_cursor and cursor >= len(self.value):  # after the logical end: its outer side
            end = Text(" ", style=cursor_style, end="")
            text = end + text if line.rtl else text + end
        segments = self.app.console.render(text, self.app.console_options.update_width(width + 1))
        strip = Strip(list(segments)).crop(0, width + 1).extend_cell_length(width + 1)
        return strip.apply_style(self.rich_style)

    def action_dismiss(self) -> None:
        self.display = False
        self.screen.focus_next()

    @on(Input.Submitted)
    def _answer(self, event: Input.Submitted) -> None:
        event.stop()
        self.display = False
        self.post_message(self.Answered(self.purpose, event.value))

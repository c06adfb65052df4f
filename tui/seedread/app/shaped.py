"""Arabic anywhere outside the article goes through the layout engine, never raw.

A list item, a title or the status bar gets its text shaped and in visual order (app mode)
or logical (terminal mode) from `single_line`, so no widget shows Arabic unshaped or reversed.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from seedread.text.layout import LayoutOptions, single_line


def shaped(text: str, options: LayoutOptions, width: int | None = None, style: str | Style = "") -> Text:
    """One line of `text` as the terminal should draw it, cut to `width` cells."""
    return Text(single_line(text, width, options).text, style=style)


def shaped_aligned(text: str, options: LayoutOptions, width: int) -> Text:
    """Like `shaped`, right-aligned in `width` cells when the text is right-to-left (in app
    mode; a terminal doing its own bidi aligns the line itself)."""
    line = single_line(text, width, options)
    indent = line.indent(width) if options.mode == "app" else 0
    return Text(" " * indent + line.text)


def shaped_with(
    text: str, options: LayoutOptions, spans: list[tuple[int, int, Style]], width: int | None = None
) -> Text:
    """Like `shaped`, with (start, end, style) spans on logical offsets of `text` styled."""
    line = single_line(text, width, options)
    result = Text()
    for run, styles in line.runs(spans):
        style = Style.combine(styles) if styles else None
        result.append(run, style)
    return result

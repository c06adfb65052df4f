"""The status line: document title, what n/N walks through ("3/7"), progress of background
work, review progress, the bidi mode in use and the place in the article. Arabic goes through the layout
engine like everywhere else."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from seedread.app.shaped import shaped
from seedread.text.layout import LayoutOptions


class StatusBar(Widget):
    title: reactive[str] = reactive("")
    walking: reactive[str] = reactive("")  # e.g. "حلب 3/7" or "search روسيا 2/5"
    layout: reactive[str] = reactive("")  # e.g. "layout 40%" while a long article is laid out
    busy: reactive[str] = reactive("")  # e.g. "analysing…"
    review: reactive[str] = reactive("")  # e.g. "34/52 reviewed", "review off (store error)"
    percent: reactive[int] = reactive(0)
    bidi: reactive[str] = reactive("app")

    def __init__(self, options: LayoutOptions, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.options = options

    def on_resize(self) -> None:
        # Textual draws the first frame inside its start-up batch and drops it; without a
        # repaint here the status line would be missing until something in it changes.
        self.refresh()

    def render(self) -> Text:
        right = Text()
        if self.layout:
            right.append(f" {self.layout} ", style="italic")
        if self.busy:
            right.append(f" {self.busy} ", style="italic")
        if self.review:
            right.append(f" {self.review} ")
        right.append(f" bidi:{self.bidi} ", style="bold")
        right.append(f" {self.percent:>3}% ")
        middle = shaped(self.walking, self.options, 40) if self.walking else Text()
        room = max(0, self.size.width - right.cell_len - middle.cell_len - 3)
        left = shaped(self.title, self.options, room) if room > 1 else Text()
        gap = max(1, self.size.width - left.cell_len - middle.cell_len - right.cell_len - 1)
        return Text.assemble(" ", left, " " * (gap // 2), middle, " " * (gap - gap // 2), right)

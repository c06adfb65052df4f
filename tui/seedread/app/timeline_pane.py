"""The timeline: dated phrases in chronological order with the normalised date and how
sure the year is. Enter jumps to the phrase in the article."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from seedread.analysis.model import TimelineEntry
from seedread.app.messages import JumpRequested
from seedread.app.navigation import Target
from seedread.app.shaped import shaped
from seedread.text.layout import LayoutOptions

CERTAINTY_MARKS = {"stated": "", "inferred": " (year inferred)", "unknown": " (year unknown)"}


class TimelinePane(OptionList):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = "Timeline"
        self._entries: list[TimelineEntry] = []

    def show(self, entries: list[TimelineEntry], options: LayoutOptions) -> None:
        self._entries = sorted(entries, key=lambda e: (e.sort_key or e.value, e.start))
        self.clear_options()
        self.add_options(
            Option(self._prompt(entry, options), id=str(index))
            for index, entry in enumerate(self._entries)
        )
        self.border_subtitle = f"{len(self._entries)}"

    @staticmethod
    def _prompt(entry: TimelineEntry, options: LayoutOptions) -> Text:
        prompt = Text(entry.value, style="bold")
        prompt.append(CERTAINTY_MARKS.get(entry.year_certainty, f" ({entry.year_certainty})"), style="dim")
        prompt.append("\n")
        prompt.append_text(shaped(entry.text, options, 48))
        if entry.event is not None:
            prompt.append("\n")
            prompt.append_text(shaped(entry.event.text, options, 48, style="italic"))
        return prompt

    @on(OptionList.OptionSelected)
    def _jump(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        entry = self._entries[int(event.option.id or 0)]
        self.post_message(JumpRequested(Target(entry.start, entry.end)))

"""The timeline: dated phrases in chronological order with the normalised date and how
sure the year is. Enter jumps to the phrase in the article."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual import on
from textual.widgets import OptionList

from seedread.analysis.model import TimelineEntry
from seedread.app.entry_pane import EntryPane
from seedread.app.messages import JumpRequested
from seedread.app.navigation import Target
from seedread.app.shaped import shaped
from seedread.text.layout import LayoutOptions

CERTAINTY_MARKS = {"stated": "", "inferred": " (year inferred)", "unknown": " (year unknown)"}


class TimelinePane(EntryPane[TimelineEntry]):
    PANE_TITLE = "Timeline"

    def ordered(self, entries: Iterable[TimelineEntry]) -> list[TimelineEntry]:
        return sorted(entries, key=lambda e: (e.sort_key or e.value, e.start))

    def prompt(self, entry: TimelineEntry, options: LayoutOptions) -> Text:
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

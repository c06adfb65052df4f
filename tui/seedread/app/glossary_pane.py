"""The glossary: term, romanisation, gloss and definition. Enter jumps to the term's first
mention; pressing it again walks through the others in reading order."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from seedread.analysis.model import GlossaryEntry
from seedread.app.messages import JumpRequested
from seedread.app.navigation import Target
from seedread.app.shaped import shaped
from seedread.text.layout import LayoutOptions


class GlossaryPane(OptionList):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = "Glossary"
        self._entries: list[GlossaryEntry] = []
        self._next: dict[int, int] = {}

    def show(self, entries: list[GlossaryEntry], options: LayoutOptions) -> None:
        self._entries = list(entries)
        self._next = {}
        self.clear_options()
        self.add_options(
            Option(self._prompt(entry, options), id=str(index))
            for index, entry in enumerate(self._entries)
        )
        self.border_subtitle = f"{len(self._entries)}"

    @staticmethod
    def _prompt(entry: GlossaryEntry, options: LayoutOptions) -> Text:
        prompt = shaped(entry.term, options, 30, style="bold")
        prompt.append(f"  {entry.romanization}", style="italic")
        if entry.gloss:
            prompt.append(f" — {entry.gloss}")
        if entry.definition:
            prompt.append("\n")
            prompt.append_text(shaped(entry.definition, options, 60, style="dim"))
        return prompt

    @on(OptionList.OptionSelected)
    def _jump(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = int(event.option.id or 0)
        mentions = sorted(self._entries[index].mentions, key=lambda span: span.start)
        if not mentions:
            self.notify("This term has no mention in the article.", severity="warning")
            return
        turn = self._next.get(index, 0) % len(mentions)
        self._next[index] = turn + 1
        span = mentions[turn]
        self.post_message(JumpRequested(Target(span.start, span.end)))

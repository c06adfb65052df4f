"""The glossary: term, romanisation, gloss and definition. Enter jumps to the term's first
mention; pressing it again walks through the others in reading order."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual import on
from textual.widgets import OptionList

from seedread.analysis.model import GlossaryEntry
from seedread.app.entry_pane import EntryPane
from seedread.app.messages import JumpRequested
from seedread.app.navigation import Target
from seedread.app.shaped import shaped
from seedread.text.layout import LayoutOptions


class GlossaryPane(EntryPane[GlossaryEntry]):
    PANE_TITLE = "Glossary"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._next: dict[int, int] = {}

    def show(self, entries: Iterable[GlossaryEntry], options: LayoutOptions) -> None:
        self._next = {}
        super().show(entries, options)

    def prompt(self, entry: GlossaryEntry, options: LayoutOptions) -> Text:
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
            self.notify("This term has no mention in the article.", severity="warning", markup=False)
            return
        turn = self._next.get(index, 0) % len(mentions)
        self._next[index] = turn + 1
        span = mentions[turn]
        self.post_message(JumpRequested(Target(span.start, span.end)))

"""A side pane listing analysis entries, one option each, with the count in its border."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from seedread.text.layout import LayoutOptions

Entry = TypeVar("Entry")


class EntryPane(OptionList, Generic[Entry]):
    PANE_TITLE = ""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = self.PANE_TITLE
        self._entries: list[Entry] = []

    def show(self, entries: Iterable[Entry], options: LayoutOptions) -> None:
        self._entries = self.ordered(entries)
        self.clear_options()
        self.add_options(
            Option(self.prompt(entry, options), id=str(index))
            for index, entry in enumerate(self._entries)
        )
        self.border_subtitle = f"{len(self._entries)}"

    def ordered(self, entries: Iterable[Entry]) -> list[Entry]:
        return list(entries)

    def prompt(self, entry: Entry, options: LayoutOptions) -> Text:
        raise NotImplementedError

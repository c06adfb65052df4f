"""The bar under the article while words are being selected with `v`: it has the keys
(arrows, Enter, Escape) and shows the selected text, shaped, with what the keys do."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget

from seedread.app.selection import WordSelection
from seedread.app.shaped import shaped
from seedread.text.layout import LayoutOptions

HINT = "  ←/→ a word more/less · Enter: type · Esc: cancel"


class SelectionBar(Widget, can_focus=True):
    BINDINGS = [
        Binding("left", "extend(-1)", "Select word on the left", id="selection.left"),
        Binding("right", "extend(1)", "Select word on the right", id="selection.right"),
        Binding("enter", "finish(True)", "Type the selection", id="selection.confirm"),
        Binding("escape", "finish(False)", "Cancel selection", id="selection.cancel"),
    ]

    class Changed(Message):
        def __init__(self, span: tuple[int, int]) -> None:
            super().__init__()
            self.span = span

    class Finished(Message):
        """`span` is None when the selection was cancelled."""

        def __init__(self, span: tuple[int, int] | None) -> None:
            super().__init__()
            self.span = span

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.selection: WordSelection | None = None
        self.text = ""
        self.options = LayoutOptions()
        self._return_to: Widget | None = None

    def start(self, selection: WordSelection, text: str, options: LayoutOptions) -> None:
        self.selection, self.text, self.options = selection, text, options
        self.display = True
        self._return_to = self.screen.focused
        self.screen.set_focus(self)  # now, not later: see prompt_bar
        self._changed()

    def render(self) -> Text:
        if self.selection is None:
            return Text()
        start, end = self.selection.span
        label = Text("select: ", style="bold")
        room = max(8, self.size.width - len(HINT) - len(label) - 2)
        return Text.assemble(label, shaped(self.text[start:end], self.options, room), HINT)

    def action_extend(self, visual_step: int) -> None:
        if self.selection is not None:
            self.selection.move(visual_step)
            self._changed()

    def action_finish(self, keep: bool) -> None:
        span = self.selection.span if keep and self.selection is not None else None
        self.selection = None
        self.display = False
        self.screen.set_focus(self._return_to)
        self.post_message(self.Finished(span))

    def _changed(self) -> None:
        self.refresh()
        self.post_message(self.Changed(self.selection.span))

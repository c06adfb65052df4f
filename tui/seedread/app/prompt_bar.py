"""A one-line input under the article for `/` search and `%` go-to-percent.

Keys typed in a burst (a paste, or SSH delivering several in one packet) are routed to the
widget that has focus when Textual reads them, before any handler has run: so focus moves
to the prompt in the same step as the key that opens it (a priority binding, see
ReaderScreen), and back in the same step as Enter or Escape. `Widget.focus()` would only
move it after the keys already read had gone to the article's bindings.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget

from seedread.app.shaped_input import ShapedInput


class PromptBar(ShapedInput):
    """Shown on demand; Enter sends `Answered`, Escape hides it."""

    BINDINGS = [
        Binding("escape", "dismiss", "Cancel", id="prompt.cancel", priority=True),
        Binding("enter", "answer", "Answer", id="prompt.answer", priority=True, show=False),
    ]

    class Answered(Message):
        def __init__(self, purpose: str, value: str) -> None:
            super().__init__()
            self.purpose = purpose
            self.value = value

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.purpose = ""
        self._return_to: Widget | None = None

    def ask(self, purpose: str, placeholder: str) -> None:
        self.purpose = purpose
        self.placeholder = placeholder
        self.value = ""
        self.display = True
        self._return_to = self.screen.focused
        self.screen.set_focus(self)

    def _close(self) -> None:
        self.display = False
        self.screen.set_focus(self._return_to)
        if self.screen.focused is None:
            self.screen.focus_next()

    def action_dismiss(self) -> None:
        self._close()

    def action_answer(self) -> None:
        self._close()
        self.post_message(self.Answered(self.purpose, self.value))

"""A one-line input under the article for `/` search and `%` go-to-percent."""

from __future__ import annotations

from textual import on
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input

from seedread.app.shaped_input import ShapedInput


class PromptBar(ShapedInput):
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

    def action_dismiss(self) -> None:
        self.display = False
        self.screen.focus_next()

    @on(Input.Submitted)
    def _answer(self, event: Input.Submitted) -> None:
        event.stop()
        self.display = False
        self.post_message(self.Answered(self.purpose, event.value))

"""Small modal questions the review keys ask: which entity type (number keys 1-5) and
yes/no. Both answer with one key and are cancelled with Escape."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from seedread.analysis.model import ENTITY_TYPES
from seedread.app.entities_pane import TYPE_NAMES


class TypeMenu(ModalScreen[str | None]):
    """Answers with one of ENTITY_TYPES, or None when cancelled."""

    BINDINGS = [
        *(
            Binding(str(number), f"choose({number})", f"Type {label}",
                    id=f"type_menu.{label.lower()}")
            for number, label in enumerate(ENTITY_TYPES, 1)
        ),
        Binding("escape,q", "choose(0)", "Cancel", id="type_menu.cancel"),
    ]

    def __init__(self, question: str, current: str | None = None) -> None:
        super().__init__()
        self.question = question
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="review-menu", classes="review-dialog"):
            yield Static(self.question, classes="review-question")
            for number, label in enumerate(ENTITY_TYPES, 1):
                line = Text(f" {number}  {label:<6}{TYPE_NAMES[label]}")
                if label == self.current:
                    line.append("  (now)", style="dim")
                yield Static(line, classes="review-choice")
            yield Static("Esc cancels", classes="review-hint")

    def action_choose(self, number: int) -> None:
        self.dismiss(ENTITY_TYPES[number - 1] if number else None)


class YesNo(ModalScreen[bool]):
    """Answers True for y, False for n or Escape."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="yes_no.yes"),
        Binding("n,escape", "answer(False)", "No", id="yes_no.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="review-yes-no", classes="review-dialog"):
            yield Static(self.question, classes="review-question")
            yield Static("y yes · n no (Esc)", classes="review-hint")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)

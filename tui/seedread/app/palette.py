"""Textual's command palette with an input that shows Arabic queries shaped."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.command import CommandInput, CommandList, CommandPalette, SearchIcon
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, LoadingIndicator

from seedread.app.shaped_input import ShapedInput


class ShapedCommandInput(CommandInput, ShapedInput):
    """CommandInput first, so the palette's CSS and `AUTO_FOCUS` still find it by type."""


class Palette(CommandPalette):
    """The same palette (its providers, styles and keys), composed with ShapedCommandInput."""

    def compose(self) -> ComposeResult:
        with Vertical(id="--container"):
            with Horizontal(id="--input"):
                yield SearchIcon()
                yield ShapedCommandInput(placeholder=self._placeholder, select_on_focus=False)
                if not self.run_on_select:
                    yield Button("\u25b6")
            with Vertical(id="--results"):
                yield CommandList()
                yield LoadingIndicator()

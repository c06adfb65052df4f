"""The seedread Textual app: library and reader screens, themes, bidi mode and state."""

from __future__ import annotations

import datetime as dt
import os
import signal
import sys
import threading
from collections.abc import Callable

from textual.app import App
from textual.binding import Binding

from seedread.analysis.model import Analysis
from seedread.app.analysis_runner import Analyzer, default_analyzer
from seedread.app.bidi_guard import BidiGuard
from seedread.app.calibration_screen import CalibrationScreen
from seedread.app.palette import Palette
from seedread.app.commands import DateCommands, EntityCommands, GlossaryCommands
from seedread.app.export_commands import ExportCommands
from seedread.app.library_screen import LibraryScreen
from seedread.app.reader_screen import ReaderScreen
from seedread.app.review_service import ReviewService
from seedread.app.state import ReaderState
from seedread.app.terminal_probe import detect_multiplexer, terminal_note
from seedread.app.themes import DEFAULT_THEME, load_themes, variable_defaults
from seedread.text.document import Document
from seedread.text.layout import LayoutOptions


class SeedreadApp(App):
    CSS_PATH = "seedread.tcss"
    TITLE = "seedread"
    COMMANDS = App.COMMANDS | {EntityCommands, DateCommands, GlossaryCommands, ExportCommands}
    BINDINGS = [
        Binding("ctrl+t", "toggle_bidi", "Toggle bidi mode", id="app.toggle_bidi"),
        Binding("c", "calibrate", "Calibrate bidi", id="app.calibrate", show=False),
    ]

    def __init__(
        self,
        documents: list[Document],
        options: LayoutOptions,
        *,
        state: ReaderState,
        analyzer: Analyzer = default_analyzer,
        date: dt.date | None = None,
        theme: str | None = None,
        bidi_guard: BidiGuard | None = None,
        terminal_key: str = "unknown",
        calibrate: bool = False,
        library: bool | None = None,
        review: ReviewService | None = None,
    ) -> None:
        super().__init__()
        self.documents = documents
        self.options = options
        self.state = state
        self.analyzer = analyzer
        self.review = review or ReviewService()
        self.date = date
        self.bidi_guard = bidi_guard
        self.terminal_key = terminal_key
        self._calibrate_first = calibrate
        self.library = len(documents) > 1 if library is None else library
        self._analyses: dict[str, Analysis] = {}
        self._analysis_lock = threading.Lock()
        themes = load_themes()
        self._theme_problems = themes.problems
        for bundled in themes.themes:
            self.register_theme(bundled)
        wanted = theme or state.theme or DEFAULT_THEME
        self.theme = wanted if wanted in self.available_themes else DEFAULT_THEME

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return variable_defaults(self.current_theme)

    def on_mount(self) -> None:
        for problem in self._theme_problems:
            self.notify(problem, severity="warning", timeout=10, markup=False)
        self.call_after_refresh(self._remember_theme, self.theme)  # the watcher missed it
        if self.library:
            self.push_screen(LibraryScreen(self.documents, self.options))
        else:
            self.push_screen(ReaderScreen(self.documents[0], self.options, standalone=True))
        if self._calibrate_first:
            self.action_calibrate()
        if _terminal_fd() is not None:
            self.set_interval(1.0, self._end_if_terminal_gone)

    def _end_if_terminal_gone(self) -> None:
        """End as on a hangup once the terminal has gone without one: otherwise Textual's
        input thread reads end-of-file for ever at full speed (seen under a killed xterm)."""
        if _terminal_fd() is None:
            os.kill(os.getpid(), signal.SIGHUP)

    async def action_quit(self) -> None:
        """Quit once every decision already asked for is stored."""
        for screen in list(self.screen_stack):
            if isinstance(screen, ReaderScreen):
                await screen.finish_decisions()
        self.exit()

    def on_unmount(self) -> None:
        self.review.close()

    def watch_theme(self, theme: str) -> None:
        # Saved once the screen has been drawn with it: a theme that fails is never kept.
        self.call_after_refresh(self._remember_theme, theme)

    def _remember_theme(self, theme: str) -> None:
        if self.theme == theme and self.state.theme != theme:
            self.state.theme = theme
            self.state.save()

    # Documents and their analyses

    def open_document(self, document: Document, standalone: bool) -> None:
        self.push_screen(ReaderScreen(document, self.options, standalone=standalone))

    def cached_analysis(self, document: Document) -> Analysis | None:
        return self._analyses.get(document.sha256)

    def analysis_of(self, document: Document) -> Analysis:
        """The document's analysis, computed once (call from a worker thread)."""
        with self._analysis_lock:
            found = self._analyses.get(document.sha256)
            if found is None:
                found = self._analyses[document.sha256] = self.analyzer(document, self.date)
        return found

    # Bidi

    def set_bidi(self, mode: str) -> None:
        """Switch who does bidi, relaying out every open screen; remembered per terminal."""
        self.options = LayoutOptions.sending(mode, base=self.options.base, keep_harakat=self.options.keep_harakat)
        if self.bidi_guard is not None:
            self.bidi_guard.set_explicit(mode != "terminal")
        for screen in self.screen_stack:
            relayout: Callable[[LayoutOptions], None] | None = getattr(screen, "relayout", None)
            if relayout is not None:
                relayout(self.options)
        self.state.bidi[self.terminal_key] = mode
        self.state.save()
        self.notify(f"bidi: {mode} mode", markup=False)

    def action_command_palette(self) -> None:
        if self.use_command_palette and not Palette.is_open(self):
            self.push_screen(Palette(id="--command-palette"))

    def action_toggle_bidi(self) -> None:
        self.set_bidi("terminal" if self.options.mode == "app" else "app")

    def action_calibrate(self) -> None:
        """Both sample lines are drawn in explicit mode, so the answer says which layout this
        terminal (or the multiplexer in front of it) shows correctly."""

        def chosen(mode: str | None) -> None:
            if mode and mode != self.options.send:
                self.set_bidi(mode)
                return
            if mode:
                self.state.bidi[self.terminal_key] = mode
                self.state.save()
            if self.bidi_guard is not None:
                self.bidi_guard.set_explicit(self.options.mode == "app")

        hint = ""
        if self.bidi_guard is not None:
            self.bidi_guard.multiplexer = detect_multiplexer()  # the user may just have fixed it
            self.bidi_guard.set_explicit(True)
            hint = self.bidi_guard.multiplexer.hint
        self.push_screen(CalibrationScreen(hint, terminal_note()), chosen)


def _terminal_fd() -> int | None:
    """Standard input's descriptor while it is a terminal, else None."""
    stream = sys.__stdin__
    try:
        fd = stream.fileno() if stream is not None else -1
    except (OSError, ValueError):
        return None
    return fd if fd >= 0 and os.isatty(fd) else None

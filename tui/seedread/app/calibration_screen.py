"""Which way does this terminal need Arabic? One sentence drawn both ways; the user says
which reads right, and the answer is remembered for this kind of terminal. This settles the
cases no reply can, such as tmux running inside a VTE terminal.

Where seedread cannot tell the terminal to stop reordering (tmux without passthrough), line 2
would read right here but put side-pane text into the article column of a whole screen, so
it is not offered: the screen says the one command that fixes line 1 instead."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from seedread.text.layout import LayoutOptions, single_line

# Short enough for one line of the dialog at 80 columns: a wrapped line would put its
# first words on the row below and read wrong even in the right mode.
SAMPLE = "الجيش السوري في حلب (28 تشرين الأول 2016)"


class CalibrationScreen(ModalScreen[str | None]):
    """Dismissed with "app", "terminal", "shaper" or None (Escape: keep the current mode).

    Line 3 is for terminals that join letters but do no bidi (kitty): they shape each run of
    Arabic cells and so reverse it, which turns line 1 into words with their letters backwards.
    """

    BINDINGS = [
        Binding("1", "choose('app')", "Line 1 reads right", id="calibration.app"),
        Binding("2", "choose('terminal')", "Line 2 reads right", id="calibration.terminal"),
        Binding("3", "choose('shaper')", "Line 3 reads right", id="calibration.shaper"),
        Binding("escape", "choose('')", "Keep the current mode", id="calibration.cancel"),
    ]

    def __init__(self, hint: str = "", note: str = "") -> None:
        super().__init__()
        self.hint = hint
        self.note = note  # advice that leaves every line on offer

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (self.hint and action == "choose" and parameters == ("terminal",))

    def compose(self) -> ComposeResult:
        shown = single_line(SAMPLE, None, LayoutOptions.sending("app")).text
        logical = single_line(SAMPLE, None, LayoutOptions.sending("terminal")).text
        runs = single_line(SAMPLE, None, LayoutOptions.sending("shaper")).text
        with Vertical(id="calibration-box"):
            yield Static("Which line reads right (joined letters, right to left)?", id="calibration-question")
            yield Static(f"1  {shown}", id="calibration-app", markup=False)
            if self.hint:
                yield Static(f"3  {runs}", id="calibration-shaper", markup=False)
                yield Static(self.hint, id="calibration-hint", markup=False)
                yield Static("Press 1 or 3 (Escape keeps the current mode).", classes="dim")
                return
            yield Static(f"2  {logical}", id="calibration-terminal", markup=False)
            yield Static(f"3  {runs}", id="calibration-shaper", markup=False)
            if self.note:
                yield Static(self.note, id="calibration-note", markup=False)
            yield Static("Press 1, 2 or 3 (Escape keeps the current mode).", classes="dim")

    def action_choose(self, mode: str) -> None:
        self.dismiss(mode or None)

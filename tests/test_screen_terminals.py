"""The seed on real screens: xterm and a VTE terminal (lxterminal) under Xvfb, in app mode;
then st, urxvt and tmux inside lxterminal, each skipped where not installed.

xterm does no bidi, so it draws exactly the cells seedread sends — the layout engine's
display, which test_tmux_reader checks character by character. lxterminal (VTE) reorders
text by itself unless told `CSI 8 l`; if it did, every Arabic line would come out mirrored.
So the test compares the two screenshots cell by cell: which of the 80x24 cells carry ink
(the pixel spread in the cell), not the pixels themselves, because the two terminals draw
the same font with different line heights and antialiasing. The telling cells are the gaps
between words: a line reversed a second time keeps most cells inked but moves every gap.
The article rows must agree; and, as the negative check, the same app with its
explicit-mode guard switched off must disagree in lxterminal — proving the comparison
catches the text reversed twice (measured: gaps agree 0.99 with the guard, 0.07 without).

Each terminal runs alone on the virtual screen (an overlapped window would be captured
with the other on top). Both get the same font (DejaVu Sans Mono 12), TERM and colours.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_dce8252990c8ebab.txt"
COLUMNS, ROWS = 80, 24
ARTICLE_ROWS, ARTICLE_COLUMNS = ROWS - 2, COLUMNS - 2  # status bar and footer; scrollbar, padding
FONT, FONT_SIZE = "DejaVu Sans Mono", 12
INK = 20.0  # pixel spread (grey levels) above which a cell holds a glyph or an underline
TOOLS = ("Xvfb", "xterm", "lxterminal", "import", "xwininfo")
# More terminals (issue 13), each checked when installed: the same seed, the way the
# reader would pick for it, against xterm cell by cell.
# kitty is not here: it keeps word gaps where app mode puts them and reverses letters
# inside words, which this comparison of inked cells cannot see (checked by eye instead).
MORE = {"tmux-in-lxterminal": "app", "urxvt": "app", "st": "app"}

pytestmark = pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in TOOLS),
    reason="needs Xvfb, xterm, lxterminal, ImageMagick and x11-utils (see .ci/apt-packages.txt)",
)

APP = f"from seedread.cli import main\nraise SystemExit(main(['--bidi', 'app', {str(SEED)!r}]))\n"
# The negative control: the same app, but the guard never sends `CSI 8 l` (nor restores).
APP_WITHOUT_GUARD = (
    "from seedread.app.bidi_guard import BidiGuard\n"
    "BidiGuard._write = lambda self, sequence: None\n" + APP
)


@pytest.fixture(scope="module")
def display(tmp_path_factory):
    """A private X server; its number comes back through -displayfd."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1024x768x24", "-nolisten", "tcp"],
        pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as replies:
        number = replies.readline().strip()
    yield f":{number}"
    server.terminate()
    server.wait(timeout=10)


class Screen:
    """Runs one terminal at a time on `display` and reads which cells carry ink."""

    def __init__(self, display: str, tmp: Path) -> None:
        self.tmp = tmp
        self.passthrough = "on"  # tmux's allow-passthrough
        self.env = {
            **os.environ, "DISPLAY": display, "HOME": str(tmp), "XDG_CONFIG_HOME": str(tmp / "config"),
            "SEEDREAD_DATA_DIR": str(tmp / "data"),
        }
        self.env.pop("COLORTERM", None)
        config = tmp / "config" / "lxterminal"
        config.mkdir(parents=True, exist_ok=True)
        (config / "lxterminal.conf").write_text(
            f"[general]\nfontname={FONT} {FONT_SIZE}\nhidescrollbar=true\nhidemenubar=true\n"
            "hide_tab_bar=true\ncursorblinks=false\n", encoding="utf-8",
        )

    def launcher(self, name: str, program: str) -> Path:
        (self.tmp / "tmux.conf").write_text(
            f"set -g allow-passthrough {self.passthrough}\nset -g status off\n", encoding="utf-8"
        )
        """A script the terminal runs: the same TERM and colours in both terminals."""
        script = self.tmp / f"{name}.sh"
        script.write_text(
            f"#!/bin/sh\nexport TERM=xterm-256color\nunset COLORTERM\n"
            f"exec {sys.executable} {self.tmp / name}.py\n", encoding="utf-8",
        )
        (self.tmp / f"{name}.py").write_text(program, encoding="utf-8")
        script.chmod(0o755)
        return script

    def cells(self, terminal: str, program: str) -> list[list[float]]:
        title = f"seedread-{terminal}-{len(program)}"
        script = self.launcher(title, program)
        argv = terminal_argv(terminal, title, str(script))
        process = subprocess.Popen(argv, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            return self._settled(title)
        finally:
            process.terminate()
            process.wait(timeout=10)
            if terminal.startswith("tmux"):  # its server outlives the terminal window
                subprocess.run(["tmux", "-L", title, "kill-server"], capture_output=True, timeout=10)

    def _settled(self, title: str, timeout: float = 20.0) -> list[list[float]]:
        """The screen once the article rows stop changing (the analysis marks mentions)."""
        deadline = time.monotonic() + timeout
        previous: list[list[bool]] | None = None
        steady = 0
        while time.monotonic() < deadline:
            time.sleep(0.4)
            window = self._window(title)
            if window is None:
                continue
            grid = self._grab(window)
            marks = ink(grid)
            if any(any(row) for row in marks) and marks == previous:
                steady += 1
                if steady == 3:
                    return grid
            else:
                steady = 0
            previous = marks
        raise AssertionError(f"the screen of {title} did not settle within {timeout} s")

    def _window(self, title: str) -> str | None:
        tree = self._x("xwininfo", "-root", "-tree").decode()
        for line in tree.splitlines():
            if f'"{title}"' in line:
                return line.split()[0]
        return None

    def _grab(self, window: str) -> list[list[float]]:
        info = self._x("xwininfo", "-id", window).decode()
        width = int(info.split("Width:")[1].split()[0])
        height = int(info.split("Height:")[1].split()[0])
        grey = self._x("import", "-window", window, "-colorspace", "Gray", "-depth", "8", "gray:-")
        return cell_spread(grey, width, height)

    def _x(self, *argv: str) -> bytes:
        return subprocess.run(argv, env=self.env, capture_output=True, check=True, timeout=20).stdout


def terminal_argv(terminal: str, title: str, script: str) -> list[str]:
    """The command that opens `terminal` at 80x24 in FONT, titled `title`, running `script`."""
    geometry = f"{COLUMNS}x{ROWS}+0+0"
    if terminal == "xterm":
        return ["xterm", "-b", "0", "-fa", FONT, "-fs", str(FONT_SIZE), "-geometry", geometry,
                "-title", title, "-e", script]
    if terminal == "lxterminal":
        return ["lxterminal", "--no-remote", f"--geometry={COLUMNS}x{ROWS}", "-t", title, "-e", script]
    if terminal == "tmux-in-lxterminal":
        inner = f"tmux -L {title} -f {Path(script).with_name('tmux.conf')} new-session {script}"
        return ["lxterminal", "--no-remote", f"--geometry={COLUMNS}x{ROWS}", "-t", title, "-e", inner]
    if terminal == "urxvt":
        return ["urxvt", "-b", "0", "+sb", "-fn", f"xft:{FONT}:size={FONT_SIZE}", "-geometry", geometry,
                "-title", title, "-e", script]
    if terminal == "st":
        return ["st", "-f", f"{FONT}:size={FONT_SIZE}", "-g", geometry, "-t", title, "-e", script]
    raise ValueError(terminal)


def cell_spread(grey: bytes, width: int, height: int) -> list[list[float]]:
    """The spread of grey levels in each cell (0 for an empty cell of any colour)."""
    cell_width, cell_height = width // COLUMNS, height // ROWS
    left, top = (width - cell_width * COLUMNS) // 2, (height - cell_height * ROWS) // 2
    grid = []
    for row in range(ROWS):
        y0 = top + row * cell_height
        grid.append([
            statistics.pstdev(
                grey[(y0 + y) * width + left + column * cell_width + x]
                for y in range(cell_height) for x in range(cell_width)
            )
            for column in range(COLUMNS)
        ])
    return grid


def ink(grid: list[list[float]]) -> list[list[bool]]:
    """Which article cells carry a glyph."""
    return [[spread > INK for spread in row[:ARTICLE_COLUMNS]] for row in grid[:ARTICLE_ROWS]]


def word_gaps(grid: list[list[float]]) -> set[tuple[int, int]]:
    """The empty cells between the first and last inked cell of each article row."""
    gaps = set()
    for number, row in enumerate(ink(grid)):
        inked = [column for column, on in enumerate(row) if on]
        if inked:
            gaps |= {(number, column) for column in range(inked[0], inked[-1]) if not row[column]}
    return gaps


def agreement(first: list[list[float]], second: list[list[float]]) -> float:
    """Word gaps in the same cell on both screens over gaps on either (1.0: same layout)."""
    a, b = word_gaps(first), word_gaps(second)
    return len(a & b) / max(1, len(a | b))


def test_xterm_and_vte_show_the_seed_the_same_way_in_app_mode(display, tmp_path):
    screen = Screen(display, tmp_path)
    xterm = screen.cells("xterm", APP)
    vte = screen.cells("lxterminal", APP)
    reversed_again = screen.cells("lxterminal", APP_WITHOUT_GUARD)

    inked = sum(map(sum, ink(xterm)))
    assert inked > ARTICLE_ROWS * ARTICLE_COLUMNS // 2, "xterm shows no article"
    assert len(word_gaps(xterm)) > 5 * ARTICLE_ROWS, "xterm shows no words"
    assert agreement(xterm, vte) > 0.9
    # Without `CSI 8 l` VTE reorders the lines seedread already laid out: not the same screen.
    assert agreement(xterm, reversed_again) < 0.5


def app_sending(send: str) -> str:
    return APP.replace("'--bidi', 'app'", f"'--bidi', {send!r}")


@pytest.mark.parametrize("terminal", sorted(MORE))
def test_more_terminals_show_the_seed_as_xterm_does(display, tmp_path, terminal):
    binary = "tmux" if terminal.startswith("tmux") else terminal
    if shutil.which(binary) is None:
        pytest.skip(f"{binary} is not installed")
    screen = Screen(display, tmp_path)
    xterm = screen.cells("xterm", APP)
    shown = screen.cells(terminal, app_sending(MORE[terminal]))
    assert agreement(xterm, shown) > 0.9  # measured: st 1.0, tmux in lxterminal 0.99, urxvt 0.98
    if terminal.startswith("tmux"):
        # The negative control: without passthrough tmux swallows `CSI 8 l` and VTE
        # reverses every line a second time.
        screen.passthrough = "off"
        # (one more newline: another program, so another window title and tmux server)
        assert agreement(xterm, screen.cells(terminal, app_sending("app") + "\n")) < 0.5

"""The reader in a real terminal: seedread runs in tmux (TERM=xterm-256color), keys are sent
with send-keys, and every article row of the captured screen is compared with the layout
engine's display line for that place."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from seedread.text.document import load_document
from seedread.text.layout import LayoutOptions, PreparedParagraph

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_dce8252990c8ebab.txt"
COLUMNS, ROWS = 100, 30
TEXT_LEFT, TEXT_WIDTH = 1, COLUMNS - 3  # article padding 1 on each side, scrollbar 1

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def expected_rows(width: int) -> list[str]:
    """The article as the layout engine lays it out: one blank row between paragraphs."""
    document = load_document(SEED)
    rows: list[str] = []
    for number, paragraph in enumerate(document.paragraphs):
        if number:
            rows.append("")
        prepared = PreparedParagraph(document.paragraph_text(paragraph), paragraph.start, LayoutOptions())
        rows.extend(line.padded(width).rstrip() for line in prepared.lines(width))
    return rows


class Tmux:
    def __init__(self, tmp_path: Path) -> None:
        self.socket = str(tmp_path / "tmux.sock")
        self.env = {**os.environ, "SEEDREAD_DATA_DIR": str(tmp_path / "data")}

    def run(self, *args: str) -> str:
        return subprocess.run(["tmux", "-S", self.socket, "-f", "/dev/null", *args], env=self.env,
                              capture_output=True, text=True, check=True).stdout

    def start(self, command: str) -> None:
        self.run("new-session", "-d", "-x", str(COLUMNS), "-y", str(ROWS), command)

    def screen(self) -> list[str]:
        """The visible rows; none once the session is gone (its program quit)."""
        captured = subprocess.run(["tmux", "-S", self.socket, "-f", "/dev/null", "capture-pane", "-p"],
                                  env=self.env, capture_output=True, text=True)
        return captured.stdout.split("\n")[:ROWS] if captured.returncode == 0 else []

    def wait_for(self, predicate, timeout: float = 15.0) -> list[str]:
        deadline = time.monotonic() + timeout
        while True:
            rows = self.screen()
            if predicate(rows) or time.monotonic() > deadline:
                return rows
            time.sleep(0.1)


@pytest.fixture
def tmux(tmp_path):
    session = Tmux(tmp_path)
    yield session
    subprocess.run(["tmux", "-S", session.socket, "kill-server"], capture_output=True)


def article_rows(screen: list[str]) -> list[str]:
    """The article's text columns, down to the status bar."""
    status = next(k for k, row in enumerate(screen) if "bidi:app" in row)
    return [row[TEXT_LEFT:TEXT_LEFT + TEXT_WIDTH].rstrip() for row in screen[:status]]


def test_article_rows_match_the_layout_engine_after_keys(tmux):
    expected = expected_rows(TEXT_WIDTH)
    command = f"env TERM=xterm-256color {sys.executable} -m seedread.cli --bidi app {SEED}"
    tmux.start(command)
    first = expected[0].strip()
    screen = tmux.wait_for(lambda rows: any(first in row for row in rows) and any("bidi:app" in r for r in rows))
    shown = article_rows(screen)
    assert shown == expected[: len(shown)]

    tmux.run("send-keys", "j", "j")
    screen = tmux.wait_for(lambda rows: article_rows(rows)[:1] == expected[2:3])
    assert article_rows(screen) == expected[2: 2 + len(shown)]

    tmux.run("send-keys", "Space")
    top = min(2 + len(shown) - 1, len(expected) - len(shown))  # a page, or as far as it goes
    screen = tmux.wait_for(lambda rows: article_rows(rows)[:1] == expected[top:top + 1])
    assert article_rows(screen) == expected[top: top + len(shown)]

    tmux.run("send-keys", "q")
    tmux.wait_for(lambda rows: not any("bidi:app" in row for row in rows), timeout=5)
    state = (Path(tmux.env["SEEDREAD_DATA_DIR"]) / "reader-state.json").read_text(encoding="utf-8")
    assert load_document(SEED).sha256 in state

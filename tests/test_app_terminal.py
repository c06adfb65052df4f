"""Choosing who does bidi from the terminal's replies, and putting its mode back on exit."""

from __future__ import annotations

import os
import subprocess
import sys

from seedread.app.bidi_guard import BidiGuard
from seedread.app.terminal_probe import choose_mode, parse_replies
from seedread.text.terminal import EXPLICIT_BIDI, IMPLICIT_BIDI

VTE = b"\x1b[8;1$y\x1b[>65;7600;1c\x1b[?65;1;9c"
KITTY = b"\x1bP>|kitty(0.35.2)\x1b\\\x1b[>1;4000;29c\x1b[?62;c"
XTERM = b"\x1bP>|XTerm(379)\x1b\\\x1b[>41;379;0c\x1b[?64;1;2c"


def test_vte_gets_app_mode_and_kitty_terminal_mode():
    vte = parse_replies("xterm-256color", VTE)
    assert vte.mode8 == 1 and vte.supports_explicit_mode
    assert choose_mode(vte) == "app"
    assert choose_mode(parse_replies("xterm-kitty", KITTY)) == "terminal"
    assert choose_mode(parse_replies("xterm-256color", XTERM)) == "app"
    assert choose_mode(parse_replies("xterm-256color", b"")) == "app"  # silent: app mode


def test_konsole_and_mlterm_are_recognised_by_term_or_da2():
    assert choose_mode(parse_replies("konsole-256color", b"")) == "terminal"
    assert choose_mode(parse_replies("xterm", b"\x1b[>24;279;0c")) == "terminal"


def test_calibration_key_names_the_terminal_kind():
    assert parse_replies("xterm-256color", XTERM).key == "xterm-256color|XTerm|da2=41"
    assert parse_replies("", b"").key == "unknown"


def read_all(fd: int) -> bytes:
    os.set_blocking(fd, False)
    try:
        return os.read(fd, 1024)
    except BlockingIOError:
        return b""


def test_guard_restores_the_previous_mode_also_after_an_exception():
    read, write = os.pipe()
    try:
        with BidiGuard(write, previous=1, explicit=True):
            raise RuntimeError("crash")
    except RuntimeError:
        pass
    assert read_all(read) == (EXPLICIT_BIDI + IMPLICIT_BIDI).encode()
    with BidiGuard(write, previous=2, explicit=True) as guard:
        guard.set_explicit(False)
    assert read_all(read) == (EXPLICIT_BIDI + IMPLICIT_BIDI + EXPLICIT_BIDI).encode()


def test_guard_restores_on_sigterm():
    code = (
        "import os, signal, sys\n"
        "from seedread.app.bidi_guard import BidiGuard\n"
        "with BidiGuard(1, previous=None, explicit=True):\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "    signal.pause()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=20)
    assert done.stdout == (EXPLICIT_BIDI + IMPLICIT_BIDI).encode()
    assert done.returncode == 128 + 15

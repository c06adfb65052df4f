"""Terminal modes that decide who does bidi: seedread or the terminal.

ECMA-48 mode 8 (BDSM) chooses between the terminal's implicit bidi (it reorders what it
is sent) and explicit mode (it draws cells as sent). VTE terminals (GNOME Terminal, Tilix,
xfce4-terminal, lxterminal) reorder by default, so text seedread already laid out would be
reversed a second time; `CSI 8 l` turns that off and `CSI 8 h` turns it back on.

A multiplexer in between (tmux, screen) swallows modes it does not know, so the sequence
must also be wrapped to pass through it to the terminal it runs in. mlterm has no mode 8;
its own configuration sequence turns its bidi and shaping ("complex text layout") off.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

EXPLICIT_BIDI = "\x1b[8l"
IMPLICIT_BIDI = "\x1b[8h"
MLTERM_OWN_LAYOUT_OFF = "\x1b]5379;use_ctl=false\x07"
MLTERM_OWN_LAYOUT_ON = "\x1b]5379;use_ctl=true\x07"


def through_multiplexer(sequence: str, multiplexer: str) -> str:
    """`sequence` wrapped so that tmux (with allow-passthrough on) or screen hands it on
    unchanged to the outer terminal; as it is for no multiplexer."""
    if multiplexer == "tmux":
        return "\x1bPtmux;" + sequence.replace("\x1b", "\x1b\x1b") + "\x1b\\"
    if multiplexer == "screen":
        return "\x1bP" + sequence + "\x1b\\"
    return sequence


@contextmanager
def explicit_bidi_mode(stream: TextIO, enabled: bool = True) -> Iterator[None]:
    """Explicit mode for the body of the `with`, implicit again on every way out."""
    if not enabled:
        yield
        return
    stream.write(EXPLICIT_BIDI)
    try:
        yield
    finally:
        stream.write(IMPLICIT_BIDI)
        stream.flush()

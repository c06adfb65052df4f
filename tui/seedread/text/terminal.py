"""Terminal modes that decide who does bidi: seedread or the terminal.

ECMA-48 mode 8 (BDSM) chooses between the terminal's implicit bidi (it reorders what it
is sent) and explicit mode (it draws cells as sent). VTE terminals (GNOME Terminal, Tilix,
xfce4-terminal, lxterminal) reorder by default, so text seedread already laid out would be
reversed a second time; `CSI 8 l` turns that off and `CSI 8 h` turns it back on.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

EXPLICIT_BIDI = "\x1b[8l"
IMPLICIT_BIDI = "\x1b[8h"


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

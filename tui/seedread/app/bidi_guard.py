"""Explicit bidi mode (`CSI 8 l`) while the app owns the screen, and the terminal's previous
mode back on every way out: normal exit, exception, ctrl+c, SIGTERM, SIGHUP and interpreter
exit. Without this a VTE terminal would keep drawing every later program's text as sent.

Inside tmux (with allow-passthrough on) or screen each sequence also goes out wrapped for the
multiplexer to hand on to the terminal it runs in; mlterm gets its own switch as well."""

from __future__ import annotations

import atexit
import os
import signal
from types import FrameType

from seedread.app.terminal_probe import Multiplexer
from seedread.text.terminal import (
    EXPLICIT_BIDI,
    IMPLICIT_BIDI,
    MLTERM_OWN_LAYOUT_OFF,
    MLTERM_OWN_LAYOUT_ON,
    through_multiplexer,
)

# Signals that end the process without unwinding Python's stack unless handled.
ENDING_SIGNALS = (signal.SIGTERM, signal.SIGHUP)


class BidiGuard:
    """Context manager: explicit mode inside (in app mode), the previous mode (from DECRQM)
    restored after.

    `previous` is the DECRQM answer for mode 8: 2 (reset) means explicit mode was already
    on and stays on; anything else means the terminal's default, implicit mode. `enabled`
    is False when output is not a terminal.
    """

    def __init__(
        self, fd: int, previous: int | None, explicit: bool, enabled: bool = True,
        multiplexer: Multiplexer = Multiplexer(), mlterm: bool = False,
    ) -> None:
        self.fd = fd
        self.enabled = enabled
        self.explicit = explicit
        self.multiplexer = multiplexer
        self.mlterm = mlterm
        self.previous_explicit = previous == 2
        self._restored = True
        self._old_handlers: dict[int, object] = {}

    def __enter__(self) -> BidiGuard:
        if self.enabled:
            self._write(self.sequence(self.explicit))
            self._restored = False
            atexit.register(self.close)
            self._old_handlers = {number: signal.signal(number, self._on_signal) for number in ENDING_SIGNALS}
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def set_explicit(self, explicit: bool) -> None:
        """Switch at run time (the bidi toggle); `close` still restores the original mode."""
        if self.enabled:
            self._write(self.sequence(explicit))

    def sequence(self, explicit: bool) -> str:
        """What asks for explicit (or implicit) mode here, plain and for the outer terminal."""
        plain = EXPLICIT_BIDI if explicit else IMPLICIT_BIDI
        if self.mlterm:
            plain += MLTERM_OWN_LAYOUT_OFF if explicit else MLTERM_OWN_LAYOUT_ON
        if self.multiplexer.passthrough:
            return plain + through_multiplexer(plain, self.multiplexer.name)
        return plain

    def close(self) -> None:
        if self._restored:
            return
        self._restored = True
        self._write(self.sequence(self.previous_explicit))
        atexit.unregister(self.close)
        for number, handler in self._old_handlers.items():
            signal.signal(number, handler)
        self._old_handlers = {}

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        self.close()
        if signum == signal.SIGHUP:
            # The terminal is gone: nothing is left to tidy, and tidying a dead terminal can
            # hang. End the way the default action would.
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
        raise SystemExit(128 + signum)

    def _write(self, sequence: str) -> None:
        try:
            os.write(self.fd, sequence.encode())
        except OSError:
            return

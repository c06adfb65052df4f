"""Who should do bidi on this terminal: asked in-band, because environment variables such
as VTE_VERSION do not survive SSH, but TERM and the terminal's own replies do.

Three queries go out at once, followed by DA1, which every terminal answers, so reading
stops as soon as that answer arrives (or after a short timeout on a silent line):
DECRQM for ANSI mode 8 (`CSI 8 $ p`: does it support explicit bidi, and is it set now?),
XTVERSION (`CSI > 0 q`: name and version) and DA2 (`CSI > c`: terminal type and version).
"""

from __future__ import annotations

import os
import re
import select
import termios
import time
import tty
from dataclasses import dataclass

QUERIES = "\x1b[8$p\x1b[>0q\x1b[>c\x1b[c"
TIMEOUT = 0.25
_DECRQM = re.compile(rb"\x1b\[8;(\d)\$y")
_XTVERSION = re.compile(rb"\x1bP>\|(.*?)\x1b\\", re.DOTALL)
_DA2 = re.compile(rb"\x1b\[>(\d+);(\d+);?(\d*)c")
_DA1 = re.compile(rb"\x1b\[\?[\d;]*c")
# DA2 first parameters that identify a terminal family.
_DA2_FAMILY = {"65": "vte", "24": "mlterm", "1": "generic", "41": "xterm", "84": "tmux", "83": "screen"}
SELF_BIDI = ("konsole", "mlterm", "kitty", "iterm")


@dataclass(frozen=True)
class TerminalReport:
    """What the terminal said about itself (empty fields when it said nothing)."""

    term: str = ""
    mode8: int | None = None  # DECRQM: 1 set (implicit bidi), 2 reset (explicit), 0 unknown
    version: str = ""  # XTVERSION text
    da2: tuple[str, str] | None = None  # (type, version)

    @property
    def key(self) -> str:
        """Names this kind of terminal, to remember the user's calibration answer by."""
        name = self.version.split("(")[0].split(" ")[0] if self.version else ""
        da2 = f"da2={self.da2[0]}" if self.da2 else ""
        return "|".join(part for part in (self.term, name, da2) if part) or "unknown"

    @property
    def supports_explicit_mode(self) -> bool:
        return self.mode8 in (1, 2)

    @property
    def does_own_bidi(self) -> bool:
        """Konsole, mlterm, kitty and iTerm2 reorder and shape by themselves."""
        described = f"{self.term} {self.version}".lower()
        if any(name in described for name in SELF_BIDI):
            return True
        return bool(self.da2) and _DA2_FAMILY.get(self.da2[0]) == "mlterm"

    @property
    def known(self) -> bool:
        return bool(self.version or self.da2 or self.mode8 is not None)


def parse_replies(term: str, data: bytes) -> TerminalReport:
    """A report from the raw bytes the terminal sent back."""
    mode = _DECRQM.search(data)
    version = _XTVERSION.search(data)
    da2 = _DA2.search(data)
    return TerminalReport(
        term=term,
        mode8=int(mode.group(1)) if mode else None,
        version=version.group(1).decode("utf-8", "replace") if version else "",
        da2=(da2.group(1).decode(), da2.group(2).decode()) if da2 else None,
    )


def choose_mode(report: TerminalReport) -> str:
    """Konsole/mlterm/kitty/iTerm2 do bidi themselves; everything else gets app mode."""
    return "terminal" if report.does_own_bidi and not report.supports_explicit_mode else "app"


def probe(fd_in: int, fd_out: int, term: str, timeout: float = TIMEOUT) -> TerminalReport:
    """Ask the terminal on (fd_in, fd_out); both must be a tty. Never raises on silence."""
    saved = termios.tcgetattr(fd_in)
    data = b""
    try:
        tty.setraw(fd_in, termios.TCSANOW)
        os.write(fd_out, QUERIES.encode())
        deadline = time.monotonic() + timeout
        while not _DA1.search(data):
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd_in], [], [], left)[0]:
                break
            chunk = os.read(fd_in, 1024)
            if not chunk:
                break
            data += chunk
    finally:
        termios.tcsetattr(fd_in, termios.TCSADRAIN, saved)
    return parse_replies(term, data)

"""Who should do bidi on this terminal: asked in-band, because environment variables such
as VTE_VERSION do not survive SSH, but TERM and the terminal's own replies do.

Three queries go out at once, followed by DA1, which every terminal answers, so reading
stops as soon as that answer arrives. A silent line is given up on after `TIMEOUT`; a
terminal that has begun to answer is waited for longer (`ANSWERING_TIMEOUT`), since a reply
that came after the app had started would reach it as keystrokes (a slow SSH link):
DECRQM for ANSI mode 8 (`CSI 8 $ p`: does it support explicit bidi, and is it set now?),
XTVERSION (`CSI > 0 q`: name and version) and DA2 (`CSI > c`: terminal type and version).
"""

from __future__ import annotations

import os
import re
import select
import subprocess
import termios
import time
import tty
from collections.abc import Callable, Mapping
from dataclasses import dataclass

QUERIES = "\x1b[8$p\x1b[>0q\x1b[>c\x1b[c"
TIMEOUT = 1.0  # seconds of silence before the line counts as silent (SSH round trips)
ANSWERING_TIMEOUT = 3.0  # seconds for DA1 once any reply has arrived
_DECRQM = re.compile(rb"\x1b\[8;(\d)\$y")
_XTVERSION = re.compile(rb"\x1bP>\|(.*?)\x1b\\", re.DOTALL)
_DA2 = re.compile(rb"\x1b\[>(\d+);(\d+);?(\d*)c")
_DA1 = re.compile(rb"\x1b\[\?[\d;]*c")
# DA2 first parameters that identify a terminal family.
_DA2_FAMILY = {"65": "vte", "24": "mlterm", "1": "generic", "41": "xterm", "84": "tmux", "83": "screen", "85": "urxvt"}
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
    def is_mlterm(self) -> bool:
        """mlterm: no mode 8, but its own sequence turns its bidi and shaping off."""
        described = f"{self.term} {self.version}".lower()
        return "mlterm" in described or bool(self.da2) and _DA2_FAMILY.get(self.da2[0]) == "mlterm"

    @property
    def lacks_arabic_italic(self) -> bool:
        """urxvt and mlterm draw italic Arabic as empty boxes (their fonts have none), and
        under TERM=screen italic becomes a reverse block."""
        term = self.term.lower()
        urxvt = bool(self.da2) and _DA2_FAMILY.get(self.da2[0]) == "urxvt"
        return term.startswith(("rxvt", "screen")) or urxvt or self.is_mlterm

    @property
    def can_stop_reordering(self) -> bool:
        """Explicit mode can be asked for: mode 8 answered, or mlterm's own switch."""
        return self.supports_explicit_mode or self.is_mlterm

    @property
    def known(self) -> bool:
        return bool(self.version or self.da2 or self.mode8 is not None)


@dataclass(frozen=True)
class Multiplexer:
    """tmux or screen between seedread and the terminal, and whether a sequence wrapped for
    it reaches the terminal (tmux: only with allow-passthrough on, tmux 3.3 and later)."""

    name: str = ""  # "tmux", "screen" or "" (none)
    passthrough: bool = False

    @property
    def hint(self) -> str:
        """The one thing to do when the outer terminal cannot be told to stop reordering."""
        if self.name != "tmux" or self.passthrough:
            return ""
        return (
            "tmux does not pass seedread's explicit-mode request on to your terminal. If line 1 "
            "reads backwards, run  tmux set -g allow-passthrough on  (tmux 3.3 or later) and "
            "press c again, or run  printf '\\e[8l'  before starting tmux."
        )


KONSOLE_NOTE = (
    "Konsole reorders whole rows itself and no sequence turns that off: for line 1, turn off "
    "Settings > Edit Current Profile > Advanced > Bi-Directional text rendering, then press c."
)


def terminal_note(env: Mapping[str, str] = os.environ) -> str:
    """Advice for a terminal that reorders and cannot be switched from inside (Konsole sets
    KONSOLE_VERSION in the programs it runs)."""
    return KONSOLE_NOTE if env.get("KONSOLE_VERSION") else ""


def detect_multiplexer(
    env: Mapping[str, str] = os.environ, run: Callable[..., subprocess.CompletedProcess] = subprocess.run
) -> Multiplexer:
    """tmux sets TMUX and screen STY in the programs they run; tmux is asked for its option
    (an older tmux, which has no such option, answers with an error)."""
    if env.get("TMUX"):
        try:
            answer = run(["tmux", "show", "-Apv", "allow-passthrough"],
                         capture_output=True, text=True, timeout=2)
        except (OSError, subprocess.SubprocessError):
            return Multiplexer("tmux", False)
        value = answer.stdout.strip().split()[-1:] if answer.returncode == 0 else []
        return Multiplexer("tmux", value in (["on"], ["all"]))
    if env.get("STY"):
        return Multiplexer("screen", True)
    return Multiplexer()


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
    """App mode wherever the terminal can be told to draw cells as sent (VTE, mlterm);
    kitty, which does no bidi but shapes (and so reverses) each run of Arabic, gets shaper
    mode; Konsole and iTerm2, which cannot be switched, do bidi themselves."""
    if "kitty" in f"{report.term} {report.version}".lower():
        return "shaper"
    return "terminal" if report.does_own_bidi and not report.can_stop_reordering else "app"


def probe(fd_in: int, fd_out: int, term: str, timeout: float = TIMEOUT,
          answering_timeout: float = ANSWERING_TIMEOUT) -> TerminalReport:
    """Ask the terminal on (fd_in, fd_out); both must be a tty. Never raises on silence."""
    saved = termios.tcgetattr(fd_in)
    data = b""
    try:
        tty.setraw(fd_in, termios.TCSANOW)
        os.write(fd_out, QUERIES.encode())
        start = time.monotonic()
        while not _DA1.search(data):
            left = start + (answering_timeout if data else timeout) - time.monotonic()
            if left <= 0 or not select.select([fd_in], [], [], left)[0]:
                break
            chunk = os.read(fd_in, 1024)
            if not chunk:
                break
            data += chunk
    finally:
        termios.tcsetattr(fd_in, termios.TCSADRAIN, saved)
    return parse_replies(term, data)

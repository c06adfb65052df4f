"""Time to the first full frame of the reader, against a trivial Textual app, in one run.

Each program runs in a pseudo-terminal of 120x40 cells; the clock starts before the process
is spawned and stops when the frame's marker text has been written (the seed's whole first
line, shaped and wrapped at the article pane's width, and the status bar). The bench answers
the terminal queries (DA1) the way a real terminal would, so the probe does not wait for its
timeout. Targets: the seed <= 0.5 s; a 5 MB article's first screen within 1 s.

Measured twice: "installed", with Python's bytecode cache warm (pip compiles it on install;
a private cache directory and one discarded run per case), and "no bytecode", as in an
environment with PYTHONDONTWRITEBYTECODE=1 where every seedread module is compiled per run.

    python bench/app.py [--runs 3]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time
from pathlib import Path

from seedread.text.document import load_document
from seedread.text.layout import LayoutOptions, PreparedParagraph

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_dce8252990c8ebab.txt"
COLUMNS, ROWS = 120, 40
# The article pane at 120 columns: the side panes take 52, the padding 2, the scrollbar 1.
ARTICLE_WIDTH = COLUMNS - 52 - 3
TRIVIAL = (
    "from textual.app import App\n"
    "from textual.widgets import Static\n"
    "class Trivial(App):\n"
    "    def compose(self):\n"
    "        yield Static('trivial-ready')\n"
    "Trivial().run()\n"
)
DA1_QUERY, DA1_REPLY = b"\x1b[c", b"\x1b[?62;22c"


def first_frame(
    argv: list[str], markers: list[bytes], env: dict[str, str], timeout: float = 20.0
) -> tuple[float, float]:
    """Seconds from spawning `argv` in a pty until every marker has been written, and the CPU
    seconds the program used by then (all its threads; less disturbed by a busy machine)."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
    seen = b""
    try:
        while time.perf_counter() - start < timeout:
            if not select.select([fd], [], [], 0.05)[0]:
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            seen += chunk
            if DA1_QUERY in chunk:
                os.write(fd, DA1_REPLY)
            if all(marker in seen for marker in markers):
                return time.perf_counter() - start, cpu_seconds(pid)
        raise RuntimeError(f"no first frame from {argv} within {timeout} s")
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)


def cpu_seconds(pid: int) -> float:
    """User + system time of a running process, from /proc (0 where there is no /proc)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def first_line_marker(width: int) -> bytes:
    """The seed's first article line as the app draws it (shaped, wrapped at `width`)."""
    document = load_document(SEED)
    paragraph = document.paragraphs[0]
    line = PreparedParagraph(document.paragraph_text(paragraph), 0, LayoutOptions()).lines(width)[0]
    return line.text.encode()


def big_article(folder: Path, size: int) -> Path:
    text = SEED.read_text(encoding="utf-8")
    copies = size // len(text.encode()) + 1
    path = folder / "big.txt"
    path.write_text("\n".join([text] * copies), encoding="utf-8")
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = {**os.environ, "TERM": "xterm-256color", "SEEDREAD_DATA_DIR": tmp}
        base.pop("PYTHONPYCACHEPREFIX", None)
        environments = {
            "installed": {**base, "PYTHONPYCACHEPREFIX": str(Path(tmp) / "pycache")},
            "no bytecode": {**base, "PYTHONDONTWRITEBYTECODE": "1"},
        }
        environments["installed"].pop("PYTHONDONTWRITEBYTECODE", None)
        marker = first_line_marker(ARTICLE_WIDTH)
        big = big_article(Path(tmp), 5 * 1024 * 1024)
        seedread = [sys.executable, "-m", "seedread.cli", "--bidi", "app"]
        cases = {
            "trivial Textual app": ([sys.executable, "-c", TRIVIAL], [b"trivial-ready"]),
            "seedread, the seed": ([*seedread, str(SEED)], [marker, b"bidi:app"]),
            f"seedread, {big.stat().st_size / 1e6:.1f} MB article": ([*seedread, str(big)], [marker, b"bidi:app"]),
        }
        for label, env in environments.items():
            best = {}
            for name, (argv, markers) in cases.items():
                if label == "installed":
                    first_frame(argv, markers, env)  # fills the bytecode cache
                runs = [first_frame(argv, markers, env) for _ in range(args.runs)]
                best[name] = min(wall for wall, _ in runs)
                cpu = statistics.median(cpu for _, cpu in runs)
                print(f"[{label}] {name:<28} first frame {best[name]:.3f} s (best of {args.runs}), "
                      f"CPU {cpu:.2f} s (median)")
            trivial, seed, large = best.values()
            print(f"[{label}] seed vs trivial: +{seed - trivial:.3f} s; targets: seed {seed:.3f} <= 0.5 s, "
                  f"5 MB {large:.3f} <= 1 s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

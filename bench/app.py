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
    python bench/app.py --keys [--shared ../shared] [--quiet-ms 150]

--keys (issue 15) only measures: the reader is opened in the same pseudo-terminal on the seed
and on a ~5 MB article of ANERcorp news (the articles cut by eval/anercorp_articles.py,
concatenated, the set repeated in shuffled orders until 5 MB, as the corpus has ~1.2 MB), left
to settle, then each key is sent and timed until the screen settles: the last byte written
before the output has been quiet for --quiet-ms (that window is not counted; 3 s for search
Enter, whose hits come from a thread). Keys: `]`, `a` (accept), `G`, search Enter, `n` after
the search, ctrl+p (the palette). Every wait has a deadline; a key that draws nothing before
it is reported as such.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import random
import shutil
import subprocess
import select
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time
from pathlib import Path

from seedread.app.search import find_hits
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


class Reader:
    """A program in a pseudo-terminal whose output is read, and DA1 answered, as it comes."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execvpe(argv[0], argv, env)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        self.seen = b""

    def pump(self, wait: float) -> bool:
        """Read what arrives within `wait` seconds (one read); whether anything came."""
        if not select.select([self.fd], [], [], max(0.0, wait))[0]:
            return False
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:
            raise RuntimeError("the program exited") from None
        self.seen += chunk
        if DA1_QUERY in chunk:
            os.write(self.fd, DA1_REPLY)
        return True

    def settled(self, start: float, quiet: float, deadline: float) -> float | None:
        """Seconds from `start` to the last byte before `quiet` seconds of silence; None when
        nothing came before `deadline` seconds."""
        last = None
        while time.perf_counter() - start < deadline:
            wait = quiet if last is not None else deadline - (time.perf_counter() - start)
            if not self.pump(wait):
                if last is not None:
                    break
                continue
            last = time.perf_counter()
        return None if last is None else last - start

    def wait_for(self, marker: bytes, deadline: float) -> None:
        end = time.perf_counter() + deadline
        while marker not in self.seen:
            if time.perf_counter() > end:
                raise RuntimeError(f"no {marker!r} within {deadline} s")
            self.pump(0.05)

    def key(self, data: bytes, quiet: float, deadline: float, after: float = 0.0) -> float | None:
        """Send `data` once the screen is quiet; seconds until it has settled again. `after`
        is a longer silence to wait for, for work the app does off its UI thread."""
        self.settled(time.perf_counter(), quiet, quiet)  # drain what is still arriving
        os.write(self.fd, data)
        return self.settled(time.perf_counter(), max(quiet, after), deadline)

    def close(self) -> None:
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.fd)


def news_article(folder: Path, shared: Path, size: int) -> Path:
    """About `size` bytes of ANERcorp news: the articles concatenated, the set repeated in
    shuffled orders (seeded) because the corpus is smaller than `size`."""
    cut = folder / "anercorp"
    subprocess.run([sys.executable, str(shared / "eval" / "anercorp_articles.py"),
                    str(shared / "anercorp" / "train.txt"), str(cut)],
                   check=True, stdout=subprocess.DEVNULL, timeout=120)
    articles = [p.read_text(encoding="utf-8") for p in sorted(cut.glob("article_*.txt"))]
    shuffle, parts, total = random.Random(15), [], 0
    while total < size:
        order = articles[:]
        shuffle.shuffle(order)
        for text in order[:]:
            if total >= size:
                break
            parts.append(text)
            total += len(text.encode()) + 1
    path = folder / "news" / "news.txt"
    path.parent.mkdir()
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


KEYS = [("]", b"]"), ("a (accept)", b"a"), ("G", b"G"), ("search Enter", b"\r"),
        ("n after search", b"n"), ("ctrl+p palette", b"\x10")]


def key_latencies(argv: list[str], env: dict[str, str], query: str, quiet: float,
                  deadline: float) -> dict[str, float | None]:
    """Open the reader, let it settle (analysis included), then time each of KEYS; the
    search Enter until 3 s without output, as the search runs in a thread (the first redraw,
    closing the prompt, comes before the hits)."""
    hits = len(find_hits(Path(argv[-1]).read_text(encoding="utf-8"), query))
    reader = Reader(argv, env)
    times: dict[str, float | None] = {}
    try:
        started = time.perf_counter()
        reader.wait_for(b"bidi:app", deadline)
        times["first frame"] = time.perf_counter() - started
        reader.wait_for(b"reviewed", 4 * deadline)  # the review count: analysis is done
        reader.settled(started, 2.0, 4 * deadline)
        times["settled after open"] = time.perf_counter() - started
        for name, data in KEYS:
            if name == "search Enter":
                reader.key(b"/", quiet, deadline)
                reader.key(query.encode(), quiet, deadline)
            times[name] = reader.key(data, quiet, deadline, 3.0 if name == "search Enter" else 0)
        times["search hits"] = hits
    finally:
        reader.close()
    return times


def keys(args: argparse.Namespace) -> int:
    quiet = args.quiet_ms / 1000
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "TERM": "xterm-256color", "SEEDREAD_DATA_DIR": tmp}
        seed_folder = Path(tmp) / "seed"
        seed_folder.mkdir()
        seed = Path(shutil.copy(SEED, seed_folder / SEED.name))  # `a` writes .seedread/ there
        news = news_article(Path(tmp), args.shared, 5 * 1024 * 1024)
        trivial = min(first_frame([sys.executable, "-c", TRIVIAL], [b"trivial-ready"], env)[0]
                      for _ in range(3))
        seedread = [sys.executable, "-m", "seedread.cli", "--bidi", "app"]
        columns = {
            "seed": key_latencies([*seedread, str(seed)], env, args.query, quiet, args.deadline),
            f"news {news.stat().st_size / 1e6:.1f} MB": key_latencies(
                [*seedread, str(news)], env, args.query, quiet, args.deadline),
        }
    print(f"bare Textual app, first frame: {trivial:.3f} s (best of 3)")
    print(f"search {args.query!r}; settled = "
          f"{args.quiet_ms:.0f} ms without output; load average {os.getloadavg()[0]:.2f}")
    names = list(next(iter(columns.values())))
    print(f"{'':<20}" + "".join(f"{name:>16}" for name in columns))
    for row in names:
        cells = [columns[c].get(row) for c in columns]
        print(f"{row:<20}" + "".join(
            f"{'no change':>16}" if v is None else f"{v:>16}" if isinstance(v, int)
            else f"{1000 * v:>13.0f} ms" for v in cells))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keys", action="store_true", help="time keys instead")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--query", default="سوريا")
    parser.add_argument("--quiet-ms", type=float, default=150)
    parser.add_argument("--deadline", type=float, default=120,
                        help="seconds any one wait may take")
    args = parser.parse_args()
    if args.keys:
        return keys(args)
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

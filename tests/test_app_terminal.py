"""Choosing who does bidi from the terminal's replies, and putting its mode back on exit."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import shutil
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from seedread.app.bidi_guard import BidiGuard
from seedread.app.terminal_probe import Multiplexer, choose_mode, detect_multiplexer, parse_replies
from seedread.text.document import load_document
from seedread.text.terminal import EXPLICIT_BIDI, IMPLICIT_BIDI, through_multiplexer

VTE = b"\x1b[8;1$y\x1b[>65;7600;1c\x1b[?65;1;9c"
KITTY = b"\x1bP>|kitty(0.35.2)\x1b\\\x1b[>1;4000;29c\x1b[?62;c"
XTERM = b"\x1bP>|XTerm(379)\x1b\\\x1b[>41;379;0c\x1b[?64;1;2c"


def test_vte_gets_app_mode_and_kitty_shaper_mode():
    vte = parse_replies("xterm-256color", VTE)
    assert vte.mode8 == 1 and vte.supports_explicit_mode
    assert choose_mode(vte) == "app"
    assert choose_mode(parse_replies("xterm-kitty", KITTY)) == "shaper"
    assert choose_mode(parse_replies("xterm-256color", XTERM)) == "app"
    assert choose_mode(parse_replies("xterm-256color", b"")) == "app"  # silent: app mode


def test_konsole_and_mlterm_are_recognised_by_term_or_da2():
    assert parse_replies("konsole-256color", b"").does_own_bidi
    assert parse_replies("xterm", b"\x1b[>24;279;0c").is_mlterm


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


SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_dce8252990c8ebab.txt"
RUN_APP = "import sys\nfrom seedread.cli import main\nsys.exit(main(sys.argv[1:]))\n"
# A key handler that raises: a crash while the app owns the screen.
CRASH_ON_J = (
    "from seedread.app.article import ArticleView\n"
    "def crash(self, step):\n"
    "    raise RuntimeError('crash while reading')\n"
    "ArticleView.action_line = crash\n" + RUN_APP
)


def run_in_pty(program: str, data_dir: Path, end, decrqm: bytes = b"", timeout: float = 20.0,
               article: Path = SEED, reply_after: float = 0.0):
    """Run the reader on `article` in a pseudo-terminal that answers the probe like a VTE
    terminal (DECRQM reply `decrqm`, then DA1, `reply_after` seconds after the query); once
    the first frame is up, `end(pid, fd)` ends it. Returns (everything written, where the
    first frame ended, exit code). A reader still alive `timeout` seconds after it started is
    killed and the test fails."""
    argv = [sys.executable, "-c", program, "--bidi", "app", str(article)]
    env = {**os.environ, "TERM": "xterm-256color", "SEEDREAD_DATA_DIR": str(data_dir)}
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    seen, ended, status, reply_at = b"", None, None, None
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            if select.select([fd], [], [], 0.05)[0]:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    chunk = b""
                seen += chunk
                if reply_at is None and b"\x1b[c" in seen:
                    reply_at = time.monotonic() + reply_after
            if reply_at is not None and time.monotonic() >= reply_at:
                os.write(fd, decrqm + b"\x1b[?62;22c")
                reply_at = float("inf")
            if ended is None and b"bidi:app" in seen:
                ended = len(seen)
                end(pid, fd)
            done, code = os.waitpid(pid, os.WNOHANG)
            if done:
                status = code
                break
    finally:
        if status is None:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        os.close(fd)
    assert ended is not None, "the reader never drew its first frame"
    assert status is not None, (f"the reader was still running after {timeout} s (killed); "
                                f"it wrote last: {screen_text(seen)[-1500:]}")
    return seen, ended, os.waitstatus_to_exitcode(status)


def screen_text(output: bytes) -> str:
    """The output without its escape sequences, for a failing test to show."""
    return re.sub(r"\x1b(\[[0-9;?<>=$]*[ -/]*[@-~]|[^\[])", "", output.decode("utf-8", "replace"))


def last_bidi_mode(output: bytes) -> str:
    explicit, implicit = output.rfind(EXPLICIT_BIDI.encode()), output.rfind(IMPLICIT_BIDI.encode())
    return "none" if explicit == implicit == -1 else ("explicit" if explicit > implicit else "implicit")


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_signal_while_the_app_owns_the_screen_gives_the_terminal_its_mode_back(tmp_path, number):
    output, first_frame, code = run_in_pty(
        RUN_APP, tmp_path, lambda pid, fd: (time.sleep(0.3), os.kill(pid, number)),
    )
    assert last_bidi_mode(output[:first_frame]) == "explicit"  # app mode drew the frame
    assert last_bidi_mode(output[first_frame:]) == "implicit"
    assert code != 0 or number == signal.SIGINT


def test_a_crash_while_the_app_owns_the_screen_gives_the_terminal_its_mode_back(tmp_path):
    output, first_frame, code = run_in_pty(
        CRASH_ON_J, tmp_path, lambda pid, fd: (time.sleep(0.3), os.write(fd, b"j")),
    )
    assert b"crash while reading" in output[first_frame:]
    assert last_bidi_mode(output[first_frame:]) == "implicit"
    assert code != 0


def test_the_previous_mode_comes_back_not_a_default(tmp_path):
    """The terminal said explicit mode was already on (DECRQM 8;2): it stays on after quitting."""
    output, first_frame, code = run_in_pty(
        RUN_APP, tmp_path, lambda pid, fd: (time.sleep(0.3), os.write(fd, b"q")), decrqm=b"\x1b[8;2$y",
    )
    assert code == 0, screen_text(output[first_frame:])[-1500:]
    assert IMPLICIT_BIDI.encode() not in output
    assert output[first_frame:].rstrip().count(EXPLICIT_BIDI.encode()) == 1


def test_a_terminal_that_answers_slowly_is_waited_for_not_typed_into_the_reader(tmp_path):
    """Over a slow SSH link the replies come 0.6 s after the queries: they are read as the
    terminal's answer (explicit mode was on, so it stays on), not as keys pressed in the
    reader, and `q` then quits."""
    output, first_frame, code = run_in_pty(
        RUN_APP, tmp_path, lambda pid, fd: (time.sleep(0.3), os.write(fd, b"q")),
        decrqm=b"\x1b[8;2$y", reply_after=0.6,
    )
    assert code == 0, screen_text(output[first_frame:])[-1500:]
    assert IMPLICIT_BIDI.encode() not in output


# tmux and screen between seedread and a terminal that reorders (issue 13)

GUARD_IN_PANE = (
    "import time\n"
    "from seedread.app.bidi_guard import BidiGuard\n"
    "from seedread.app.terminal_probe import detect_multiplexer\n"
    "with BidiGuard(1, previous=None, explicit=True, multiplexer=detect_multiplexer()):\n"
    "    time.sleep(0.5)\n"
)


def outer_terminal_sees(tmp_path: Path, passthrough: str, program: str = GUARD_IN_PANE) -> bytes:
    """What tmux writes to the terminal it runs in while `program` runs in its only pane."""
    conf = tmp_path / "tmux.conf"
    conf.write_text(f"set -g allow-passthrough {passthrough}\nset -g status off\n", encoding="utf-8")
    script = tmp_path / "pane.py"
    script.write_text(program, encoding="utf-8")
    argv = ["tmux", "-L", f"seedread-{os.getpid()}-{passthrough}", "-f", str(conf),
            "new-session", f"{sys.executable} {script}"]
    env = {k: v for k, v in os.environ.items() if k != "TMUX"} | {"TERM": "xterm-256color"}
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    seen = b""
    deadline = time.monotonic() + 20
    try:
        while time.monotonic() < deadline:  # until tmux ends with the pane's program
            if not select.select([fd], [], [], 0.1)[0]:
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    finally:
        if time.monotonic() >= deadline:
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)
    return seen


@pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux (see .ci/apt-packages.txt)")
def test_inside_tmux_with_passthrough_the_outer_terminal_gets_explicit_mode_and_it_back(tmp_path):
    seen = outer_terminal_sees(tmp_path, "on")
    assert EXPLICIT_BIDI.encode() in seen
    assert seen.rfind(IMPLICIT_BIDI.encode()) > seen.find(EXPLICIT_BIDI.encode())
    # Without passthrough tmux swallows the request: the calibration screen must say so.
    assert EXPLICIT_BIDI.encode() not in outer_terminal_sees(tmp_path, "off")


def test_multiplexer_detection_and_wrapping():
    def tmux_says(value):
        return lambda *a, **k: subprocess.CompletedProcess(a, 0, stdout=value + "\n", stderr="")

    assert detect_multiplexer({"TMUX": "/s,1,0"}, tmux_says("on")) == Multiplexer("tmux", True)
    assert detect_multiplexer({"TMUX": "/s,1,0"}, tmux_says("off")).hint
    assert detect_multiplexer({"STY": "1.pts"}).passthrough
    assert detect_multiplexer({}) == Multiplexer()
    assert through_multiplexer("\x1b[8l", "tmux") == "\x1bPtmux;\x1b\x1b[8l\x1b\\"
    assert through_multiplexer("\x1b[8l", "screen") == "\x1bP\x1b[8l\x1b\\"


def test_guard_inside_screen_and_in_mlterm_sends_what_reaches_the_terminal():
    read, write = os.pipe()
    with BidiGuard(write, previous=None, explicit=True, multiplexer=Multiplexer("screen", True)):
        pass
    sent = read_all(read)
    assert sent.count(b"\x1bP\x1b[8l\x1b\\") == 1 and sent.count(b"\x1bP\x1b[8h\x1b\\") == 1
    with BidiGuard(write, previous=None, explicit=True, mlterm=True):
        pass
    sent = read_all(read)
    assert sent.index(b"use_ctl=false") < sent.index(b"use_ctl=true")


def test_mlterm_gets_app_mode_since_it_can_be_switched():
    assert choose_mode(parse_replies("xterm", b"\x1b[>24;279;0c")) == "app"
    assert choose_mode(parse_replies("konsole-256color", b"")) == "terminal"


@pytest.mark.asyncio
async def test_calibration_inside_tmux_without_passthrough_says_the_fix_and_offers_no_scrambling_mode(
    tmp_path, monkeypatch
):
    from test_app_fixtures import make_app, settle

    monkeypatch.setenv("TMUX", f"{tmp_path / 'no-server'},1,0")  # tmux answers with an error
    monkeypatch.delenv("STY", raising=False)
    app = make_app(tmp_path)
    read, write = os.pipe()
    app.bidi_guard = BidiGuard(write, previous=None, explicit=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("c")
        await pilot.pause()
        shown = " ".join(str(static.render()) for static in app.screen.query("Static"))
        assert "tmux set -g allow-passthrough on" in shown
        assert not app.screen.query("#calibration-terminal")
        await pilot.press("2")  # not offered: nothing changes
        await pilot.pause()
        assert app.options.mode == "app"
        await pilot.press("1")
        await pilot.pause()
        assert app.state.bidi["unknown"] == "app"
    os.close(read)
    os.close(write)


@pytest.mark.asyncio
@pytest.mark.parametrize("term, replies", [("rxvt-unicode-256color", b""), ("screen", b""),
                                           ("xterm-256color", b"\x1b[>85;95;0c\x1b[?1;2c"),
                                           ("xterm", b"\x1b[>24;279;0c")])
async def test_where_arabic_has_no_italic_every_entity_type_keeps_its_own_attributes(
    tmp_path, term, replies
):
    from test_app_fixtures import make_app, settle

    from seedread.app.article import ArticleView

    assert parse_replies(term, replies).lacks_arabic_italic
    assert not parse_replies("xterm-256color", XTERM).lacks_arabic_italic
    app = make_app(tmp_path)
    app.add_class("-no-italic")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        article = app.screen.query_one(ArticleView)
        looks = set()
        for kind in ("per", "loc", "org", "event", "misc"):
            style = article.get_component_rich_style(f"article--{kind}", partial=True)
            assert not style.italic
            looks.add((style.bold, style.underline, style.dim))
        assert len(looks) == 5  # apart without colour (NO_COLOR)


@pytest.mark.asyncio
async def test_calibration_in_konsole_says_how_to_get_app_mode_and_keeps_every_line(tmp_path, monkeypatch):
    from test_app_fixtures import make_app, settle

    monkeypatch.setenv("KONSOLE_VERSION", "221203")
    monkeypatch.delenv("TMUX", raising=False)
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("c")
        await pilot.pause()
        shown = " ".join(str(static.render()) for static in app.screen.query("Static"))
        assert "Bi-Directional text rendering" in shown
        await pilot.press("2")
        await pilot.pause()
        assert app.options.mode == "terminal"


# An analysis that takes a minute (a huge article on a busy machine).
SLOW_ANALYSIS = (
    "import time\n"
    "import seedread.commands.read as read\n"
    "def slow(document, date):\n"
    "    time.sleep(60)\n"
    "    raise RuntimeError('too late')\n"
    "read.default_analyzer = slow\n" + RUN_APP
)


@pytest.mark.parametrize("how", ["q", "SIGTERM"])
def test_quitting_while_the_analysis_runs_ends_the_process(tmp_path, how):
    """`q` (or a signal) at the first frame must not leave the process waiting for the
    analysis, nor for an event loop that has stopped once the analysis is done."""

    def end(pid, fd):
        time.sleep(0.6)  # the analysis has started (it waits for the first frame)
        os.write(fd, b"q") if how == "q" else os.kill(pid, signal.SIGTERM)

    output, first_frame, code = run_in_pty(SLOW_ANALYSIS, tmp_path, end, timeout=15)
    assert b"Traceback" not in output
    assert last_bidi_mode(output[first_frame:]) == "implicit"
    assert code == (0 if how == "q" else 128 + signal.SIGTERM)


def read_until(fd: int, needle: bytes, timeout: float = 15.0) -> bytes:
    """What the reader writes until `needle` appears (or `timeout` passes)."""
    seen, deadline = b"", time.monotonic() + timeout
    while needle not in seen and time.monotonic() < deadline:
        if select.select([fd], [], [], 0.05)[0]:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
    return seen


@pytest.mark.parametrize("typed", [b"/dax", b"%ax"])
def test_keys_written_in_one_write_after_a_prompt_key_never_decide(tmp_path, typed):
    from seedread.review import ReviewStore

    folder = tmp_path / "articles"
    folder.mkdir()
    article = folder / SEED.name
    article.write_bytes(SEED.read_bytes())

    def end(pid, fd):
        assert b"reviewed" in read_until(fd, b"reviewed"), "the review never started"
        os.write(fd, b"]")
        time.sleep(0.5)
        os.write(fd, typed)  # one write: the keys arrive in one read
        time.sleep(1.0)
        os.write(fd, b"\x1b")
        time.sleep(0.3)
        os.write(fd, b"q")

    _, _, code = run_in_pty(RUN_APP, tmp_path / "data", end, article=article)
    assert code == 0
    store = ReviewStore.open(folder, create=False)
    assert store is None, [d.action for d in store.document(load_document(article)).log()]


def test_the_reader_ends_when_its_terminal_goes_away_without_a_hangup(tmp_path):
    """A terminal killed under the reader may send no SIGHUP (the reader is not in its
    session): the reader must end rather than read end-of-file at full speed for ever."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "SEEDREAD_DATA_DIR": str(tmp_path)}
    reader = subprocess.Popen([sys.executable, "-c", RUN_APP, "--bidi", "app", str(SEED)],
                              stdin=slave, stdout=slave, stderr=slave, env=env)
    os.close(slave)
    try:
        seen = b""
        deadline = time.monotonic() + 20
        while b"bidi:app" not in seen and time.monotonic() < deadline:
            if select.select([master], [], [], 0.05)[0]:
                chunk = os.read(master, 65536)
                seen += chunk
                if b"\x1b[c" in chunk:
                    os.write(master, b"\x1b[?62;22c")
        assert b"bidi:app" in seen, "the reader never drew its first frame"
        os.close(master)
        reader.wait(timeout=10)
    finally:
        if reader.poll() is None:
            reader.kill()
            reader.wait()
            pytest.fail("the reader was still running 10 s after its terminal went away (killed)")

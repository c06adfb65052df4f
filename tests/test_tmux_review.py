"""Review in a real terminal: seedread runs in tmux on a copy of the seeds folder. A decision
survives SIGKILL right after it is stored, and keys sent in one `send-keys` after `/` all go
to the search prompt."""

from __future__ import annotations

import os
import shutil
import signal
import sys
import time
from pathlib import Path

import pytest
from test_tmux_reader import tmux  # noqa: F401  (the fixture: seedread in a tmux server)

from seedread.review import ReviewStore
from seedread.text.document import load_document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def copy_seeds(tmp_path: Path) -> Path:
    """The seed articles, without any review the user made of them."""
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder, ignore=shutil.ignore_patterns(".*"))  # not the user's review
    return folder


def stored(folder: Path) -> list:
    document = next(load_document(path) for path in folder.glob("*.txt"))
    store = ReviewStore.open(folder, create=False)
    if store is None:
        return []
    with store:
        return store.document(document).log()


def wait_for_log(folder: Path, count: int, timeout: float = 15.0) -> list:
    """Poll the database (not the screen) until `count` decisions are stored."""
    deadline = time.monotonic() + timeout
    while True:
        log = stored(folder)
        if len(log) >= count or time.monotonic() > deadline:
            return log
        time.sleep(0.05)


def open_reader(tmux, tmp_path: Path, folder: Path) -> None:
    pid_file = tmp_path / "pid"
    tmux.start(f"sh -c 'echo $$ > {pid_file}; exec env TERM=xterm-256color {sys.executable} "
               f"-m seedread.cli --bidi app --reviewer kim {folder}'")
    tmux.wait_for(lambda rows: any("Reviewed" in row for row in rows))
    tmux.run("send-keys", "Enter")
    screen = tmux.wait_for(lambda rows: any(" 0/" in row and "reviewed" in row for row in rows))
    assert any("0/" in row for row in screen), "\n".join(screen)


def test_a_decision_survives_kill_9_right_after_the_key(tmux, tmp_path):
    folder = copy_seeds(tmp_path)
    open_reader(tmux, tmp_path, folder)
    tmux.run("send-keys", "]", "a")
    log = wait_for_log(folder, 1)
    os.kill(int((tmp_path / "pid").read_text()), signal.SIGKILL)
    assert [(d.action, d.reviewer) for d in log] == [("accept", "kim")]
    assert log[0].after[0].status == "accepted"
    assert stored(folder) == log  # still there after the kill


@pytest.mark.parametrize("typed", ["/abc", "/dax"])
def test_keys_sent_in_one_send_keys_after_slash_go_to_the_prompt(tmux, tmp_path, typed):
    folder = copy_seeds(tmp_path)
    open_reader(tmux, tmp_path, folder)
    tmux.run("send-keys", "]")
    tmux.wait_for(lambda rows: any("1/" in row for row in rows))  # a mention is marked
    tmux.run("send-keys", "-l", typed)
    screen = tmux.wait_for(lambda rows: any(typed[1:] in row for row in rows), timeout=5)
    assert any(typed[1:] in row for row in screen), "\n".join(screen)
    tmux.run("send-keys", "Escape", "q")
    tmux.wait_for(lambda rows: not rows, timeout=10)
    assert stored(folder) == []

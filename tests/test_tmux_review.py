"""A decision survives SIGKILL: seedread runs in tmux on a copy of the seeds folder, `a`
accepts a mention, the process is killed with -9 as soon as the status bar shows it, and
the decision is in the database."""

from __future__ import annotations

import os
import shutil
import signal
import sys
from pathlib import Path

import pytest
from test_tmux_reader import tmux  # noqa: F401  (the fixture: seedread in a tmux server)

from seedread.review import ReviewStore
from seedread.text.document import load_document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def test_a_decision_survives_kill_9_right_after_the_key(tmux, tmp_path):
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder, ignore=shutil.ignore_patterns(".*"))  # not the user's review
    pid_file = tmp_path / "pid"
    tmux.start(f"sh -c 'echo $$ > {pid_file}; exec env TERM=xterm-256color {sys.executable} "
               f"-m seedread.cli --bidi app --reviewer kim {folder}'")
    screen = tmux.wait_for(lambda rows: any("Reviewed" in row for row in rows))
    tmux.run("send-keys", "Enter")
    screen = tmux.wait_for(lambda rows: any(" 0/" in row and "reviewed" in row for row in rows))
    assert any("0/" in row for row in screen), "\n".join(screen)
    tmux.run("send-keys", "]", "a")
    screen = tmux.wait_for(lambda rows: any(" 1/" in row and "reviewed" in row for row in rows), timeout=10)
    os.kill(int(pid_file.read_text()), signal.SIGKILL)
    assert any(" 1/" in row for row in screen), "\n".join(screen)

    document = next(load_document(path) for path in folder.glob("*.txt"))
    with ReviewStore.open(folder, create=False) as store:
        log = store.document(document).log()
    assert [(d.action, d.reviewer) for d in log] == [("accept", "kim")]
    assert log[0].after[0].status == "accepted"

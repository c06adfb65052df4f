"""A review database is never lost or damaged: damaged, newer and locked databases give a
one-line error and stay byte-for-byte as they were; two processes writing at once lose
nothing; a process killed with SIGKILL keeps every decision it reported."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from test_review_support import analysis_of, write_article

from seedread.review import (
    ReviewStore,
    ReviewStoreError,
    StoreCorruptError,
    StoreLockedError,
    StoreTooNewError,
)
from seedread.review.database import SCHEMA_VERSION

TESTS = Path(__file__).parent


def db_path(folder: Path) -> Path:
    return folder / ".seedread" / "review.db"


def reviewed_store(folder: Path) -> Path:
    """A folder with an article and a closed store holding one decision."""
    document = write_article(folder)
    with ReviewStore.open(folder, reviewer="ana") as store:
        review = store.document(document)
        review.accept(review.reviewed(analysis_of(document)).mentions)
    return db_path(folder)


def assert_refused(folder: Path, error: type, match: str) -> None:
    path = db_path(folder)
    before = path.read_bytes()
    with pytest.raises(error, match=match) as caught:
        ReviewStore.open(folder)
    assert "\n" not in str(caught.value) and str(path) in str(caught.value)
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path):
    db_path(tmp_path).parent.mkdir()
    db_path(tmp_path).write_bytes(b"these are my notes, not a database\n" * 200)
    assert_refused(tmp_path, StoreCorruptError, "damaged")


def test_a_database_with_damaged_pages_is_refused_untouched(tmp_path):
    path = reviewed_store(tmp_path)
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    data[page_size + 8 : 2 * page_size] = b"\xff" * (page_size - 8)  # wreck page 2
    path.write_bytes(bytes(data))
    assert_refused(tmp_path, StoreCorruptError, "damaged")


def test_a_newer_schema_is_refused_untouched(tmp_path):
    path = reviewed_store(tmp_path)
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    assert_refused(tmp_path, StoreTooNewError, "newer")


def test_some_other_sqlite_database_is_refused_untouched(tmp_path):
    db_path(tmp_path).parent.mkdir()
    with sqlite3.connect(db_path(tmp_path)) as connection:
        connection.execute("CREATE TABLE mine (x)")
    connection.close()
    assert_refused(tmp_path, ReviewStoreError, "not a seedread review")


def test_a_locked_database_times_out_with_a_clear_error(tmp_path):
    path = reviewed_store(tmp_path)
    document = write_article(tmp_path)
    store = ReviewStore.open(tmp_path, timeout=0.3)
    review = store.document(document)
    mention = review.reviewed(analysis_of(document)).mentions[0]
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    before = path.read_bytes()
    started = time.monotonic()
    with pytest.raises(StoreLockedError, match="locked by another process") as caught:
        review.reject(mention)
    assert time.monotonic() - started < 3
    assert "\n" not in str(caught.value)
    assert path.read_bytes() == before
    holder.execute("ROLLBACK")
    holder.close()
    assert [d.action for d in review.log()] == ["accept"]  # the refused decision is not there
    review.reject(mention)  # and the store works once the lock is gone
    store.close()


def test_a_lock_is_marked_transient_and_a_damaged_file_is_not(tmp_path):
    """What the reader needs to keep review on after a lock clears (and only then)."""
    path = reviewed_store(tmp_path)
    document = write_article(tmp_path)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    with pytest.raises(StoreLockedError) as locked:
        ReviewStore.open(tmp_path, timeout=0.2).document(document)
    holder.execute("ROLLBACK")
    holder.close()
    assert locked.value.transient
    with ReviewStore.open(tmp_path, timeout=0.2) as store:  # once the lock is gone
        assert [d.action for d in store.document(document).log()] == ["accept"]
    path.write_bytes(b"garbage" * 1000)
    with pytest.raises(StoreCorruptError) as damaged:
        ReviewStore.open(tmp_path)
    assert not damaged.value.transient


WORKER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    sys.path.insert(0, sys.argv[1])
    from test_review_support import analysis_of
    from seedread.review import ReviewStore
    from seedread.text.document import load_document

    folder, name, count = Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    document = load_document(folder / "article.txt")
    analysis = analysis_of(document)
    with ReviewStore.open(folder, reviewer=name) as store:
        review = store.document(document)
        mentions = review.reviewed(analysis).mentions
        (folder / f"{name}.ready").touch()
        while len(list(folder.glob("*.ready"))) < int(sys.argv[5]):
            time.sleep(0.001)
        for number in range(count):
            mention = mentions[number % len(mentions)]
            decision = (review.accept if number % 2 else review.reject)(mention)
            print(decision.id, flush=True)
            time.sleep(0.002)  # a fast reviewer: lets the other process in between
""")


def start_worker(folder: Path, name: str, count: int, workers: int) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", WORKER, str(TESTS), str(folder), name, str(count), str(workers)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def test_two_processes_writing_at_once_lose_nothing(tmp_path):
    write_article(tmp_path)
    workers = [start_worker(tmp_path, name, 60, 2) for name in ("ana", "bob")]
    reported = {}
    for name, worker in zip(("ana", "bob"), workers):
        out, err = worker.communicate(timeout=60)
        assert worker.returncode == 0, err
        reported[name] = {int(line) for line in out.split()}
    with sqlite3.connect(db_path(tmp_path)) as connection:
        rows = connection.execute("SELECT id, reviewer FROM decisions").fetchall()
    connection.close()
    assert len(rows) == 120
    for name in ("ana", "bob"):
        assert {i for i, who in rows if who == name} == reported[name]
    in_order = [who for _, who in sorted(rows)]
    assert sum(a != b for a, b in zip(in_order, in_order[1:])) > 2  # they really interleaved


def test_a_process_killed_right_after_a_decision_loses_nothing(tmp_path):
    document = write_article(tmp_path)
    worker = start_worker(tmp_path, "ana", 100_000, 1)
    reported = [int(worker.stdout.readline()) for _ in range(25)]
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait(timeout=10)
    worker.stdout.close(), worker.stderr.close()
    assert worker.returncode == -signal.SIGKILL
    with ReviewStore.open(tmp_path) as store:
        review = store.document(document)
        ids = {d.id for d in review.log()}
        assert set(reported) <= ids
        assert review.reviewed(analysis_of(document)).progress.reviewed > 0
        check = store.connection.execute("PRAGMA integrity_check").fetchone()[0]
    assert check == "ok"


def test_a_new_store_is_at_the_current_schema_in_wal_mode(tmp_path):
    db_path(tmp_path).parent.mkdir()
    db_path(tmp_path).touch()  # an empty file is an empty database: it is set up, not refused
    with ReviewStore.open(tmp_path) as store:
        connection = store.connection
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"

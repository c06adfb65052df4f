"""Opening the review database safely, its schema and migrations, and short write
transactions that wait for other processes instead of failing.

The rules that keep decisions safe: nothing is written before the file is known to be a
seedread database of a version this code understands and passes SQLite's quick check (so a
damaged or newer file is never touched); WAL with synchronous=FULL, so a committed decision
survives the process being killed (and a power cut); every write is one BEGIN IMMEDIATE …
COMMIT, retried while another process holds the lock, up to the timeout.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from seedread.review.errors import (
    ReviewStoreError,
    StoreCorruptError,
    StoreLockedError,
    StoreTooNewError,
)

T = TypeVar("T")

MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        """CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,
            sha256 TEXT NOT NULL,
            first_sha256 TEXT NOT NULL,
            added_at TEXT NOT NULL,
            renamed_from TEXT
        )""",
        "CREATE INDEX documents_by_sha256 ON documents (sha256)",
        """CREATE TABLE decisions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            document_id INTEGER NOT NULL REFERENCES documents (id),
            reviewer TEXT NOT NULL,
            at TEXT NOT NULL,
            action TEXT NOT NULL,
            before TEXT NOT NULL,
            after TEXT NOT NULL,
            ref INTEGER REFERENCES decisions (id)
        )""",
        "CREATE INDEX decisions_by_document ON decisions (document_id, id)",
    ),
}
SCHEMA_VERSION = max(MIGRATIONS)


def open_database(path: Path, timeout: float) -> sqlite3.Connection:
    """Open (creating if missing) and migrate the database; raise a ReviewStoreError
    subclass, without having written anything, when it cannot be used."""
    existed = path.exists() and path.stat().st_size > 0
    try:
        connection = sqlite3.connect(path, timeout=timeout, isolation_level=None)
    except sqlite3.Error as exc:
        raise translate(exc, path) from None
    try:
        connection.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version < 0:
            raise StoreCorruptError(
                f"review database {path} has schema version {version}, which no seedread "
                "writes; it was left untouched — move it away to start a new review"
            )
        if version > SCHEMA_VERSION:
            raise StoreTooNewError(
                f"review database {path} has schema version {version}, newer than this "
                f"seedread understands ({SCHEMA_VERSION}); upgrade seedread (file left untouched)"
            )
        if existed:
            verdict = connection.execute("PRAGMA quick_check").fetchone()[0]
            if verdict != "ok":
                raise StoreCorruptError(_corrupt_message(path, verdict))
            if version == 0 and _has_tables(connection):
                raise ReviewStoreError(
                    f"{path} is an SQLite database but not a seedread review; left untouched"
                )
        _retry(lambda: connection.execute("PRAGMA journal_mode = WAL"), path, timeout)
        connection.execute("PRAGMA synchronous = FULL")
        _migrate(connection, path, timeout)
    except sqlite3.Error as exc:
        connection.close()
        raise translate(exc, path) from None
    except ReviewStoreError:
        connection.close()
        raise
    return connection


def write(connection: sqlite3.Connection, path: Path, timeout: float,
          work: Callable[[sqlite3.Connection], T]) -> T:
    """Run `work` in one immediate transaction and commit it; all or nothing."""

    def attempt() -> T:
        connection.execute("BEGIN IMMEDIATE")
        try:
            result = work(connection)
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
        return result

    try:
        return _retry(attempt, path, timeout)
    except sqlite3.Error as exc:
        raise translate(exc, path) from None


def read(connection: sqlite3.Connection, path: Path, sql: str, params: tuple = ()) -> list:
    try:
        return connection.execute(sql, params).fetchall()
    except sqlite3.Error as exc:
        raise translate(exc, path) from None


def translate(exc: sqlite3.Error, path: Path) -> ReviewStoreError:
    """The SQLite error as one line that names the file and what to do."""
    message = str(exc)
    if "locked" in message or "busy" in message:
        return StoreLockedError(
            f"review database {path} is locked by another process; try again "
            "(nothing was written)"
        )
    if isinstance(exc, sqlite3.DatabaseError) and (
        "not a database" in message or "malformed" in message or "corrupt" in message
    ):
        return StoreCorruptError(_corrupt_message(path, message))
    return ReviewStoreError(f"review database {path}: {message}")


def _corrupt_message(path: Path, detail: str) -> str:
    detail = detail.splitlines()[0] if detail else "failed its check"
    return (
        f"review database {path} is damaged ({detail}); it was left untouched — "
        "move it away to start a new review"
    )


def _retry(action: Callable[[], T], path: Path, timeout: float) -> T:
    """SQLite's busy handler is skipped in some WAL cases (a stale read snapshot), so a
    locked error is retried with a growing pause until the timeout has passed."""
    deadline = time.monotonic() + timeout
    pause = 0.005
    while True:
        try:
            return action()
        except sqlite3.OperationalError as exc:
            message = str(exc)
            if ("locked" not in message and "busy" not in message) or time.monotonic() > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.1)


def _has_tables(connection: sqlite3.Connection) -> bool:
    return connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0


def _migrate(connection: sqlite3.Connection, path: Path, timeout: float) -> None:
    def upgrade(conn: sqlite3.Connection) -> None:
        current = conn.execute("PRAGMA user_version").fetchone()[0]
        for version in range(current + 1, SCHEMA_VERSION + 1):
            for statement in MIGRATIONS[version]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version}")

    if connection.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
        write(connection, path, timeout, upgrade)

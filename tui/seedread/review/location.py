"""Where a folder's review database lives, and why.

The review travels with the articles: `<folder>/.seedread/review.db`. When the folder cannot
be written (a shared read-only corpus), the database goes to the user's data directory
(`SEEDREAD_DATA_DIR` if set) instead, under a name derived from the folder's absolute path, and the location says so in a
line the reader can put in its status bar.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from seedread.review.errors import ReviewStoreError
from seedread.text.document import Document

STORE_DIR = ".seedread"
STORE_FILE = "review.db"
DATA_DIR_VARIABLE = "SEEDREAD_DATA_DIR"


@dataclass(frozen=True, slots=True)
class StoreLocation:
    path: Path  # the database file
    folder: Path  # the folder reviewed; document paths are stored relative to it
    in_folder: bool  # False when it lives in the user data directory
    reason: str  # one line saying where the review is kept and why


def review_folder(path: Path | str | Document) -> Path:
    """The folder whose store reviews `path`: the folder opened (a Document read from a
    folder knows it), else the folder itself, or a file's own folder. Parents are never
    searched: a `review.db` planted higher up (in `/tmp/.seedread`, say) must not collect
    this reader's decisions."""
    if isinstance(path, Document):
        return path.home
    path = Path(path).resolve()
    return path if path.is_dir() else path.parent


def data_dir() -> Path:
    """seedread's user data directory: `SEEDREAD_DATA_DIR` if set, else the platform's."""
    return Path(os.environ.get(DATA_DIR_VARIABLE) or platformdirs.user_data_dir("seedread", appauthor=False))


def path_key(folder: Path, path: Path | str) -> str:
    """How the store names an article: its path relative to the reviewed folder (so the
    folder can move), or its absolute path when it lies outside."""
    resolved = Path(path).resolve()
    try:
        return resolved.relative_to(folder).as_posix()
    except ValueError:
        return str(resolved)


def locate_store(folder: Path | str, *, create: bool = True) -> StoreLocation | None:
    """The store for `folder`: an existing one (in the folder first, then the data
    directory), else a new one where it can be written. Returns None when there is none and
    `create` is False."""
    folder = Path(folder).resolve()
    local = folder / STORE_DIR / STORE_FILE
    fallback = _fallback_path(folder)
    # SQLite writes its -wal, -shm and -journal files beside the database, through any link.
    companions = [Path(f"{db}{suffix}") for db in (local, fallback)
                  for suffix in ("", "-wal", "-shm", "-journal")]
    for link in (local.parent, *companions):
        if link.is_symlink():
            raise ReviewStoreError(
                f"{link} is a symbolic link; seedread never writes a review through one "
                "(left untouched)"
            )
    if local.exists():
        return StoreLocation(local, folder, True, f"review kept in {local}")
    if fallback.exists():
        return StoreLocation(
            fallback, folder, False,
            f"review kept in {fallback} (the folder was read-only when the review began)",
        )
    if not create:
        return None
    if _can_write(local.parent):
        return StoreLocation(local, folder, True, f"review kept in {local}")
    try:
        fallback.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReviewStoreError(
            f"{folder} is read-only and {fallback.parent} cannot be created "
            f"({exc.strerror or exc}); nowhere to keep the review"
        ) from None
    return StoreLocation(
        fallback, folder, False, f"{folder} is read-only, so the review is kept in {fallback}"
    )


def _fallback_path(folder: Path) -> Path:
    digest = hashlib.sha256(os.fsencode(folder)).hexdigest()[:16]
    return data_dir() / "reviews" / f"{folder.name}-{digest}" / STORE_FILE


def _can_write(directory: Path) -> bool:
    """Create the directory and a file in it: the only test that also holds on read-only
    mounts and network file systems, where permission bits say nothing."""
    try:
        directory.mkdir(exist_ok=True)
        with tempfile.TemporaryFile(dir=directory):
            return True
    except OSError:
        return False

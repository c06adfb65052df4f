"""Reading and writing files a hostile folder may have prepared.

Reading: only regular files, opened without blocking (a FIFO named `a.txt` never hangs) and
with the size limit enforced while reading (a symlink to `/dev/zero` cannot fill memory).
Writing: never through a symlink, and atomically (a temporary file in the same folder,
fsync, rename), so a kill or a full disk leaves the previous file whole and no temporary
file behind.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

_CHUNK = 1 << 20
# mkstemp makes files 0600; a written file gets the mode an ordinary open would give it.
# The umask can only be read by setting it, so that is done once, at import.
_UMASK = os.umask(0o022)
os.umask(_UMASK)


class UnsafeFileError(OSError):
    """A file that seedread refuses to read or write, with the reason in one line."""


def read_regular_file(path: Path | str, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; raise UnsafeFileError for a
    FIFO, device or socket, or a file larger than the limit (checked while reading)."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(21, "is a folder", str(path))
        if not stat.S_ISREG(mode):
            raise UnsafeFileError(f"not a regular file (a {_kind(mode)}); only files are read")
        chunks, size = [], 0
        while True:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - size))
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise UnsafeFileError(f"file is larger than the limit of {limit // 1024 // 1024} MiB")
    finally:
        os.close(fd)


def refuse_symlink(path: Path | str, inside: Path | str | None = None) -> None:
    """Raise UnsafeFileError when `path`, or any folder between `inside` and it, is a
    symbolic link (written through, it would replace whatever file it points to)."""
    path = Path(os.path.abspath(path))
    chain = [path]
    if inside is not None:
        inside = Path(os.path.abspath(inside))
        try:
            below = path.relative_to(inside).parts[:-1]
        except ValueError:
            below = ()
        chain += [Path(inside, *below[: n + 1]) for n in range(len(below))]
    for link in chain:
        if link.is_symlink():
            raise UnsafeFileError(f"{link} is a symbolic link; seedread never writes through one")


def make_folder(folder: Path | str, inside: Path | str | None = None) -> None:
    """Create `folder` (and its parents) after checking that none below `inside` is a
    symlink, so a planted link cannot redirect what is written into it."""
    refuse_symlink(Path(folder) / "-", inside)
    Path(folder).mkdir(parents=True, exist_ok=True)
    refuse_symlink(Path(folder) / "-", inside)


def atomic_write(path: Path | str, data: str | bytes, inside: Path | str | None = None) -> None:
    """Replace `path` with `data` all at once: a temporary file in the same folder, fsync,
    rename. Refuses a symlink at `path` or at any folder between `inside` and it; on any
    error the old file is left as it was and the temporary file is removed."""
    path = Path(path)
    refuse_symlink(path, inside)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~_UMASK
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable; folders that cannot be opened are left to the OS."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "special file"

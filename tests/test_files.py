"""The file helpers every writer and reader goes through: atomic replacement that leaves
the old file whole and no temporary file on a full disk, no writing through a symlink, and
reading only regular files within the size limit."""

from __future__ import annotations

import errno
import os

import pytest

from seedread.app.state import ReaderState
from seedread.text import files
from seedread.text.files import UnsafeFileError, atomic_write, make_folder, read_regular_file


@pytest.fixture
def full_disk(monkeypatch):
    """The disk fills up while the new content is being made durable."""

    def no_space(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", no_space)


def test_a_full_disk_keeps_the_old_file_and_leaves_no_temporary_file(tmp_path, full_disk):
    target = tmp_path / "export.jsonl"
    target.write_text("the previous export\n", encoding="utf-8")
    with pytest.raises(OSError, match="No space"):
        atomic_write(target, "x" * 100_000)
    assert target.read_text(encoding="utf-8") == "the previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.jsonl"]


def test_the_reader_state_on_a_full_disk_leaves_no_tmp_file(tmp_path, full_disk):
    state = ReaderState(path=tmp_path / "reader-state.json")
    state.remember("abc", "a.txt", 10, 5)
    state.save()
    assert list(tmp_path.iterdir()) == []


def test_atomic_write_replaces_the_content_whole(tmp_path):
    target = tmp_path / "a.txt"
    target.write_text("old", encoding="utf-8")
    atomic_write(target, "نص جديد")
    assert target.read_text(encoding="utf-8") == "نص جديد"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_never_through_a_symlink_at_the_file_or_in_a_folder_below_the_root(tmp_path):
    victim = tmp_path / "victim"
    victim.write_text("precious", encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "a.txt").symlink_to(victim)
    with pytest.raises(UnsafeFileError, match="symbolic link"):
        atomic_write(tmp_path / "out" / "a.txt", "overwritten")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "out" / "sub").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(UnsafeFileError, match="sub is a symbolic link"):
        make_folder(tmp_path / "out" / "sub" / "deeper", tmp_path / "out")
    with pytest.raises(UnsafeFileError, match="sub is a symbolic link"):
        atomic_write(tmp_path / "out" / "sub" / "b.txt", "x", tmp_path / "out")
    assert victim.read_text(encoding="utf-8") == "precious"
    assert list((tmp_path / "elsewhere").iterdir()) == []


def test_reading_stops_at_the_limit_while_reading(tmp_path):
    """The size a stat reports is not trusted (a device says 0): devices are refused before
    any read, and the limit is counted on what is read."""
    with pytest.raises(UnsafeFileError, match="not a regular file"):
        read_regular_file("/dev/zero", 1024)
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * (3 * 1024 * 1024))
    with pytest.raises(UnsafeFileError, match="larger than the limit of 2 MiB"):
        read_regular_file(path, 2 * 1024 * 1024)
    assert read_regular_file(path, 3 * 1024 * 1024) == b"x" * (3 * 1024 * 1024)


def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)
    with pytest.raises(UnsafeFileError, match="FIFO"):
        read_regular_file(fifo, 1024)


def test_a_written_file_gets_the_usual_mode_or_keeps_its_own(tmp_path):
    """Not mkstemp's 0600: an export is as readable as any file the user makes."""
    umask = os.umask(0o022)
    os.umask(umask)
    atomic_write(tmp_path / "new.txt", "x")
    assert (tmp_path / "new.txt").stat().st_mode & 0o777 == 0o666 & ~umask
    (tmp_path / "mine.txt").write_text("x", encoding="utf-8")
    (tmp_path / "mine.txt").chmod(0o640)
    atomic_write(tmp_path / "mine.txt", "y")
    assert (tmp_path / "mine.txt").stat().st_mode & 0o777 == 0o640

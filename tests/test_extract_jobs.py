"""`seedread extract --jobs N`: the same bytes as one process, one line per failed file while
the rest still run, and `extract_file` giving the record the CLI prints."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from seedread.analysis import extract_file
from seedread.cli import main
from seedread.text.document import DocumentError

GOLD = sorted((Path(__file__).resolve().parent / "gold").glob("*.txt"))


def folder_of_articles(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    for index, source in enumerate(GOLD):
        target = folder / ("sub" if index % 2 else "") / f"{index:02d}_{source.name}"
        target.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def run(capsys, *argv):
    code = main(["extract", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("form", ["json", "jsonl", "tsv"])
def test_two_processes_print_the_same_bytes_as_one(tmp_path, capsys, form):
    folder = folder_of_articles(tmp_path)
    one = run(capsys, "--jobs", "1", "--format", form, str(folder))
    two = run(capsys, "--jobs", "2", "--format", form, str(folder))
    assert one == two
    assert one[0] == 0 and len(GOLD) >= 4
    if form == "jsonl":
        paths = [json.loads(line)["path"] for line in one[1].splitlines()]
        assert paths == sorted(paths) and len(paths) == len(GOLD)


def test_a_bad_file_is_one_line_and_the_others_still_print(tmp_path, capsys):
    folder = folder_of_articles(tmp_path)
    (folder / "00_empty.txt").write_bytes(b"")
    named = tmp_path / "undecodable.txt"
    named.write_bytes(b"\xff\xfe\x00\xd8" * 50)
    code, out, err = run(capsys, "--jobs", "2", "--format", "jsonl", str(named), str(folder))
    assert code == 1
    assert len(out.splitlines()) == len(GOLD)
    lines = err.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"seedread: {named}")
    assert "skipped" in lines[1] and "00_empty.txt" in lines[1]


def test_a_bad_gazetteer_is_reported_once_for_its_folder(tmp_path, capsys):
    folder = folder_of_articles(tmp_path)
    (folder / "sub" / ".seedread").mkdir()
    (folder / "sub" / ".seedread" / "gazetteer.toml").write_text("[[entity]\n", encoding="utf-8")
    code, out, err = run(capsys, "--jobs", "2", "--format", "jsonl", str(folder))
    assert code == 1
    assert err.count("\n") == 1 and "gazetteer.toml" in err
    printed = [json.loads(line)["path"] for line in out.splitlines()]
    assert printed and all("/sub/" not in path for path in printed)


def test_jobs_must_be_a_positive_number(capsys):
    code, out, err = run(capsys, "--jobs", "0", str(GOLD[0]))
    assert code == 2 and out == "" and err.count("\n") == 1 and "--jobs" in err


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path):
    folder = folder_of_articles(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "seedread.cli", "extract", "--jobs", "2", "--format", "jsonl",
         str(folder)], capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert done.returncode == 0 and done.stderr == ""
    assert len(done.stdout.splitlines()) == len(GOLD)


def test_a_progress_bar_on_a_terminal_stderr_and_the_same_output(tmp_path, capsys):
    folder = folder_of_articles(tmp_path)
    _, expected, _ = run(capsys, "--jobs", "1", "--format", "jsonl", str(folder))
    terminal, stderr = os.openpty()
    out = tmp_path / "out.jsonl"
    try:
        with out.open("wb") as stdout:
            done = subprocess.run(
                [sys.executable, "-m", "seedread.cli", "extract", "--jobs", "2", "--format",
                 "jsonl", str(folder)], stdout=stdout, stderr=stderr, timeout=120,
                stdin=subprocess.DEVNULL, env={**os.environ, "TERM": "xterm-256color"})
        os.set_blocking(terminal, False)
        try:
            drawn = os.read(terminal, 1 << 16)
        except BlockingIOError:  # nothing was drawn
            drawn = b""
    finally:
        os.close(terminal)
        os.close(stderr)
    assert done.returncode == 0
    assert f"/{len(GOLD)}".encode() in drawn
    assert out.read_text(encoding="utf-8") == expected


def test_extract_file_is_the_record_the_cli_prints(capsys):
    _, out, _ = run(capsys, "--date", "2016-11-07", str(GOLD[0]))
    assert extract_file(GOLD[0], date=dt.date(2016, 11, 7)) == json.loads(out)[0]


def test_extract_file_raises_a_one_line_error(tmp_path):
    with pytest.raises(DocumentError) as info:
        extract_file(tmp_path / "missing.txt")
    assert "\n" not in str(info.value)

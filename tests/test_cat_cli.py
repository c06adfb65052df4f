"""`seedread cat` as a user runs it: real processes, pipes and a pseudo-terminal."""

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len

ROOT = Path(__file__).parent.parent
SEED = ROOT / "seeds" / "000_dce8252990c8ebab.txt"
GOLDEN = Path(__file__).parent / "golden"
SEEDREAD = [sys.executable, "-m", "seedread.cli"]


def seedread(*args, **kwargs):
    env = {**os.environ, "COLUMNS": "", **kwargs.pop("env", {})}
    return subprocess.run(
        [*SEEDREAD, *map(str, args)], capture_output=True, text=True, env=env, timeout=60, **kwargs
    )


def test_the_console_script_is_installed():
    assert (Path(sys.executable).parent / "seedread").exists()


@pytest.mark.parametrize("width", [60, 100])
def test_the_seed_matches_its_golden_layout(width):
    result = seedread("cat", SEED, "--width", width)
    assert result.returncode == 0, result.stderr
    golden = (GOLDEN / f"seed-{width}.txt").read_text(encoding="utf-8")
    assert result.stdout == golden


def test_output_is_lines_padded_to_the_width_with_blank_lines_between_paragraphs():
    result = seedread("cat", SEED, "--width", 70)
    paragraphs = result.stdout.rstrip("\n").split("\n\n")
    assert len(paragraphs) == 8
    for paragraph in paragraphs:
        for line in paragraph.split("\n"):
            assert cell_len(line) == 70  # every seed paragraph is RTL, so padded on the left
            assert line.strip()
    assert "\x1b" not in result.stdout  # no colour or modes into a pipe


def test_width_defaults_to_80_in_a_pipe_and_follows_columns():
    assert max(cell_len(line) for line in seedread("cat", SEED).stdout.splitlines()) == 80
    narrow = seedread("cat", SEED, env={"COLUMNS": "50"}).stdout
    assert max(cell_len(line) for line in narrow.splitlines()) == 50


def test_terminal_mode_prints_logical_text_unpadded():
    result = seedread("cat", SEED, "--bidi", "terminal", "--harakat", "--width", 100)
    text = SEED.read_text(encoding="utf-8")
    words = result.stdout.split()
    assert words == text.split()


def run_in_pty(*args):
    master, slave = pty.openpty()
    process = subprocess.Popen(
        [*SEEDREAD, *map(str, args)], stdout=slave, stderr=slave, close_fds=True
    )
    os.close(slave)
    output = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    process.wait(timeout=60)
    os.close(master)
    return process.returncode, output.decode("utf-8")


def test_on_a_terminal_app_mode_switches_vte_to_explicit_mode_and_back():
    code, output = run_in_pty("cat", SEED, "--width", 60)
    assert code == 0
    assert output.startswith("\x1b[8l")
    assert output.rstrip("\r\n").endswith("\x1b[8h")
    assert output.count("\x1b[8l") == output.count("\x1b[8h") == 1


def test_terminal_mode_leaves_the_terminal_mode_alone():
    code, output = run_in_pty("cat", SEED, "--bidi", "terminal", "--width", 60)
    assert code == 0 and "\x1b[8" not in output


def test_control_characters_are_shown_as_placeholders_never_sent(tmp_path):
    path = tmp_path / "evil.txt"
    path.write_text("نص \x1b]0;owned\x07 \x1b[2J و\x9b31m نهاية\n", encoding="utf-8")
    result = seedread("cat", path, "--width", 40)
    assert result.returncode == 0
    assert not any(ch in result.stdout for ch in "\x1b\x07\x9b")
    assert "\u241b" in result.stdout  # ␛, the visible stand-in for ESC
    code, output = run_in_pty("cat", path, "--width", 40)
    body = output.replace("\x1b[8l", "").replace("\x1b[8h", "")
    body = body.replace("\x1b[7m", "").replace("\x1b[0m", "")
    assert "\x1b" not in body and "\x07" not in body


def test_info_names_the_encoding(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes("خبر قديم من أرشيف عربي\n".encode("cp1256"))
    result = seedread("cat", "--info", path)
    assert result.returncode == 0
    assert "encoding: Windows-1256" in result.stdout
    assert "sha256: " in result.stdout


def make_bad_inputs(root):
    (root / "empty").mkdir()
    (root / "nul.txt").write_bytes(b"abc\x00")
    (root / "garbage.txt").write_bytes(bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 50 + bytes(range(1, 9)) * 20)
    (root / "empty.txt").write_bytes(b"")
    with (root / "huge.txt").open("wb") as file:
        file.truncate(50 * 1024 * 1024)
    (root / "line.txt").write_text("كلمة " * 210_000, encoding="utf-8")
    return {
        "missing": root / "missing.txt",
        "empty folder": root / "empty",
        "binary": root / "nul.txt",
        "undecodable": root / "garbage.txt",
        "empty file": root / "empty.txt",
        "50 MB": root / "huge.txt",
        "1 MB line": root / "line.txt",
    }


def test_each_bad_input_gets_one_line_and_a_non_zero_exit(tmp_path):
    for name, path in make_bad_inputs(tmp_path).items():
        result = seedread("cat", path)
        assert result.returncode != 0, name
        assert result.stdout == "", name
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and str(path) in lines[0], (name, result.stderr)
        assert "Traceback" not in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_file_gets_one_line(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("نص", encoding="utf-8")
    path.chmod(0)
    result = seedread("cat", path)
    assert result.returncode != 0 and "permission denied" in result.stderr


def test_a_folder_skips_bad_files_with_a_warning_and_shows_the_rest(tmp_path):
    (tmp_path / "a.txt").write_text("الخبر الأول\n", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01")
    result = seedread("cat", tmp_path, "--width", 20)
    assert result.returncode == 0
    assert "warning: skipped" in result.stderr and "b.txt" in result.stderr
    assert "\ufe8e" in result.stdout or result.stdout.strip()


def test_usage_errors_are_one_line():
    for args in (["cat"], ["cat", SEED, "--width", "zero"], ["cat", SEED, "--bidi", "both"]):
        result = seedread(*args)
        assert result.returncode == 2
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_a_closed_pipe_is_not_an_error():
    process = subprocess.Popen(
        [*SEEDREAD, "cat", str(SEED), "--width", "20"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read().decode()
    process.wait(timeout=60)
    assert "Traceback" not in stderr


def test_a_c_locale_does_not_break_arabic_output():
    result = seedread("cat", SEED, env={"LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0 and "Traceback" not in result.stderr

"""Hostile inputs to the CLI, each run as a real `seedread` process: one clear line (or the
expected output), the expected exit code, no traceback, no hang, nothing changed on disk.

Add a probe here for every new way a file, a folder, a database or an argument could
hurt the reader: a `Probe` builds its inputs under `inputs/` (the only place compared
before and after) and says what the user must see.
"""

from __future__ import annotations

import json
import os
import re
import resource
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from rich.cells import cell_len
from test_review_support import ARTICLE, analysis_of, write_article

from seedread.review import ReviewStore

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_dce8252990c8ebab.txt"
DEADLINE = 60  # seconds; a probe that hangs is killed and fails
MEMORY_LIMIT = 2 * 1024**3  # bytes of address space: reading /dev/zero must not get far
ESC_NAME = "\x1b]52;c;SGVsbG8=\x07\x1b[2Jx.txt"  # OSC 52 writes the clipboard; CSI 2J clears
# RIGHT-TO-LEFT OVERRIDE: on a terminal doing bidi, "report\u202etxt.exe" shows as
# "reportexe.txt" and reorders the rest of the line.
RLO_NAME = "report\u202etxt.exe\u2066.txt"
ENTRY_POINT = "import sys; from seedread.cli import main; sys.exit(main())"  # the script's
RAW_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@dataclass
class Probe:
    name: str
    setup: Callable[[Path], list[str]]  # builds inputs under the folder; returns the argv
    code: int
    stderr: str | None  # a regex the one stderr line must match; None: stderr must be empty
    check: Callable[[str, Path], None] | None = None  # more about stdout and the folders
    env: dict[str, str] = field(default_factory=dict)


def seed_folder(inputs: Path, name: str = "a.txt") -> Path:
    inputs.mkdir(parents=True, exist_ok=True)
    article = inputs / name
    article.write_bytes(SEED.read_bytes())
    return article


def fifo_named_txt(inputs: Path) -> list[str]:
    inputs.mkdir()
    os.mkfifo(inputs / "fifo.txt")
    return ["cat", str(inputs / "fifo.txt")]


def fifo_in_a_folder(inputs: Path) -> list[str]:
    seed_folder(inputs)
    os.mkfifo(inputs / "fifo.txt")
    return ["cat", "--width", "60", str(inputs)]


def symlink_to_dev_zero(inputs: Path) -> list[str]:
    inputs.mkdir()
    (inputs / "zero.txt").symlink_to("/dev/zero")
    return ["cat", str(inputs / "zero.txt")]


def same_file_twice(inputs: Path) -> list[str]:
    article = seed_folder(inputs)
    return ["cat", "--info", str(article), str(article)]


def folder_and_its_file(inputs: Path) -> list[str]:
    article = seed_folder(inputs)
    return ["extract", "--format", "jsonl", str(inputs), str(article)]


def latin1_file(inputs: Path) -> list[str]:
    inputs.mkdir()
    text = "Le café était très bon. Ça va, élève ? Déjà vu à Paris.\nUne deuxième ligne.\n"
    (inputs / "latin1.txt").write_bytes(text.encode("latin-1"))
    return ["cat", str(inputs / "latin1.txt")]


def huge_width(inputs: Path) -> list[str]:
    return ["cat", "--width", "1000000000", str(seed_folder(inputs))]


def heart_with_vs16(inputs: Path) -> list[str]:
    inputs.mkdir()
    (inputs / "heart.txt").write_text("قلب ❤️ ❤️ ❤️ ❤️ ❤️ ❤️ ❤️\n❤️ ❤️ ❤️ ❤️ ❤️\n", encoding="utf-8")
    return ["cat", "--width", "7", str(inputs / "heart.txt")]


def parenthesis_of_no_break_space(inputs: Path) -> list[str]:
    inputs.mkdir()
    (inputs / "nbsp.txt").write_text("قال المسؤول ( \u00a0 ) إن الجيش وصل.\n", encoding="utf-8")
    return ["extract", str(inputs / "nbsp.txt")]


def with_gazetteer(toml: str) -> Callable[[Path], list[str]]:
    def setup(inputs: Path) -> list[str]:
        article = seed_folder(inputs)
        (inputs / ".seedread").mkdir()
        (inputs / ".seedread" / "gazetteer.toml").write_text(toml, encoding="utf-8")
        return ["extract", str(article)]
    return setup


def reviewed_corpus(inputs: Path, damage: Callable[[sqlite3.Connection], None]) -> list[str]:
    document = write_article(inputs)
    with ReviewStore.open(inputs, reviewer="ana") as store:
        review = store.document(document)
        review.accept(review.reviewed(analysis_of(document)).mentions[:2])
    connection = sqlite3.connect(inputs / ".seedread" / "review.db")
    damage(connection)
    connection.commit()
    connection.close()
    return ["export", str(inputs), "--format", "jsonl"]


def malformed_decision_json(inputs: Path) -> list[str]:
    return reviewed_corpus(
        inputs, lambda c: c.execute("UPDATE decisions SET after = '{not json'"))


def decision_state_of_wrong_shape(inputs: Path) -> list[str]:
    return reviewed_corpus(
        inputs, lambda c: c.execute("""UPDATE decisions SET after = '[{"key": 1}]'"""))


def negative_user_version(inputs: Path) -> list[str]:
    return reviewed_corpus(inputs, lambda c: c.execute("PRAGMA user_version = -3"))


def review_planted_in_a_parent(inputs: Path) -> list[str]:
    """A review.db higher up (think /tmp/.seedread) with a decision on sub/article.txt."""
    document = write_article(inputs, "sub/article.txt")
    with ReviewStore.open(inputs, reviewer="mallory") as store:
        review = store.document(document)
        review.accept(review.reviewed(analysis_of(document)).mentions)
    return ["export", str(document.path), "--format", "jsonl"]


def missing_file_with_escapes(inputs: Path) -> list[str]:
    inputs.mkdir()
    return ["cat", str(inputs / ESC_NAME)]


def skipped_file_with_escapes(inputs: Path) -> list[str]:
    seed_folder(inputs)
    (inputs / ESC_NAME).write_bytes(b"")
    return ["cat", "--width", "60", str(inputs)]


def skipped_file_with_a_bidi_override(inputs: Path) -> list[str]:
    seed_folder(inputs)
    (inputs / RLO_NAME).write_bytes(b"")
    return ["cat", "--width", "60", str(inputs)]


def info_of_file_with_escapes(inputs: Path) -> list[str]:
    return ["cat", "--info", str(seed_folder(inputs, ESC_NAME))]


def tsv_of_file_with_escapes(inputs: Path) -> list[str]:
    return ["extract", "--format", "tsv", str(seed_folder(inputs, ESC_NAME))]


def hostile_text(inputs: Path) -> Path:
    inputs.mkdir()
    article = inputs / "controls.txt"
    article.write_text("زار الرئيس \x1b]52;c;SGVsbG8=\x07 بشار الأسد \x9b2J مدينة حلب.\n",
                       encoding="utf-8")
    return article


def conll_of_control_characters(inputs: Path) -> list[str]:
    return ["export", str(hostile_text(inputs)), "--format", "conll"]


def json_of_c1_characters(inputs: Path) -> list[str]:
    return ["extract", "--format", "json", str(hostile_text(inputs))]


def jsonl_export_of_c1_characters(inputs: Path) -> list[str]:
    return ["export", str(hostile_text(inputs)), "--format", "jsonl"]


def brat_over_another_corpus(inputs: Path) -> list[str]:
    """--out already holds another corpus's article of the same name."""
    write_article(inputs / "corpus")
    write_article(inputs / "theirs", text="نص آخر لا يخص هذا المشروع.\n")
    return ["export", str(inputs / "corpus"), "--format", "brat", "--out", str(inputs / "theirs")]


def export_into_a_symlink(inputs: Path) -> list[str]:
    write_article(inputs / "corpus")
    (inputs / "out").mkdir()
    (inputs / "victim").write_text("precious\n", encoding="utf-8")
    (inputs / "out" / "annotations.jsonl").symlink_to(inputs / "victim")
    return ["export", str(inputs / "corpus"), "--format", "jsonl", "--out", str(inputs / "out")]


def brat_through_a_symlinked_folder(inputs: Path) -> list[str]:
    write_article(inputs / "corpus", "news/article.txt")
    (inputs / "elsewhere").mkdir()
    (inputs / "out").mkdir()
    (inputs / "out" / "news").symlink_to(inputs / "elsewhere")
    return ["export", str(inputs / "corpus"), "--format", "brat", "--out", str(inputs / "out")]


def no_raw_controls(stdout: str, _: Path) -> None:
    assert not RAW_CONTROLS.search(stdout), repr(stdout[:300])


def one_document_printed(stdout: str, _: Path) -> None:
    assert stdout.count("path: ") == 1, stdout


def one_jsonl_record(stdout: str, _: Path) -> None:
    assert len(stdout.splitlines()) == 1


def article_printed(stdout: str, _: Path) -> None:
    assert stdout.count("\n") > 5


def fits_the_width(stdout: str, _: Path) -> None:
    widths = [cell_len(line) for line in stdout.splitlines()]
    assert widths and max(widths) == 7, widths


def valid_json(stdout: str, _: Path) -> None:
    assert json.loads(stdout)[0]["path"].endswith("nbsp.txt")


def json_escapes_c1(stdout: str, tmp: Path) -> None:
    no_raw_controls(stdout, tmp)
    assert "\\u009b" in stdout


def nobody_reviewed(stdout: str, _: Path) -> None:
    (record,) = map(json.loads, stdout.splitlines())
    assert {span["status"] for span in record["spans"]} == {"unreviewed"}


PROBES = [
    Probe("fifo named .txt", fifo_named_txt, 1, r"fifo\.txt: not a regular file \(a FIFO\)"),
    Probe("fifo in a folder is skipped", fifo_in_a_folder, 0,
          r"warning: skipped .*fifo\.txt: not a regular file", article_printed),
    Probe("symlink to /dev/zero", symlink_to_dev_zero, 1, r"zero\.txt: not a regular file"),
    Probe("the same file twice", same_file_twice, 0, None, one_document_printed),
    Probe("a folder and its own file", folder_and_its_file, 0, None, one_jsonl_record),
    Probe("Latin-1 is not ISO-8859-6", latin1_file, 1, r"latin1\.txt: .*garbled"),
    Probe("--width 1000000000", huge_width, 2, r"width must be from 1 to 10,000"),
    Probe("emoji with VS16 fits --width", heart_with_vs16, 0, None, fits_the_width),
    Probe("( no-break space )", parenthesis_of_no_break_space, 0, None, valid_json),
    Probe("gazetteer id is a list",
          with_gazetteer('[[entity]]\nid = ["x"]\nname = "آفي ديختر"\ntype = "PER"\n'),
          1, r"gazetteer\.toml: id of .* must be a string"),
    Probe("glossary term of only harakat",
          with_gazetteer('[[glossary]]\nterm = "\u064e\u064f"\ngloss = "x"\n'),
          1, r"gazetteer\.toml: glossary term .* has no letters"),
    Probe("arrays nested 5,000 deep", with_gazetteer("x = " + "[" * 5000 + "]" * 5000 + "\n"),
          1, r"gazetteer\.toml: not valid TOML \(values nested too deep\)"),
    Probe("review.db: decision JSON malformed", malformed_decision_json, 1,
          r"review\.db: decision 1 cannot be read"),
    Probe("review.db: decision state of the wrong shape", decision_state_of_wrong_shape, 1,
          r"review\.db: decision 1 cannot be read"),
    Probe("review.db: negative user_version", negative_user_version, 1,
          r"schema version -3, which no seedread writes"),
    Probe("review.db planted in a parent folder", review_planted_in_a_parent, 0, None,
          nobody_reviewed),
    Probe("error line: file name with escapes", missing_file_with_escapes, 1,
          r"\\x1b\]52;c;SGVsbG8=\\x07\\x1b\[2Jx\.txt: no such file"),
    Probe("skipped line: file name with escapes", skipped_file_with_escapes, 0,
          r"warning: skipped .*\\x1b\]52;c;SGVsbG8=\\x07.*empty file", article_printed),
    Probe("skipped line: file name with a bidi override", skipped_file_with_a_bidi_override, 0,
          r"warning: skipped .*report\\u202etxt\.exe\\u2066\.txt.*empty file", article_printed),
    Probe("cat --info: file name with escapes", info_of_file_with_escapes, 0, None,
          no_raw_controls),
    Probe("extract tsv: file name with escapes", tsv_of_file_with_escapes, 0, None,
          no_raw_controls),
    Probe("export conll: ESC, BEL and C1 in the text", conll_of_control_characters, 0, None,
          no_raw_controls),
    Probe("extract json: C1 in the text", json_of_c1_characters, 0, None, json_escapes_c1),
    Probe("export jsonl: C1 in the text", jsonl_export_of_c1_characters, 0, None,
          json_escapes_c1),
    Probe("brat --out over another corpus", brat_over_another_corpus, 1,
          r"article\.txt exists and was not written by seedread.*--force"),
    Probe("export --out into a symlink", export_into_a_symlink, 1,
          r"annotations\.jsonl is a symbolic link; seedread never writes through one"),
    Probe("brat --out through a symlinked folder", brat_through_a_symlinked_folder, 1,
          r"news is a symbolic link; seedread never writes through one"),
]


def snapshot(folder: Path) -> dict[str, object]:
    """Every file, folder and link under `folder` with its content or target."""
    found: dict[str, object] = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(root, name)
            key = str(path.relative_to(folder))
            if path.is_symlink():
                found[key] = ("link", os.readlink(path))
            elif path.is_dir():
                found[key] = "folder"
            elif path.is_file():
                found[key] = path.read_bytes()
            else:
                found[key] = "special"
    return found


def limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_probe(argv: list[str], tmp_path: Path, env: dict[str, str],
              entry: tuple[str, ...] = ("-c", ENTRY_POINT)) -> subprocess.CompletedProcess:
    environment = {**os.environ, "SEEDREAD_DATA_DIR": str(tmp_path / "data"), "COLUMNS": "80",
                   **env}
    try:
        return subprocess.run(
            [sys.executable, *entry, *argv], capture_output=True, text=True,
            encoding="utf-8", errors="surrogateescape", timeout=DEADLINE, env=environment,
            stdin=subprocess.DEVNULL, preexec_fn=limit_memory,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"seedread {' '.join(argv)!r} still running after {DEADLINE} s")


@pytest.mark.parametrize("probe", PROBES, ids=[p.name for p in PROBES])
def test_probe(probe: Probe, tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    argv = probe.setup(inputs)
    before = snapshot(inputs)
    done = run_probe(argv, tmp_path, probe.env)
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == probe.code, done.stderr
    if probe.stderr is None:
        assert done.stderr == ""
    else:
        assert done.stderr.count("\n") == 1, done.stderr
        assert re.search(probe.stderr, done.stderr), done.stderr
        assert not RAW_CONTROLS.search(done.stderr.rstrip("\n")), repr(done.stderr)
    if probe.check is not None:
        probe.check(done.stdout, tmp_path)
    assert snapshot(inputs) == before, "the probe changed files on disk"


def test_brat_force_replaces_the_other_corpus_and_then_needs_no_force(tmp_path):
    """--force is the way over a foreign file; afterwards the files are seedread's own and a
    second export replaces them without it."""
    inputs = tmp_path / "inputs"
    argv = brat_over_another_corpus(inputs)
    assert run_probe([*argv, "--force"], tmp_path, {}).returncode == 0
    assert (inputs / "theirs" / "article.txt").read_text(encoding="utf-8") == ARTICLE
    again = run_probe(argv, tmp_path, {})
    assert again.returncode == 0, again.stderr


def test_python_m_seedread_cli_reports_a_verbs_error_in_one_line(tmp_path):
    """Run as `python -m seedread.cli` (as the tmux tests do), a verb's CommandError is
    still caught: the module is `__main__` then, a different module from `seedread.cli`."""
    inputs = tmp_path / "inputs"
    argv = export_into_a_symlink(inputs)
    done = run_probe(argv, tmp_path, {}, entry=("-m", "seedread.cli"))
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert done.stderr.count("\n") == 1

"""The reader's palette export: written atomically into `<folder>/.seedread/export`, never
through a symlink planted there (a hostile folder must not make the reader overwrite a file
elsewhere), and in every format the CLI writes."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from seedread.analysis import analyze
from seedread.app.export_commands import FORMAT_NAMES, export
from seedread.app.review_service import ReviewService
from seedread.review.writers import FORMATS
from seedread.text.document import load_document

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_dce8252990c8ebab.txt"


class FakeApp:
    """What `export` uses of the app: the review thread, the analysis, notifications."""

    def __init__(self, folder: Path) -> None:
        self.review = ReviewService("tester", folder_of=lambda document: folder)
        self.notes: list[tuple[str, dict]] = []

    def analysis_of(self, document):
        return analyze(document, model=False)

    def call_from_thread(self, function, *args, **kwargs):
        return function(*args, **kwargs)

    def notify(self, message, **kwargs):
        self.notes.append((message, kwargs))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    return folder


def test_every_cli_format_can_be_exported_from_the_reader():
    assert set(FORMAT_NAMES) == set(FORMATS)


@pytest.mark.parametrize("fmt", ["jsonl", "json", "conll", "doccano"])
def test_the_export_lands_in_the_review_folder(folder: Path, fmt: str):
    app = FakeApp(folder)
    document = load_document(folder / SEED.name)
    target = export(app, [document], "seed", fmt)
    app.review.close()
    assert target is not None and target.parent == folder / ".seedread" / "export"
    assert target.stat().st_size > 0
    assert not [p for p in target.parent.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("fmt", ["jsonl", "brat"])
def test_a_symlink_planted_in_the_export_folder_is_not_written_through(folder: Path, tmp_path: Path, fmt: str):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    export_folder = folder / ".seedread" / "export"
    export_folder.mkdir(parents=True)
    os.symlink(victim, export_folder / ("seed.jsonl" if fmt == "jsonl" else "brat"))
    app = FakeApp(folder)
    document = load_document(folder / SEED.name)
    assert export(app, [document], "seed", fmt) is None
    app.review.close()
    assert victim.read_text(encoding="utf-8") == "precious"
    message, options = app.notes[-1]
    assert options.get("severity") == "error" and "\n" not in message


def test_a_symlinked_export_folder_is_refused(folder: Path, tmp_path: Path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (folder / ".seedread").mkdir()
    os.symlink(elsewhere, folder / ".seedread" / "export")
    app = FakeApp(folder)
    document = load_document(folder / SEED.name)
    assert export(app, [document], "seed", "json") is None
    app.review.close()
    assert list(elsewhere.iterdir()) == []

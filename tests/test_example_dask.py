"""examples/dask_extract.py: the same records as `seedread extract --format jsonl`, in order,
and a bad file as an error record; skipped where Dask is not installed (`seedread[dask]`)."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest

from seedread.cli import main

pytest.importorskip("dask.bag")

ROOT = Path(__file__).resolve().parent.parent
GOLD = sorted((ROOT / "tests" / "gold").glob("*.txt"))


def example():
    spec = importlib.util.spec_from_file_location("dask_extract", ROOT / "examples" / "dask_extract.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_dask_bag_gives_the_records_extract_prints(tmp_path, capsys):
    folder = tmp_path / "archive"
    folder.mkdir()
    for source in GOLD:
        shutil.copy(source, folder / source.name)
    assert main(["extract", "--jobs", "1", "--format", "jsonl", str(folder)]) == 0
    printed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    (folder / "zz_empty.txt").write_bytes(b"")
    records = example().extract_folder(folder, partitions=3).compute(scheduler="sync")
    assert records[:-1] == printed and len(printed) == len(GOLD)
    assert records[-1]["path"].endswith("zz_empty.txt") and "empty" in records[-1]["error"]

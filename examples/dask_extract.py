"""Extract an archive of articles on a Dask cluster: `dask.bag` over the files, one
`seedread.analysis.extract_file` call per file, one JSON record a line in the files' order.

    pip install 'seedread[dask]'
    python examples/dask_extract.py ARCHIVE_FOLDER [--scheduler tcp://HOST:8786] > out.jsonl

Without --scheduler Dask runs on this machine's processes. A file that cannot be read, or a
folder whose .seedread/gazetteer.toml is bad, becomes a record {"path", "error"} instead of
stopping the run.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import dask.bag as db

from seedread.analysis import extract_file
from seedread.analysis.gazetteer import GazetteerError
from seedread.text.document import DocumentError, article_files
from seedread.text.untrusted import json_text


def record(path: str) -> dict:
    """The file's record, or {"path", "error"} for the one-line reason it failed."""
    try:
        return extract_file(path)
    except (DocumentError, GazetteerError) as exc:
        return {"path": path, "error": str(exc)}


def extract_folder(folder: Path | str, partitions: int = 64) -> db.Bag:
    """A bag of the folder's records (every .txt and .md under it, sorted), not yet computed."""
    files = [str(path) for path in article_files(Path(folder))]
    return db.from_sequence(files, npartitions=max(1, min(partitions, len(files)))).map(record)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--scheduler", help="address of a dask.distributed scheduler")
    args = parser.parse_args()
    bag = extract_folder(args.folder)
    if args.scheduler:
        from dask.distributed import Client

        with Client(args.scheduler):
            records = bag.compute()
    else:
        records = bag.compute(scheduler="processes")
    for data in records:
        sys.stdout.write(json_text(data) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""`seedread export PATH… --format jsonl|doccano|label-studio|brat|conll|json`: the
extractor's entities with the review decisions applied, in a standard annotation format.

Each article's review is found the way the reader finds it (`review.review_folder`), and
that folder's `.seedread/gazetteer.toml` feeds the extractor; an article nobody has reviewed
exports as all-unreviewed, and no review database is created.
The stream formats go to stdout unless --out names a folder; brat is a folder of files and
needs --out.
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Iterator
from pathlib import Path

from seedread.analysis import analyze
from seedread.analysis.gazetteer import GazetteerError
from seedread.cli import CommandError
from seedread.review import ReviewStore, ReviewStoreError, apply_decisions, review_folder
from seedread.review.export import ExportError, ExportItem, write_export
from seedread.review.export_brat import write_brat
from seedread.review.export_conll import write_conll
from seedread.review.writers import FORMATS, STREAM_WRITERS, file_name
from seedread.commands.arguments import add_model, add_paths, open_paths
from seedread.review.location import path_key
from seedread.text.document import Document
from seedread.text.untrusted import printable



def configure(parser: argparse.ArgumentParser) -> None:
    add_paths(parser)
    parser.add_argument("--format", required=True, choices=FORMATS,
                        help="jsonl (Prodigy), doccano (JSONL), label-studio (JSON tasks), "
                             "brat standoff, conll (BIO), json (all)")
    parser.add_argument("--out", type=Path, metavar="DIR",
                        help="folder to write into (default: stdout; brat needs a folder)")
    parser.add_argument("--only-reviewed", action="store_true",
                        help="leave out spans nobody has accepted or rejected")
    parser.add_argument("--reviewer", metavar="NAME",
                        help="apply only the decisions NAME made (default: everyone's)")
    parser.add_argument("--force", action="store_true",
                        help="brat: replace files in --out that seedread did not write")
    parser.add_argument("--no-docstart", dest="docstart", action="store_false",
                        help="conll: no -DOCSTART- line before each document (for doccano)")
    add_model(parser)


def run(args: argparse.Namespace) -> int:
    if args.format == "brat" and args.out is None:
        raise CommandError("brat standoff is a folder of .txt/.ann files: give --out DIR")
    loaded = open_paths(args.paths)
    try:
        items = list(_items(loaded.documents, args.reviewer, args.model))
        if args.format == "brat":
            written = write_brat(items, args.out, args.only_reviewed, force=args.force)
            sys.stderr.write(f"seedread: wrote {_articles(len(written))} to {printable(args.out)}\n")
        elif args.out is None:
            _writer(args)(items, sys.stdout, args.only_reviewed)
        else:
            target = args.out / file_name(args.format)
            write_export(_writer(args), items, target, args.only_reviewed, inside=args.out)
            sys.stderr.write(f"seedread: wrote {_articles(len(items))} to {printable(target)}\n")
    except (ReviewStoreError, ExportError, GazetteerError) as exc:
        raise CommandError(str(exc)) from None
    return 0


def _articles(count: int) -> str:
    return f"{count} article" if count == 1 else f"{count} articles"


def _writer(args: argparse.Namespace):
    if args.format == "conll":
        return functools.partial(write_conll, docstart=args.docstart)
    return STREAM_WRITERS[args.format]


def _items(documents: list[Document], reviewer: str | None,
           model: bool = True) -> Iterator[ExportItem]:
    """Each document with its reviewed view; every review store is opened once."""
    stores: dict[Path, ReviewStore | None] = {}
    try:
        for document in documents:
            folder = review_folder(document)
            if folder not in stores:
                stores[folder] = ReviewStore.open(folder, create=False)
            store = stores[folder]
            analysis = analyze(document, user_data_dir=folder, model=model)
            if store is None:
                view = apply_decisions(analysis, document.text, [])
                yield ExportItem(document, path_key(folder, document.path), view)
            else:
                review = store.document(document)
                yield ExportItem(document, review.path, review.reviewed(analysis, reviewer=reviewer))
    finally:
        for store in stores.values():
            if store is not None:
                store.close()

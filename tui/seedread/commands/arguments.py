"""Arguments and first steps that several verbs share, so they read and behave the same."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from seedread.text.document import Loaded, load_paths
from seedread.text.layout import BASES
from seedread.text.untrusted import printable


def add_paths(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")


def add_layout_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--base", choices=BASES, default="auto",
                        help="paragraph direction: auto (first strong letter), rtl or ltr")
    parser.add_argument("--harakat", action="store_true",
                        help="keep harakat (they are dropped by default)")


def add_date(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD",
                        help="the articles' date, for relative dates and dates without a year "
                             "(default: Markdown front matter `date:`)")


def add_model(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", action=argparse.BooleanOptionalAction, default=True,
                        help="find names with the learned NER model, the rules and gazetteer "
                             "filling its gaps (default); --no-model: rules and gazetteer only, "
                             "faster and far less accurate on unseen news")


def iso_date(raw: str) -> dt.date:
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{raw!r} is not a date; use YYYY-MM-DD, e.g. 2016-11-07"
        ) from None


def open_paths(paths: list[str]) -> Loaded:
    """Open the articles, warning on stderr about files in folders that were skipped."""
    loaded = load_paths(paths)
    for skipped in loaded.skipped:
        sys.stderr.write(f"seedread: warning: skipped {printable(skipped)}\n")
    return loaded

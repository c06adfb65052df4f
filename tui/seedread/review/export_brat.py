"""brat standoff: for each article NAME.txt (the exact text the offsets refer to) and
NAME.ann with, per span, a `T` line, an `A` line with its review status (accepted,
rejected, unreviewed or stale: rejected spans are kept, a reviewer's negatives), an `N`
line linking it to its entity (`seedread:ID`, the id with whitespace and % percent-encoded
to fit brat's `DB:ID`) and a `#` AnnotatorNotes line with where it came from; plus
annotation.conf declaring the types and the Status attribute, so brat can filter and
colour by status.

brat's rules: offsets are code points into NAME.txt; an annotation's text field is one line,
so a span crossing a line break is written as discontinuous fragments ("11 15;16 20"),
one per line, and its text as the fragments joined by a space.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from seedread.analysis.model import ENTITY_TYPES
from seedread.review.export import ExportError, ExportItem, status_spans
from seedread.review.reviewed import ReviewedMention

STATUSES = ("accepted", "rejected", "unreviewed", "stale")
ANNOTATION_CONF = (
    "[entities]\n" + "".join(f"{label}\n" for label in ENTITY_TYPES)
    + "[relations]\n<OVERLAP> Arg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n"
    + "[events]\n[attributes]\n"
    + f"Status Arg:<ENTITY>, Value:{'|'.join(STATUSES)}\n"
)
NORMALIZATION_DB = "seedread"


def ann_text(item: ExportItem, only_reviewed: bool = False) -> str:
    text = item.document.text
    lines = []
    for number, mention in enumerate(status_spans(item, only_reviewed), 1):
        fragments = _fragments(text, mention)
        offsets = ";".join(f"{a} {b}" for a, b in fragments)
        surface = " ".join(text[a:b] for a, b in fragments)
        lines.append(f"T{number}\t{mention.label} {offsets}\t{surface}")
        lines.append(f"A{number}\tStatus T{number} {mention.status}")
        lines.append(f"N{number}\tReference T{number} {NORMALIZATION_DB}:"
                     f"{normalization_id(mention.entity_id)}\t{_one_line(mention.entity_name)}")
        lines.append(f"#{number}\tAnnotatorNotes T{number}\tsource={mention.source}")
    return "".join(line + "\n" for line in lines)


def normalization_id(entity_id: str) -> str:
    """The entity id as brat's \\S+ : % and every whitespace character percent-encoded, so
    `urllib.parse.unquote` gives the id back."""
    return "".join(quote(c, safe="") if c == "%" or c.isspace() else c for c in entity_id)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def write_brat(items: Iterable[ExportItem], out_dir: Path, only_reviewed: bool = False) -> list[Path]:
    """Write the collection under out_dir; returns the .ann files written. Refuses, before
    writing anything, to replace an article being exported."""
    taken: set[str] = set()
    planned = [(item, out_dir / _name(item.path, taken)) for item in items]
    articles = {Path(item.document.path).resolve() for item, _ in planned}
    for _, base in planned:
        if base.with_name(base.name + ".txt").resolve() in articles:
            raise ExportError(f"{out_dir} holds the articles themselves; choose another --out folder")
    written = []
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        (out_dir / "annotation.conf").write_text(ANNOTATION_CONF, encoding="utf-8")
        for item, base in planned:
            base.parent.mkdir(parents=True, exist_ok=True)
            base.with_name(base.name + ".txt").write_text(
                item.document.text, encoding="utf-8", newline="")
            ann = base.with_name(base.name + ".ann")
            ann.write_text(ann_text(item, only_reviewed), encoding="utf-8", newline="")
            written.append(ann)
    except OSError as exc:
        raise ExportError(f"cannot write the brat files in {out_dir} ({exc.strerror or exc})") from None
    return written


def _name(path: str, taken: set[str]) -> str:
    """NAME for an article: its path without the suffix, or with it when two articles
    (a.txt and a.md) would share a name."""
    pure = PurePosixPath(path.lstrip("/"))
    name = str(pure.with_suffix(""))
    if name in taken:
        name = str(pure)
    taken.add(name)
    return name


def _fragments(text: str, mention: ReviewedMention) -> list[tuple[int, int]]:
    fragments = []
    start = mention.start
    for line in text[mention.start : mention.end].split("\n"):
        a, b = start, start + len(line)
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            fragments.append((a, b))
        start += len(line) + 1
    return fragments

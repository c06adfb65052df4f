"""brat standoff: for each article NAME.txt (the exact text the offsets refer to) and
NAME.ann with one `T` line per entity span and a `#` AnnotatorNotes line with its review
status; plus annotation.conf declaring the types so the collection loads in brat.

brat's rules: offsets are code points into NAME.txt; an annotation's text field is one line,
so a span crossing a line break is written as discontinuous fragments ("11 15;16 20"),
one per line, and its text as the fragments joined by a space.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from seedread.analysis.model import ENTITY_TYPES
from seedread.review.export import ExportError, ExportItem, entity_spans
from seedread.review.reviewed import ReviewedMention

ANNOTATION_CONF = (
    "[entities]\n" + "".join(f"{label}\n" for label in ENTITY_TYPES)
    + "[relations]\n<OVERLAP> Arg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n"
    + "[events]\n[attributes]\n"
)


def ann_text(item: ExportItem, only_reviewed: bool = False) -> str:
    text = item.document.text
    lines = []
    for number, mention in enumerate(entity_spans(item, only_reviewed), 1):
        fragments = _fragments(text, mention)
        offsets = ";".join(f"{a} {b}" for a, b in fragments)
        surface = " ".join(text[a:b] for a, b in fragments)
        lines.append(f"T{number}\t{mention.label} {offsets}\t{surface}")
        lines.append(
            f"#{number}\tAnnotatorNotes T{number}\t"
            f"status={mention.status} entity={mention.entity_id} source={mention.source}"
        )
    return "".join(line + "\n" for line in lines)


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

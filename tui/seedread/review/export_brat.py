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

The folder may already hold another corpus: a file there is replaced only if seedread
wrote it (a manifest of hashes), never through a symlink, and always atomically.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from seedread.analysis.model import ENTITY_TYPES
from seedread.review.export import ExportError, ExportItem, status_spans
from seedread.review.reviewed import ReviewedMention
from seedread.text.files import UnsafeFileError, atomic_write, make_folder, refuse_symlink

STATUSES = ("accepted", "rejected", "unreviewed", "stale")
ANNOTATION_CONF = (
    "[entities]\n" + "".join(f"{label}\n" for label in ENTITY_TYPES)
    + "[relations]\n<OVERLAP> Arg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n"
    + "[events]\n[attributes]\n"
    + f"Status Arg:<ENTITY>, Value:{'|'.join(STATUSES)}\n"
)
# The files seedread wrote in an output folder, and the hashes of what it wrote: a file not
# listed (or changed since) belongs to someone else and is not replaced without --force.
MANIFEST = ".seedread-brat.json"
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


def write_brat(items: Iterable[ExportItem], out_dir: Path, only_reviewed: bool = False,
               *, force: bool = False, inside: Path | None = None) -> list[Path]:
    """Write the collection under out_dir; returns the .ann files written.

    Before writing anything it refuses to replace an article being exported, to write
    through a symlink (in out_dir, or in any folder between `inside` and it), and, unless
    `force`, to replace a file seedread did not write there (see `MANIFEST`). Every file
    is written atomically."""
    out_dir = Path(out_dir)
    taken: set[str] = set()
    planned = [(item, out_dir / _name(item.path, taken)) for item in items]
    articles = {Path(item.document.path).resolve() for item, _ in planned}
    for _, base in planned:
        if base.with_name(base.name + ".txt").resolve() in articles:
            raise ExportError(f"{out_dir} holds the articles themselves; choose another --out folder")
    files = {out_dir / "annotation.conf": ANNOTATION_CONF}
    for item, base in planned:
        files[base.with_name(base.name + ".txt")] = item.document.text
        files[base.with_name(base.name + ".ann")] = ann_text(item, only_reviewed)
    try:
        guard = inside if inside is not None else out_dir
        for path in files:
            refuse_symlink(path, guard)
        manifest = _read_manifest(out_dir)
        if not force:
            _refuse_foreign(files, manifest, out_dir)
        make_folder(out_dir, guard)
        for path, content in files.items():
            key = path.relative_to(out_dir).as_posix()
            manifest[key] = [*manifest.get(key, [])[-1:], _digest(content.encode("utf-8"))]
        # Listed before the files are written, so a kill half-way leaves each file either
        # as it was or as written, and both are known as seedread's.
        atomic_write(out_dir / MANIFEST, json.dumps(manifest, indent=1, sort_keys=True), guard)
        for path, content in files.items():
            make_folder(path.parent, guard)
            atomic_write(path, content, guard)
    except UnsafeFileError as exc:
        raise ExportError(str(exc)) from None
    except OSError as exc:
        raise ExportError(f"cannot write the brat files in {out_dir} ({exc.strerror or exc})") from None
    return [path for path in files if path.suffix == ".ann"]


def _refuse_foreign(files: dict[Path, str], manifest: dict[str, list[str]], out_dir: Path) -> None:
    """An existing file may be replaced only when it is what seedread wrote there (its hash
    is in the manifest) or already holds the new content."""
    for path, content in files.items():
        try:
            current = _digest(path.read_bytes())
        except FileNotFoundError:
            continue
        except IsADirectoryError:
            raise ExportError(f"{path} is a folder; choose another --out folder") from None
        key = path.relative_to(out_dir).as_posix()
        if current != _digest(content.encode("utf-8")) and current not in manifest.get(key, []):
            raise ExportError(
                f"{path} exists and was not written by seedread; nothing was written "
                "(use --force to replace it, or choose another --out folder)"
            )


def _read_manifest(out_dir: Path) -> dict[str, list[str]]:
    """What seedread wrote in out_dir before: path -> hashes of the contents it wrote. A
    missing, damaged or symlinked manifest counts as empty (nothing is ours)."""
    path = out_dir / MANIFEST
    if path.is_symlink():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: [h for h in v if isinstance(h, str)] for k, v in data.items()
            if isinstance(k, str) and isinstance(v, list)}


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


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

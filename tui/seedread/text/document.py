"""Documents: an article file read, decoded, normalised and split into paragraphs.

Every offset seedread stores (entity mentions, timeline spans, review decisions, the reading
position) is a code-point offset into `Document.text`, the NFC, LF-only text, and
`Document.sha256` names exactly that text.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from seedread.text.decoding import UndecodableError, decode_bytes
from seedread.text.files import UnsafeFileError, read_regular_file

ARTICLE_SUFFIXES = (".txt", ".md")
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_PARAGRAPH_CHARS = 100_000

_NEWLINES = re.compile("\r\n|[\r\u0085\u2028\u2029]")
_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")
_HEADING = re.compile(r"#{1,6}[ \t]+")
_FRONT_MATTER = re.compile(r"---[ \t]*\n(.*?\n)---[ \t]*(?:\n|$)", re.DOTALL)
_FRONT_MATTER_FIELD = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$", re.MULTILINE)


class DocumentError(Exception):
    """A file or folder that cannot be opened as an article, with the reason."""

    def __init__(self, path: Path | str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = Path(path)
        self.problem = problem


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph as a [start, end) range of the document text."""

    start: int
    end: int
    heading: bool = False


@dataclass(frozen=True)
class Document:
    path: Path
    text: str
    encoding: str
    paragraphs: tuple[Paragraph, ...]
    meta: dict[str, str] = field(default_factory=dict)
    folder: Path | None = None  # the folder opened that holds it; None for a file named alone

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @cached_property
    def title(self) -> str:
        """The first heading, else the first paragraph, shortened to a line."""
        chosen = next((p for p in self.paragraphs if p.heading), self.paragraphs[0])
        title = " ".join(self.text[chosen.start : chosen.end].split())
        return title if len(title) <= 120 else title[:119].rstrip() + "…"

    @cached_property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def home(self) -> Path:
        """The folder whose `.seedread/` serves this article (its review, its gazetteer): the
        folder opened, or a file's own folder. Never a parent further up."""
        return self.folder if self.folder is not None else Path(self.path).resolve().parent

    def paragraph_text(self, paragraph: Paragraph) -> str:
        return self.text[paragraph.start : paragraph.end]


def normalise(text: str) -> str:
    """NFC with LF line ends: the one form every offset refers to."""
    return unicodedata.normalize("NFC", _NEWLINES.sub("\n", text))


def parse_text(text: str, path: Path | str = "<text>", encoding: str = "UTF-8") -> Document:
    """Build a Document from already decoded text (normalising it first)."""
    path = Path(path)
    text = normalise(text)
    meta, body_start = _front_matter(text) if path.suffix == ".md" else ({}, 0)
    if path.suffix == ".md":
        paragraphs = list(_markdown_paragraphs(text, body_start))
    else:
        paragraphs = list(_line_paragraphs(text, body_start))
    if not paragraphs:
        raise DocumentError(path, "empty file (no text)")
    for number, paragraph in enumerate(paragraphs, 1):
        if paragraph.end - paragraph.start > MAX_PARAGRAPH_CHARS:
            raise DocumentError(
                path,
                f"paragraph {number} is {paragraph.end - paragraph.start:,} characters long; "
                f"the limit is {MAX_PARAGRAPH_CHARS:,}",
            )
    return Document(path, text, encoding, tuple(paragraphs), meta)


def load_document(path: Path | str) -> Document:
    """Read one article file; raise DocumentError with a one-line reason on any problem."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise DocumentError(path, "is a folder, not an article file")
        if size > MAX_FILE_BYTES:
            raise DocumentError(
                path,
                f"file is too large ({size / 1024 / 1024:.1f} MiB; "
                f"the limit is {MAX_FILE_BYTES // 1024 // 1024} MiB)",
            )
        data = read_regular_file(path, MAX_FILE_BYTES)
    except UnsafeFileError as exc:
        raise DocumentError(path, str(exc)) from None
    except IsADirectoryError:
        raise DocumentError(path, "is a folder, not an article file") from None
    except FileNotFoundError:
        raise DocumentError(path, "no such file or folder") from None
    except PermissionError:
        raise DocumentError(path, "permission denied (cannot read the file)") from None
    except OSError as exc:
        raise DocumentError(path, f"cannot read the file ({exc.strerror or exc})") from None
    if not data.strip():
        raise DocumentError(path, "empty file (no text)")
    try:
        decoded = decode_bytes(data)
    except UndecodableError as exc:
        raise DocumentError(path, str(exc)) from None
    return parse_text(decoded.text, path, decoded.encoding)


def article_files(folder: Path) -> list[Path]:
    """The folder's .txt and .md files, subfolders included, sorted; hidden ones skipped."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if name.endswith(ARTICLE_SUFFIXES) and not name.startswith("."):
                found.append(Path(root, name))
    return sorted(found)


@dataclass
class Loaded:
    """What a set of command-line paths opened as, and the files skipped on the way."""

    documents: list[Document]
    skipped: list[DocumentError]


def load_paths(paths: Iterable[Path | str]) -> Loaded:
    """Open files and folders: a bad file in a folder is skipped, a bad named file is an error.

    Raises DocumentError when a named path is missing or bad, or when nothing opens at all.
    """
    loaded = Loaded([], [])
    seen: set[Path] = set()

    def first_time(file: Path) -> bool:
        """The same article named twice (`a.txt a.txt`, `dir dir/a.txt`) is opened once."""
        key = file.resolve()
        if key in seen:
            return False
        seen.add(key)
        return True

    for path in map(Path, paths):
        if not path.exists():
            raise DocumentError(path, "no such file or folder")
        if not path.is_dir():
            if first_time(path):
                loaded.documents.append(load_document(path))
            continue
        files = article_files(path)
        if not files:
            raise DocumentError(path, "folder has no .txt or .md articles")
        opened = 0
        for file in files:
            if not first_time(file):
                opened += 1
                continue
            try:
                loaded.documents.append(replace(load_document(file), folder=path.resolve()))
                opened += 1
            except DocumentError as exc:
                loaded.skipped.append(exc)
        if not opened:
            raise DocumentError(path, f"none of the {len(files)} article files could be opened")
    return loaded


def _front_matter(text: str) -> tuple[dict[str, str], int]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, 0
    fields = {
        key.lower(): value.strip("'\"")
        for key, value in _FRONT_MATTER_FIELD.findall(match.group(1))
    }
    return fields, match.end()


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _line_paragraphs(text: str, start: int) -> Iterator[Paragraph]:
    """One paragraph per non-blank line (the seed's form)."""
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        a, b = _trimmed(text, start, end)
        if a < b:
            yield Paragraph(a, b)
        start = end + 1


def _markdown_paragraphs(text: str, start: int) -> Iterator[Paragraph]:
    """Blank lines separate paragraphs; a heading line is a paragraph of its own."""
    blocks = []
    for match in _BLANK_LINES.finditer(text, start):
        blocks.append((start, match.start()))
        start = match.end()
    blocks.append((start, len(text)))
    for block_start, block_end in blocks:
        line_start = block_start
        paragraph_start = None
        while line_start <= block_end:
            line_end = text.find("\n", line_start, block_end)
            line_end = block_end if line_end < 0 else line_end
            heading = _HEADING.match(text, line_start, line_end)
            if heading:
                if paragraph_start is not None:
                    yield from _nonblank(text, paragraph_start, line_start)
                    paragraph_start = None
                a, b = _trimmed(text, heading.end(), line_end)
                if a < b:
                    yield Paragraph(a, b, heading=True)
            elif paragraph_start is None:
                paragraph_start = line_start
            line_start = line_end + 1
        if paragraph_start is not None:
            yield from _nonblank(text, paragraph_start, block_end)


def _nonblank(text: str, start: int, end: int) -> Iterator[Paragraph]:
    a, b = _trimmed(text, start, end)
    if a < b:
        yield Paragraph(a, b)

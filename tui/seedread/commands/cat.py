"""`seedread cat`: an article laid out for a terminal with no bidi support of its own.

Output is one display line per line, RTL lines padded on the left to the width and a blank
line between paragraphs, so `seedread cat FILE | less -R` reads correctly. On a terminal
(never into a pipe) headings are bold, control-character placeholders are reversed, and in
app mode the explicit-direction mode (`CSI 8 l`) is on while we write, so VTE terminals do
not reverse the text a second time.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Iterator

from seedread.commands.arguments import add_layout_options, add_paths, open_paths
from seedread.text.document import Document
from seedread.text.layout import SENDS, DisplayLine, LayoutOptions, PreparedParagraph, single_line
from seedread.text.terminal import explicit_bidi_mode
from seedread.text.untrusted import printable

DEFAULT_WIDTH = 80
MAX_WIDTH = 10_000  # wider than any terminal; padding lines to 10**9 cells exhausts memory
BOLD, REVERSE, RESET = "\x1b[1m", "\x1b[7m", "\x1b[0m"
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def configure(parser: argparse.ArgumentParser) -> None:
    add_paths(parser)
    parser.add_argument("--width", type=_width, help="line width in cells (default: the terminal's, or 80)")
    parser.add_argument("--bidi", choices=SENDS, default="app",
                        help="app: seedread shapes and reorders (default); terminal: logical order "
                             "for terminals that do bidi themselves")
    add_layout_options(parser)
    parser.add_argument("--info", action="store_true",
                        help="print what was read (encoding, title, hash, size) instead of the text")


def run(args: argparse.Namespace) -> int:
    loaded = open_paths(args.paths)
    options = LayoutOptions.sending(args.bidi, base=args.base, keep_harakat=args.harakat)
    out = sys.stdout
    styled = out.isatty()
    width = args.width or terminal_width()
    if args.info:
        for document in loaded.documents:
            out.writelines(info_lines(document, options))
        return 0
    with explicit_bidi_mode(out, enabled=styled and options.mode == "app"):
        for number, document in enumerate(loaded.documents):
            if number:
                out.write("\n")
            out.writelines(document_lines(document, width, options, styled))
    return 0


def document_lines(document: Document, width: int, options: LayoutOptions, styled: bool) -> Iterator[str]:
    """The article as output lines, each ending in a newline."""
    for number, paragraph in enumerate(document.paragraphs):
        if number:
            yield "\n"
        text = document.paragraph_text(paragraph)
        placeholders = _placeholder_spans(text, paragraph.start) if styled else []
        prepared = PreparedParagraph(text, paragraph.start, options)
        for line in prepared.lines(width):
            yield _render(line, width, options, placeholders, styled and paragraph.heading) + "\n"


def info_lines(document: Document, options: LayoutOptions) -> Iterator[str]:
    yield f"path: {printable(document.path)}\n"
    yield f"encoding: {document.encoding}\n"
    yield f"title: {single_line(document.title, None, options).text}\n"
    yield f"sha256: {document.sha256}\n"
    yield f"paragraphs: {len(document.paragraphs)}\n"
    yield f"characters: {len(document.text)}\n"
    yield f"words: {document.words}\n"


def terminal_width() -> int:
    """COLUMNS, else the width of whichever standard stream is a terminal, else 80.

    stderr and stdin count too, so `seedread cat FILE | less` still fits the screen.
    """
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and 0 < int(columns) <= MAX_WIDTH:
        return int(columns)
    for stream in (sys.stdout, sys.stderr, sys.stdin):
        try:
            return os.get_terminal_size(stream.fileno()).columns or DEFAULT_WIDTH
        except (OSError, ValueError, AttributeError):
            continue
    return DEFAULT_WIDTH


def _render(line: DisplayLine, width: int, options: LayoutOptions, placeholders: list, bold: bool) -> str:
    # A terminal that does bidi itself aligns the line; padding would move to the wrong side.
    indent = "" if options.mode == "terminal" else " " * line.indent(width)
    if not placeholders and not bold:
        return indent + line.text
    parts = [indent, BOLD if bold else ""]
    for text, styles in line.runs(placeholders):
        parts.append(f"{REVERSE}{text}{RESET}{BOLD if bold else ''}" if styles else text)
    parts.append(RESET if bold else "")
    return "".join(parts)


def _placeholder_spans(text: str, offset: int) -> list[tuple[int, int, str]]:
    """Spans (document offsets) of the control characters drawn as placeholders in `text`."""
    return [(offset + m.start(), offset + m.end(), "placeholder") for m in _CONTROLS.finditer(text)]


def _width(value: str) -> int:
    try:
        width = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"width must be a whole number, not {value!r}") from None
    if not 1 <= width <= MAX_WIDTH:
        raise argparse.ArgumentTypeError(f"width must be from 1 to {MAX_WIDTH:,}, not {width:,}")
    return width


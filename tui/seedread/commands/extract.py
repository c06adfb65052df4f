"""`seedread extract PATH… [--format json|jsonl|tsv] [--date YYYY-MM-DD] [--no-model]
[--with-text] [--jobs N]`: print the analysis of each article (entities with mentions,
timeline, glossary) for scripts, in the shape of data/schemas/extract.schema.json.

Offsets index the normalised text (NFC, LF line ends), not the bytes on disk, which may be
CRLF, NFD or cp1256: --with-text puts that text in each document.

Articles are analysed in `--jobs` processes (default: every core this process may use) and
printed in the order `--jobs 1` prints them, byte for byte. A file that fails is one line on
stderr and the rest still run; the exit code is then 1."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from functools import partial
from pathlib import Path

from seedread.analysis.extract import analysis_of, as_dict
from seedread.analysis.gazetteer import GazetteerError
from seedread.analysis.model import Analysis
from seedread.analysis.pipeline import document_date
from seedread.commands.arguments import add_date, add_model, add_paths
from seedread.commands.batch import default_jobs, jobs_argument, run_batch
from seedread.text.document import DocumentError, article_files, load_document
from seedread.text.untrusted import json_text, printable

FORMATS = ("json", "jsonl", "tsv")
TSV_HEADER = ("path", "kind", "start", "end", "label", "text", "detail")
OK, SKIPPED, FAILED = "ok", "skipped", "failed"


def configure(parser: argparse.ArgumentParser) -> None:
    add_paths(parser)
    parser.add_argument("--format", choices=FORMATS, default="json",
                        help="json (one array), jsonl (one document a line) or tsv")
    add_date(parser)
    add_model(parser)
    parser.add_argument("--with-text", action="store_true",
                        help="json/jsonl: include the normalised text the offsets index")
    parser.add_argument("--jobs", type=jobs_argument, default=None, metavar="N",
                        help="analyse N articles at a time in separate processes "
                             "(default: one per core)")


def _cell(value) -> str:
    text = "" if value is None else str(value)
    return printable(text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n"))


def tsv_rows(analysis: Analysis):
    path = analysis.path
    for entity in analysis.entities:
        for mention in entity.mentions:
            yield (path, "mention", mention.start, mention.end, entity.type, mention.text,
                   entity.id)
    for entry in analysis.timeline:
        event = entry.event.text if entry.event else ""
        yield path, "date", entry.start, entry.end, entry.value, entry.text, event
    for term in analysis.glossary:
        for span in term.mentions:
            yield path, "term", span.start, span.end, term.romanization, span.text, term.gloss


def planned_files(paths: list[str]) -> tuple[list[tuple[Path, int | None]], set[int]]:
    """Each article once, in the order `load_paths` opens them, with the index of the named
    folder it came from (None for a file named itself), and the folders that share an article
    planned before (that one counts as opened for them, as in `load_paths`). Nothing is read
    yet, so that the workers read; a missing path or an empty folder fails before any work."""
    planned: list[tuple[Path, int | None]] = []
    shared: set[int] = set()
    seen: set[Path] = set()
    for index, path in enumerate(map(Path, paths)):
        if not path.exists():
            raise DocumentError(path, "no such file or folder")
        files = article_files(path) if path.is_dir() else [path]
        if path.is_dir() and not files:
            raise DocumentError(path, "folder has no .txt or .md articles")
        for file in files:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                planned.append((file, index if path.is_dir() else None))
            elif path.is_dir():
                shared.add(index)
    return planned, shared


def render(planned: tuple[Path, int | None], form: str, date: dt.date | None,
           model: bool, with_text: bool = False) -> tuple[str, str, int | None]:
    """(OK, the text to print, folder) for one article, or (SKIPPED or FAILED, the one-line
    reason, folder).

    Runs in a worker process: takes and returns only plain, picklable values."""
    path, folder = planned
    try:
        document = load_document(path)
    except DocumentError as exc:
        return (SKIPPED if folder is not None else FAILED), str(exc), folder
    try:
        analysis = analysis_of(document, date, model)
    except GazetteerError as exc:
        return FAILED, str(exc), folder
    if form == "tsv":
        rows = "".join("\t".join(map(_cell, row)) + "\n" for row in tsv_rows(analysis))
        return OK, rows, folder
    data = as_dict(analysis, document_date(document, date))
    if with_text:
        data["text"] = document.text
    if form == "jsonl":
        return OK, json_text(data) + "\n", folder
    # One element of the indented array, exactly as json.dumps indents it inside the list.
    return OK, "\n".join("  " + line for line in json_text(data, indent=2).split("\n")), folder


def run(args: argparse.Namespace) -> int:
    planned, opened = planned_files(args.paths)
    out = sys.stdout
    if args.format == "tsv":
        out.write("\t".join(TSV_HEADER) + "\n")
    elements: list[str] = []
    reported: set[str] = set()
    failed = False

    def handle(result: tuple[str, str, int | None], say) -> None:
        nonlocal failed
        status, text, folder = result
        if status == OK:
            if folder is not None:
                opened.add(folder)
            if args.format == "json":
                elements.append(text)
            else:
                out.write(text)
        elif status == SKIPPED:
            say(f"seedread: warning: skipped {printable(text)}")
        elif text not in reported:  # a bad gazetteer.toml fails each article of its folder
            reported.add(text)
            failed = True
            say(f"seedread: {printable(text)}")

    work = partial(render, form=args.format, date=args.date, model=args.model,
                   with_text=args.with_text)
    run_batch(work, planned, args.jobs or default_jobs(), handle)
    for index, path in enumerate(map(Path, args.paths)):
        if path.is_dir() and index not in opened:
            files = sum(1 for _, folder in planned if folder == index)
            sys.stderr.write(f"seedread: {printable(path)}: none of the {files} article files "
                             "could be opened\n")
            failed = True
    if args.format == "json":
        out.write("[\n" + ",\n".join(elements) + "\n]\n" if elements else "[]\n")
    return 1 if failed else 0

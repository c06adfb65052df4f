"""`seedread extract PATH… [--format json|jsonl|tsv] [--date YYYY-MM-DD] [--no-model]
[--with-text]`: print the analysis of each article (entities with mentions, timeline,
glossary) for scripts, in the shape of data/schemas/extract.schema.json.

Offsets index the normalised text (NFC, LF line ends), not the bytes on disk, which may be
CRLF, NFD or cp1256: --with-text puts that text in each document."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from seedread.analysis import analyze
from seedread.analysis.gazetteer import GazetteerError
from seedread.analysis.model import Analysis
from seedread.analysis.pipeline import document_date
from seedread.analysis.romanize import SCHEME
from seedread.cli import CommandError
from seedread.commands.arguments import add_date, add_model, add_paths, open_paths
from seedread.text.untrusted import json_text, printable

FORMATS = ("json", "jsonl", "tsv")
TSV_HEADER = ("path", "kind", "start", "end", "label", "text", "detail")


def configure(parser: argparse.ArgumentParser) -> None:
    add_paths(parser)
    parser.add_argument("--format", choices=FORMATS, default="json",
                        help="json (one array), jsonl (one document a line) or tsv")
    add_date(parser)
    add_model(parser)
    parser.add_argument("--with-text", action="store_true",
                        help="json/jsonl: include the normalised text the offsets index")


def as_dict(analysis: Analysis, date: dt.date | None) -> dict:
    """The documented JSON shape of one document's analysis."""
    data = analysis.to_dict()
    for entry in data["timeline"]:
        entry.pop("sort_key", None)
    return {
        "path": data["path"],
        "sha256": data["sha256"],
        "title": data["title"],
        "date": date.isoformat() if date else None,
        "romanization_scheme": SCHEME,
        "entities": data["entities"],
        "timeline": data["timeline"],
        "glossary": data["glossary"],
    }


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


def run(args: argparse.Namespace) -> int:
    date = args.date
    loaded = open_paths(args.paths)
    out = sys.stdout
    if args.format == "tsv":
        out.write("\t".join(TSV_HEADER) + "\n")
    documents = []
    for document in loaded.documents:
        try:
            analysis = analyze(document, date=date, user_data_dir=document.path.parent,
                               model=args.model)
        except GazetteerError as exc:
            raise CommandError(str(exc)) from None
        if args.format == "tsv":
            for row in tsv_rows(analysis):
                out.write("\t".join(map(_cell, row)) + "\n")
            continue
        data = as_dict(analysis, document_date(document, date))
        if args.with_text:
            data["text"] = document.text
        if args.format == "jsonl":
            out.write(json_text(data) + "\n")
        else:
            documents.append(data)
    if args.format == "json":
        out.write(json_text(documents, indent=2) + "\n")
    return 0

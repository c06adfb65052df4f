"""CoNLL: one `token<TAB>TAG` per line (BIO tags, as in ANERcorp and CoNLL-2003), a blank
line between sentences, and before each document CoNLL-2003's `-DOCSTART- -X- O O`, the
line spaCy's converter splits documents at (left out with docstart=False, for doccano,
which takes every line as token and tag).

Tokens are `export_tokens`: the same for every export of a text whatever spans it keeps,
so two exports line up token for token (seqeval, inter-annotator agreement). A token is
tagged with the span it starts in. BIO cannot nest: where spans overlap, the earlier one
(the longer, at equal starts) is kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TextIO

from seedread.review.export import ExportItem, entity_spans
from seedread.review.export_tokens import sentence_tokens
from seedread.review.reviewed import ReviewedMention
from seedread.text.untrusted import printable

DOCSTART = "-DOCSTART- -X- O O"


def conll_lines(item: ExportItem, only_reviewed: bool = False, docstart: bool = True
                ) -> Iterator[str]:
    text = item.document.text
    spans = _without_overlaps(entity_spans(item, only_reviewed))
    if docstart:
        yield DOCSTART
        yield ""
    index = 0
    for sentence in sentence_tokens(text, item.view.analysis):
        previous = None
        for token in sentence:
            while index < len(spans) and spans[index].end <= token.start:
                index += 1
            span = spans[index] if index < len(spans) and spans[index].start <= token.start else None
            tag = "O" if span is None else f"{'I' if previous is span else 'B'}-{span.label}"
            previous = span
            yield f"{printable(text[token.start:token.end])}\t{tag}"
        yield ""


def write_conll(items: Iterable[ExportItem], out: TextIO, only_reviewed: bool = False,
                docstart: bool = True) -> None:
    for item in items:
        for line in conll_lines(item, only_reviewed, docstart):
            out.write(line + "\n")


def _without_overlaps(spans: list[ReviewedMention]) -> list[ReviewedMention]:
    kept: list[ReviewedMention] = []
    for span in sorted(spans, key=lambda m: (m.start, m.start - m.end)):
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return kept

"""CoNLL: one `token TAG` per line (BIO tags, as in ANERcorp and CoNLL-2003), a blank line
between sentences, `-DOCSTART- O` before each document.

Tokens are words, numbers and single punctuation marks (`tokens.sentences`), cut further at
span edges, so a mention that starts inside a word (the و of وحلب left out) still gets exact
tags. BIO cannot nest: where spans overlap, the earlier one (the longer, at equal starts)
is kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TextIO

from seedread.review.export import ExportItem, entity_spans
from seedread.review.reviewed import ReviewedMention
from seedread.review.tokens import sentences
from seedread.text.untrusted import printable

DOCSTART = "-DOCSTART- O"


def conll_lines(item: ExportItem, only_reviewed: bool = False) -> Iterator[str]:
    text = item.document.text
    spans = _without_overlaps(entity_spans(item, only_reviewed))
    edges = sorted({edge for m in spans for edge in (m.start, m.end)})
    yield DOCSTART
    yield ""
    index = 0
    for sentence in sentences(text):
        previous = None
        for a, b in sentence:
            for piece_start, piece_end in _cut(a, b, edges):
                while index < len(spans) and spans[index].end <= piece_start:
                    index += 1
                span = spans[index] if index < len(spans) and spans[index].start <= piece_start else None
                if span is None:
                    tag = "O"
                else:
                    tag = f"{'I' if previous is span else 'B'}-{span.label}"
                previous = span
                yield f"{printable(text[piece_start:piece_end])} {tag}"
        yield ""


def write_conll(items: Iterable[ExportItem], out: TextIO, only_reviewed: bool = False) -> None:
    for item in items:
        for line in conll_lines(item, only_reviewed):
            out.write(line + "\n")


def _without_overlaps(spans: list[ReviewedMention]) -> list[ReviewedMention]:
    kept: list[ReviewedMention] = []
    for span in sorted(spans, key=lambda m: (m.start, m.start - m.end)):
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return kept


def _cut(start: int, end: int, edges: list[int]) -> Iterator[tuple[int, int]]:
    inner = [e for e in edges if start < e < end]
    for a, b in zip([start, *inner], [*inner, end]):
        yield a, b

"""JSONL: one task per line in the shape Prodigy reads for named entities:
{"text", "meta": {"path", "sha256"}, "tokens": [{"text", "start", "end", "id", "ws"}],
"spans": [{"start", "end", "token_start", "token_end", "label", "entity_id", "status"}],
"rejected": [...]}, offsets in code points of "text", token_end inclusive.

`tokens` are `export_tokens` (proclitics cut off), so a name behind a proclitic (روسيا in
لروسيا) is a run of whole tokens. `spans` holds the entities: accepted, and unless
only_reviewed those nobody has decided on; a rejected span is a reviewer's negative, kept
under `rejected` where no reader takes it for an entity.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import TextIO

from seedread.review.export import ExportItem, entity_spans
from seedread.review.export_tokens import ExportToken, sentence_tokens
from seedread.review.reviewed import ReviewedMention
from seedread.text.untrusted import json_text


def jsonl_record(item: ExportItem, only_reviewed: bool = False) -> dict:
    text = item.document.text
    tokens = [t for sentence in sentence_tokens(text, item.view.analysis) for t in sentence]
    starts = [t.start for t in tokens]
    rejected = [m for m in item.view.mentions if m.status == "rejected"]
    return {
        "text": text,
        "meta": {"path": item.path, "sha256": item.document.sha256},
        "tokens": [{"text": text[t.start:t.end], "start": t.start, "end": t.end, "id": i,
                    "ws": t.ws} for i, t in enumerate(tokens)],
        "spans": [_span(m, tokens, starts) for m in entity_spans(item, only_reviewed)],
        "rejected": [_span(m, tokens, starts) for m in rejected],
    }


def write_jsonl(items: Iterable[ExportItem], out: TextIO, only_reviewed: bool = False) -> None:
    for item in items:
        out.write(json_text(jsonl_record(item, only_reviewed)) + "\n")


def _span(mention: ReviewedMention, tokens: list[ExportToken], starts: list[int]) -> dict:
    """The span with the tokens it covers: the one it starts in to the one it ends in."""
    first = max(0, bisect.bisect_right(starts, mention.start) - 1)
    last = max(first, bisect.bisect_left(starts, mention.end) - 1)
    return {"start": mention.start, "end": mention.end, "token_start": first,
            "token_end": last, "label": mention.label, "entity_id": mention.entity_id,
            "status": mention.status}

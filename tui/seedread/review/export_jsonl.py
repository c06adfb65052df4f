"""JSONL: one document per line in the shape Prodigy and doccano read:
{"text", "meta": {"path", "sha256"}, "spans": [{"start", "end", "label", "entity_id",
"status"}]}, offsets in code points of "text"."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from seedread.review.export import ExportItem, status_spans
from seedread.text.untrusted import json_text


def jsonl_record(item: ExportItem, only_reviewed: bool = False) -> dict:
    return {
        "text": item.document.text,
        "meta": {"path": item.path, "sha256": item.document.sha256},
        "spans": [
            {"start": m.start, "end": m.end, "label": m.label, "entity_id": m.entity_id,
             "status": m.status}
            for m in status_spans(item, only_reviewed)
        ],
    }


def write_jsonl(items: Iterable[ExportItem], out: TextIO, only_reviewed: bool = False) -> None:
    for item in items:
        out.write(json_text(jsonl_record(item, only_reviewed)) + "\n")

"""doccano: JSONL for a sequence-labeling project, one document per line in the shape
doccano's import reads: {"text", "label": [[start, end, "LABEL"], ...]}, offsets in code
points of "text"; every other key ("path", "sha256") becomes the example's metadata.

doccano has no place for a negative, so rejected spans are left out (the entities of
`export.entity_spans`). Its default project does not allow overlapping spans and keeps, of
two that overlap, the one that starts first.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from seedread.review.export import ExportItem, entity_spans
from seedread.text.untrusted import json_text


def doccano_record(item: ExportItem, only_reviewed: bool = False) -> dict:
    return {
        "text": item.document.text,
        "label": [[m.start, m.end, m.label] for m in entity_spans(item, only_reviewed)],
        "path": item.path,
        "sha256": item.document.sha256,
    }


def write_doccano(items: Iterable[ExportItem], out: TextIO, only_reviewed: bool = False) -> None:
    for item in items:
        out.write(json_text(doccano_record(item, only_reviewed)) + "\n")

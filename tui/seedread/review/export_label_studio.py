"""Label Studio: a JSON list of tasks for a named-entity project, each
{"data": {"text", "path", "sha256"}, "predictions": [{"model_version", "result": [...]}]},
the spans as pre-annotations an annotator confirms or corrects in Label Studio.

A result region is {"id", "from_name": "label", "to_name": "text", "type": "labels",
"value": {"start", "end", "text", "labels": [LABEL]}} with offsets in code points of the
text, for the labeling config `LABEL_CONFIG` (the project's config in Label Studio).
Rejected spans are left out: a prediction has no place for a negative.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from seedread.analysis.model import ENTITY_TYPES
from seedread.review.export import ExportItem, entity_spans
from seedread.text.untrusted import json_text

MODEL_VERSION = "seedread"
LABEL_CONFIG = (
    '<View>\n  <Labels name="label" toName="text">\n'
    + "".join(f'    <Label value="{label}"/>\n' for label in ENTITY_TYPES)
    + '  </Labels>\n  <Text name="text" value="$text"/>\n</View>\n'
)


def label_studio_task(item: ExportItem, only_reviewed: bool = False) -> dict:
    text = item.document.text
    result = [
        {"id": f"s{number}", "from_name": "label", "to_name": "text", "type": "labels",
         "value": {"start": m.start, "end": m.end, "text": text[m.start:m.end],
                   "labels": [m.label]}}
        for number, m in enumerate(entity_spans(item, only_reviewed), 1)
    ]
    return {
        "data": {"text": text, "path": item.path, "sha256": item.document.sha256},
        "predictions": [{"model_version": MODEL_VERSION, "result": result}],
    }


def write_label_studio(items: Iterable[ExportItem], out: TextIO, only_reviewed: bool = False
                       ) -> None:
    tasks = [label_studio_task(item, only_reviewed) for item in items]
    out.write(json_text(tasks, indent=2))
    out.write("\n")

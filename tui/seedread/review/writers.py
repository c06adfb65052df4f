"""The export formats, one table for the CLI (`seedread export`) and the reader's palette:
each stream format's writer and the file name it takes in an output folder; brat, a folder
of files, is written by `export_brat.write_brat`."""

from __future__ import annotations

from seedread.review.export_conll import write_conll
from seedread.review.export_doccano import write_doccano
from seedread.review.export_json import write_json
from seedread.review.export_jsonl import write_jsonl
from seedread.review.export_label_studio import write_label_studio

STREAM_WRITERS = {"jsonl": write_jsonl, "doccano": write_doccano,
                  "label-studio": write_label_studio, "json": write_json, "conll": write_conll}
FORMATS = (*STREAM_WRITERS, "brat")
FILE_NAMES = {"doccano": "doccano.jsonl", "label-studio": "label-studio.json"}


def file_name(fmt: str, stem: str = "annotations") -> str:
    """The name a stream format's export takes in a folder."""
    return FILE_NAMES.get(fmt, f"{stem}.{fmt}")

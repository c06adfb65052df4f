"""JSON: everything the review knows, one document per entry — entities with their reviewed
mentions (status, type after retyping, who decided and when), progress, and the decisions
that went stale when the file changed."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from seedread.review.export import ExportItem, status_spans
from seedread.text.untrusted import json_text

FORMAT_VERSION = 1


def json_document(item: ExportItem, only_reviewed: bool = False) -> dict:
    view = item.view
    kept = {m.key for m in status_spans(item, only_reviewed)}
    entities = []
    for entity in view.entities:
        mentions = [
            {"start": m.start, "end": m.end, "text": m.text, "label": m.label,
             "status": m.status, "source": m.source, "reviewer": m.reviewer,
             "decided_at": m.decided_at}
            for m in entity.mentions if m.key in kept
        ]
        if mentions:
            entities.append({"id": entity.id, "name": entity.name, "type": entity.type,
                             "english": entity.english, "user_added": entity.user_added,
                             "mentions": mentions})
    return {
        "path": item.path,
        "sha256": item.document.sha256,
        "title": item.document.title,
        "changed": view.changed,
        "progress": {"reviewed": view.progress.reviewed, "total": view.progress.total},
        "text": item.document.text,
        "entities": entities,
        "stale": [
            {"action": d.action, "reviewer": d.reviewer, "at": d.at,
             "spans": [{"start": s.start, "end": s.end, "text": s.text} for s in d.after]}
            for d in view.stale
        ],
    }


def write_json(items: Iterable[ExportItem], out: TextIO, only_reviewed: bool = False) -> None:
    documents = [json_document(item, only_reviewed) for item in items]
    out.write(json_text({"format": "seedread-review", "version": FORMAT_VERSION,
                         "documents": documents}, indent=2) + "\n")

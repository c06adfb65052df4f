"""What every exporter shares: the documents to export with their reviewed views, and which
spans each kind of format writes.

Span formats (JSON, JSONL) keep every span with its status, so a rejected span stays a known
negative; entity formats (brat, CoNLL) mark up entities, so a rejected span is never one of
them. `only_reviewed` leaves out what nobody has decided on (unreviewed and stale spans).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from seedread.review.reviewed import ReviewedAnalysis, ReviewedMention
from seedread.text.document import Document
from seedread.text.files import UnsafeFileError, atomic_write, make_folder


class ExportError(Exception):
    """An export that cannot be written, with a one-line reason."""


@dataclass
class ExportItem:
    document: Document
    path: str  # the article's path relative to its review folder, as the store knows it
    view: ReviewedAnalysis


def status_spans(item: ExportItem, only_reviewed: bool) -> list[ReviewedMention]:
    """Spans for JSON/JSONL: all, with their status; rejected ones included."""
    return [m for m in item.view.mentions if m.reviewed or not only_reviewed]


def entity_spans(item: ExportItem, only_reviewed: bool) -> list[ReviewedMention]:
    """Spans for brat/CoNLL: the accepted ones, and unless only_reviewed also those not yet
    decided; never the rejected."""
    keep = ("accepted",) if only_reviewed else ("accepted", "unreviewed", "stale")
    return [m for m in item.view.mentions if m.status in keep]


def write_export(writer: Callable, items: list[ExportItem], target: Path,
                 only_reviewed: bool = False, *, inside: Path | None = None) -> None:
    """Write one export file with a stream writer (`write_jsonl` …) atomically, never
    through a symlink at `target` or in a folder between `inside` and it; a failure leaves
    the previous file whole and is raised as ExportError."""
    buffer = io.StringIO(newline="")
    writer(items, buffer, only_reviewed)
    try:
        make_folder(target.parent, inside)
        atomic_write(target, buffer.getvalue(), inside)
    except UnsafeFileError as exc:
        raise ExportError(str(exc)) from None
    except OSError as exc:
        raise ExportError(f"cannot write {target} ({exc.strerror or exc})") from None

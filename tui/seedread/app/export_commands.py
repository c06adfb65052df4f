"""Command palette: "Export as JSONL / brat / CoNLL / JSON" — the open article (in the
reader) or every article (in the library), with the review decisions applied, written next
to the review store (`<folder>/.seedread/export/`, or the data-dir fallback of a read-only
folder); a notification says where."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from textual.command import DiscoveryHit, Hit, Hits, Provider

from seedread.app.library_screen import LibraryScreen
from seedread.app.reader_screen import ReaderScreen
from seedread.review import ReviewStoreError
from seedread.review.export import ExportError, ExportItem, write_export
from seedread.review.export_brat import write_brat
from seedread.review.writers import STREAM_WRITERS, file_name
from seedread.text.document import Document
from seedread.text.files import UnsafeFileError, make_folder

FORMAT_NAMES = {"jsonl": "JSONL (Prodigy)", "doccano": "doccano (JSONL)",
                "label-studio": "Label Studio (JSON tasks)", "brat": "brat standoff",
                "conll": "CoNLL (BIO)", "json": "JSON (everything)"}


class ExportCommands(Provider):
    def _documents(self) -> tuple[list[Document], str] | None:
        """The documents to export and the base name of the file."""
        screen = self.screen
        if isinstance(screen, ReaderScreen):
            return [screen.document], Path(screen.document.path).stem
        if isinstance(screen, LibraryScreen):
            return list(screen.documents), "annotations"
        return None

    def _commands(self) -> list[tuple[str, str, Callable[[], None]]]:
        found = self._documents()
        if found is None:
            return []
        documents, name = found
        scope = "this article" if len(documents) == 1 else f"{len(documents)} articles"
        return [
            (f"Export as {label}", f"write {scope} with review decisions",
             partial(self.app.run_worker, partial(export, self.app, documents, name, fmt),
                     thread=True, group="export"))
            for fmt, label in FORMAT_NAMES.items()
        ]

    async def discover(self) -> Hits:
        for text, help_text, run in self._commands():
            yield DiscoveryHit(text, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, help_text, run in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), run, help=help_text)


def export(app, documents: list[Document], name: str, fmt: str) -> Path | None:
    """Write the export (in a worker thread) and say where it went; returns the path."""
    try:
        items, folder, inside = _items(app, documents)
        make_folder(folder, inside)
        if fmt == "brat":
            target = folder / "brat"
            write_brat(items, target, inside=inside)
        else:
            target = folder / file_name(fmt, name)
            write_export(STREAM_WRITERS[fmt], items, target, inside=inside)
    except (ReviewStoreError, ExportError, UnsafeFileError) as exc:
        app.call_from_thread(app.notify, str(exc), title="Export failed", severity="error", markup=False)
        return None
    except OSError as exc:
        app.call_from_thread(app.notify, f"cannot write the export ({exc.strerror or exc})",
                             title="Export failed", severity="error", markup=False)
        return None
    app.call_from_thread(app.notify, f"{FORMAT_NAMES[fmt]}: {target}", title="Exported", timeout=10, markup=False)
    return target


def _items(app, documents: list[Document]) -> tuple[list[ExportItem], Path, Path]:
    """Each document with its reviewed view, the export folder of the first one's store, and
    the folder holding that store's `.seedread` (no symlink below it is written through)."""
    service = app.review
    items, folders = [], []
    for document in documents:
        analysis = app.analysis_of(document)
        review = service.call_blocking(service.review_of, document, True)
        view = service.call_blocking(review.reviewed, analysis)
        folders.append(review.store.location.path.parent)
        items.append(ExportItem(document, review.path, view))
    return items, folders[0] / "export", folders[0].parent

"""The app's single thread for review-store I/O.

sqlite3 connections belong to the thread that opened them, and decisions must be written in
the order the keys were pressed, so every store call goes through one worker thread; the
UI awaits the result and stays responsive while the database is locked by another process
(the store retries until its busy timeout).

A store is opened without creating it when an article is shown (reading must not leave a
`.seedread` folder in someone's corpus) and created with the first decision.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

from seedread.analysis.model import Analysis
from seedread.review import DocumentReview, Progress, ReviewStore, apply_decisions, review_folder
from seedread.text.document import Document

T = TypeVar("T")


class ReviewService:
    """Review stores of the folders the app shows, opened once each, used from one thread."""

    def __init__(self, reviewer: str | None = None,
                 folder_of: Callable[[Document], Path] = review_folder) -> None:
        self.reviewer = reviewer
        self.folder_of = folder_of
        self._stores: dict[Path, ReviewStore] = {}
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="seedread-review")

    async def call(self, work: Callable[..., T], *args: object) -> T:
        """Run `work(*args)` in the store thread and wait for it without blocking the UI."""
        return await asyncio.wrap_future(self._executor.submit(work, *args))

    def call_blocking(self, work: Callable[..., T], *args: object) -> T:
        """The same, from a worker thread."""
        return self._executor.submit(work, *args).result()

    def review_of(self, document: Document, create: bool) -> DocumentReview | None:
        """The document's review (store thread only); None when its folder has no store and
        `create` is False. Raises ReviewStoreError when the database cannot be used."""
        folder = self.folder_of(document)
        store = self._stores.get(folder)
        if store is None:
            store = ReviewStore.open(folder, reviewer=self.reviewer, create=create)
            if store is None:
                return None
            self._stores[folder] = store
        return store.document(document)

    def progress_of(self, document: Document, analysis: Analysis) -> Progress:
        """How much of the document is reviewed (store thread only); 0/N without a store."""
        review = self.review_of(document, create=False)
        if review is None:
            return apply_decisions(analysis, document.text, []).progress
        return review.reviewed(analysis).progress

    def close(self) -> None:
        """Close every store (in its own thread) and stop the thread."""

        def close_all() -> None:
            for store in self._stores.values():
                store.close()
            self._stores.clear()

        self._executor.submit(close_all).result()
        self._executor.shutdown()

"""Errors the review store raises, each with a one-line message the CLI or the status bar can
show as it is.

`ReviewStoreError` and its subclasses mean the database cannot be used (and was left exactly
as it was); `ReviewError` means one operation was refused (the store is fine).
"""

from __future__ import annotations


class ReviewStoreError(Exception):
    """The review database cannot be opened or written; it was not modified.

    `transient` says whether the same call can succeed later with nothing changed by the
    user (another process held a lock): the reader then keeps review on and tries again
    with the next decision, on the same store or a newly opened one.
    """

    transient = False


class StoreCorruptError(ReviewStoreError):
    """The file is not a readable SQLite database, or fails its integrity check."""


class StoreTooNewError(ReviewStoreError):
    """The database was written by a newer seedread (higher schema version)."""


class StoreLockedError(ReviewStoreError):
    """Another process held the database longer than the timeout."""

    transient = True


class ReviewError(Exception):
    """A review operation that cannot be done (e.g. shrinking a one-word span)."""


class ReviewConflict(ReviewError):
    """A change asked for on a view that is out of date: someone else recorded decisions on
    the document after the view was built (`newest` is the latest one's id). Nothing was
    recorded; show the stored state instead."""

    def __init__(self, newest: int) -> None:
        super().__init__("the review was changed elsewhere")
        self.newest = newest

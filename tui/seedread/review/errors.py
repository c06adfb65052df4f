"""Errors the review store raises, each with a one-line message the CLI or the status bar can
show as it is.

`ReviewStoreError` and its subclasses mean the database cannot be used (and was left exactly
as it was); `ReviewError` means one operation was refused (the store is fine).
"""

from __future__ import annotations


class ReviewStoreError(Exception):
    """The review database cannot be opened or written; it was not modified."""


class StoreCorruptError(ReviewStoreError):
    """The file is not a readable SQLite database, or fails its integrity check."""


class StoreTooNewError(ReviewStoreError):
    """The database was written by a newer seedread (higher schema version)."""


class StoreLockedError(ReviewStoreError):
    """Another process held the database longer than the timeout."""


class ReviewError(Exception):
    """A review operation that cannot be done (e.g. shrinking a one-word span)."""

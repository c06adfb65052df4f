"""seedread.review: the review store (SQLite) and the exporters, free of any UI.

The reader calls: `ReviewStore.open(review_folder(path), reviewer=...)`, then
`store.document(document)` for a `DocumentReview` whose methods (accept, reject, retype,
resize, delete, add, undo, redo) each record one decision, and `review.reviewed(analysis)`
for what to show.
"""

from seedread.review.decisions import Decision, MentionState
from seedread.review.errors import (
    ReviewConflict,
    ReviewError,
    ReviewStoreError,
    StoreCorruptError,
    StoreLockedError,
    StoreTooNewError,
)
from seedread.review.location import StoreLocation, review_folder
from seedread.review.reviewed import (
    Progress,
    ReviewedAnalysis,
    ReviewedEntity,
    ReviewedMention,
    apply_decisions,
)
from seedread.review.spans import resize_span, unlinked_occurrences
from seedread.review.store import DocumentReview, ReviewStore, default_reviewer

__all__ = [
    "Decision", "DocumentReview", "MentionState", "Progress", "ReviewConflict", "ReviewError", "ReviewStore",
    "ReviewStoreError", "ReviewedAnalysis", "ReviewedEntity", "ReviewedMention",
    "StoreCorruptError", "StoreLocation", "StoreLockedError", "StoreTooNewError",
    "apply_decisions", "default_reviewer", "resize_span", "review_folder",
    "unlinked_occurrences",
]

"""The review store: one SQLite database per folder of articles, holding every decision a
reviewer makes, and the per-document handle the reader's review keys call.

Each operation is one committed transaction that appends a row to the decision log (see
`decisions`), so when it returns, the decision is on disk. Documents are found by path and,
failing that, by content hash (a renamed file), else by the quotes of its decisions (a file
renamed and edited): a file keeps its review, and an edited one its decisions (re-anchored
by quote, see `anchors`; only those whose text is gone become stale, see `reviewed`).
"""

from __future__ import annotations

import getpass
import json
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import TypeVar

from seedread.analysis.model import ENTITY_TYPES, Analysis
from seedread.review import database
from seedread.review.anchors import anchored, stands_in
from seedread.review.decisions import (
    DELETED,
    Decision,
    MentionState,
    in_force,
    redo_target,
    undo_target,
)
from seedread.review.errors import ReviewConflict, ReviewError, StoreCorruptError
from seedread.review.location import StoreLocation, locate_store, path_key
from seedread.review.reviewed import (
    ReviewedAnalysis,
    ReviewedEntity,
    ReviewedMention,
    apply_decisions,
    mention_key,
)
from seedread.review.spans import resize_span
from seedread.text.document import Document

DEFAULT_TIMEOUT = 5.0
# Share of a missing file's decided quotes that must stand in a new file for it to be taken
# as that file renamed and edited.
MIN_SHARED_QUOTES = 0.6
D = TypeVar("D")
_LOG_SQL = (
    "SELECT id, action, reviewer, at, before, after, ref FROM decisions "
    "WHERE document_id = ? ORDER BY id"
)


def default_reviewer() -> str:
    """The login name, or "reviewer" where there is none (containers without a passwd
    entry make getpass raise)."""
    try:
        return getpass.getuser() or "reviewer"
    except (OSError, KeyError, ImportError):
        return "reviewer"


class ReviewStore:
    """A folder's review database. Open with `ReviewStore.open(folder)`; close when done
    (or use it as a context manager)."""

    def __init__(self, connection: sqlite3.Connection, location: StoreLocation,
                 reviewer: str, timeout: float) -> None:
        self.connection = connection
        self.location = location
        self.reviewer = reviewer
        self.timeout = timeout

    @classmethod
    def open(cls, folder: Path | str, *, reviewer: str | None = None,
             timeout: float = DEFAULT_TIMEOUT, create: bool = True) -> ReviewStore | None:
        """Open the store of `folder` (see `location.review_folder` to find it from an
        article path). Returns None only when `create` is False and there is no store.
        Raises a ReviewStoreError subclass when the database cannot be used."""
        location = locate_store(folder, create=create)
        if location is None:
            return None
        connection = database.open_database(location.path, timeout)
        return cls(connection, location, reviewer or default_reviewer(), timeout)

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> ReviewStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def document(self, document: Document) -> DocumentReview:
        """The review of `document`, found by path, else by content (a renamed file), else
        started anew."""
        path = path_key(self.location.folder, document.path)

        def find_or_add(conn: sqlite3.Connection) -> tuple[int, str, str | None]:
            row = conn.execute(
                "SELECT id, first_sha256, renamed_from FROM documents WHERE path = ?", (path,)
            ).fetchone()
            if row:
                conn.execute("UPDATE documents SET sha256 = ? WHERE id = ? AND sha256 != ?",
                             (document.sha256, row[0], document.sha256))
                return row
            for doc_id, old_path, first in conn.execute(
                "SELECT id, path, first_sha256 FROM documents WHERE sha256 = ? ORDER BY id DESC",
                (document.sha256,),
            ).fetchall():
                if not (self.location.folder / old_path).exists():
                    conn.execute("UPDATE documents SET path = ?, renamed_from = ? WHERE id = ?",
                                 (path, old_path, doc_id))
                    return doc_id, first, old_path
            similar = self._renamed_and_edited(conn, document.text)
            if similar is not None:
                doc_id, old_path, first = similar
                conn.execute("UPDATE documents SET path = ?, sha256 = ?, renamed_from = ? "
                             "WHERE id = ?", (path, document.sha256, old_path, doc_id))
                return doc_id, first, old_path
            cursor = conn.execute(
                "INSERT INTO documents (path, sha256, first_sha256, added_at) VALUES (?, ?, ?, ?)",
                (path, document.sha256, document.sha256, _now()),
            )
            return cursor.lastrowid, document.sha256, None

        doc_id, first_sha256, renamed_from = self._write(find_or_add)
        return DocumentReview(self, document, doc_id, path,
                              changed=first_sha256 != document.sha256, renamed_from=renamed_from)

    def _renamed_and_edited(self, conn: sqlite3.Connection, text: str) -> tuple | None:
        """The review of a file that is gone from its path and whose decided text is mostly
        found in `text`: the same article, renamed and then edited. Its decisions' quotes are
        the content compared, which every database already holds (no new column needed)."""
        best, best_score = None, 0.0
        for doc_id, old_path, first in conn.execute(
            "SELECT id, path, first_sha256 FROM documents ORDER BY id DESC"
        ).fetchall():
            if (self.location.folder / old_path).exists():
                continue
            rows = conn.execute(_LOG_SQL, (doc_id,)).fetchall()
            states = {(s.text, s.prefix, s.suffix): s
                      for d in in_force([_decision(r, self.location.path) for r in rows])
                      for s in d.after}
            if not states:
                continue
            score = sum(stands_in(text, s) for s in states.values()) / len(states)
            if score > best_score:
                best, best_score = (doc_id, old_path, first), score
        return best if best_score >= MIN_SHARED_QUOTES else None

    def _write(self, work):
        return database.write(self.connection, self.location.path, self.timeout, work)

    def _read(self, sql: str, params: tuple = ()) -> list:
        return database.read(self.connection, self.location.path, sql, params)


class DocumentReview:
    """The decisions on one document. Every change method records one decision (committed
    before it returns) and returns it; call `reviewed(analysis)` for the updated view.

    Methods taking `mentions` accept one ReviewedMention or several (an entity's
    `mentions` for the accept-all / reject-all keys); they record one decision, undone as
    one step.

    `shown`, when set, is the newest decision id of the view the caller shows (see
    `ReviewedAnalysis.newest`): a change is then recorded only if no other decision was
    stored since, checked in the same transaction (else ReviewConflict), so a second reader
    never records a "before" state that is no longer true. Each change moves it on.
    """

    shown: int | None = None

    def __init__(self, store: ReviewStore, document: Document, doc_id: int, path: str,
                 *, changed: bool, renamed_from: str | None) -> None:
        self.store = store
        self.document = document
        self.id = doc_id
        self.path = path  # the path as stored, relative to the store's folder
        self.changed = changed  # the file's text differs from when its review began
        self.renamed_from = renamed_from  # the old path, when the review followed a rename

    def log(self) -> list[Decision]:
        """Every decision on this document, undo and redo included, oldest first."""
        path = self.store.location.path
        return [_decision(row, path) for row in self.store._read(_LOG_SQL, (self.id,))]

    def reviewed(self, analysis: Analysis, *, reviewer: str | None = None) -> ReviewedAnalysis:
        """`analysis` (of this document) with the decisions in force applied; with
        `reviewer`, only that reviewer's decisions."""
        if analysis.sha256 != self.document.sha256:
            raise ValueError("the analysis is of a different text than this document")
        log = self.log()
        newest = log[-1].id if log else 0
        if reviewer is not None:
            log = [d for d in log if d.reviewer == reviewer]
        view = apply_decisions(analysis, self.document.text, log)
        view.changed = self.changed
        view.newest = newest
        return view

    def accept(self, mentions: ReviewedMention | Iterable[ReviewedMention]) -> Decision:
        return self._change("accept", mentions, status="accepted")

    def reject(self, mentions: ReviewedMention | Iterable[ReviewedMention]) -> Decision:
        return self._change("reject", mentions, status="rejected")

    def delete(self, mentions: ReviewedMention | Iterable[ReviewedMention]) -> Decision:
        """Remove mentions from the annotation altogether (reject keeps them as known
        negatives; delete is for spans that should not be there at all)."""
        return self._change("delete", mentions, status=DELETED)

    def retype(self, mentions: ReviewedMention | Iterable[ReviewedMention], label: str) -> Decision:
        _check_label(label)
        return self._change("retype", mentions, label=label)

    def resize(self, mention: ReviewedMention, edge: str, step: int) -> Decision:
        """Grow (step=+1) or shrink (step=-1) the mention by a word at its logical "start"
        or "end"; raises ReviewError when that is impossible."""
        start, end = resize_span(self.document.text, mention.start, mention.end, edge, step)
        return self._change("resize", mention, start=start, end=end,
                            text=self.document.text[start:end])

    def add(self, start: int, end: int, label: str, *, entity: ReviewedEntity | None = None,
            others: Iterable[tuple[int, int]] = ()) -> Decision:
        """Add a mention the extractor missed, accepted, as a new entity named after its
        text (or as a mention of `entity`); `others` are more spans to add to the same
        entity in the same step (see `spans.unlinked_occurrences`)."""
        _check_label(label)
        text = self.document.text
        spans = [(start, end), *others]
        for a, b in spans:
            if not 0 <= a < b <= len(text) or text[a:b] != text[a:b].strip():
                raise ReviewError("a new mention must cover text with no space at either end")
        entity_id = entity.id if entity else f"user-{start}-{end}"
        name = entity.name if entity else text[start:end]
        after = [
            MentionState(mention_key(a, b, user=True), a, b, text[a:b], label, entity_id, name,
                         "accepted", "user")
            for a, b in spans
        ]
        return self._record("add", [], after)

    def undo(self) -> Decision | None:
        """Undo this reviewer's latest change still in force; None when there is none."""
        return self._history("undo", undo_target)

    def redo(self) -> Decision | None:
        """Redo this reviewer's latest undone change; None when there is none (or a new
        change was made since)."""
        return self._history("redo", redo_target)

    def _change(self, action: str, mentions: ReviewedMention | Iterable[ReviewedMention],
                **changes: object) -> Decision:
        targets = [mentions] if isinstance(mentions, ReviewedMention) else list(mentions)
        if not targets:
            raise ReviewError("no mention to decide on")
        before = [m.state for m in targets]
        return self._record(action, before, [replace(s, **changes) for s in before])

    def _record(self, action: str, before: list[MentionState],
                after: list[MentionState]) -> Decision:
        text = self.document.text
        unsaved = Decision(0, action, self.store.reviewer, _now(),
                           tuple(anchored(s, text) for s in before),
                           tuple(anchored(s, text) for s in after))

        def record(conn: sqlite3.Connection) -> Decision:
            self._check_shown(conn)
            return _insert(conn, self.id, unsaved)

        return self._commit(record)

    def _check_shown(self, conn: sqlite3.Connection) -> None:
        if self.shown is None:
            return
        newest = conn.execute("SELECT COALESCE(MAX(id), 0) FROM decisions WHERE document_id = ?",
                              (self.id,)).fetchone()[0]
        if newest != self.shown:
            raise ReviewConflict(newest)

    def _commit(self, record: Callable[[sqlite3.Connection], D]) -> D:
        decision = self.store._write(record)
        if decision is not None and self.shown is not None:
            self.shown = decision.id
        return decision

    def _history(self, action: str, choose) -> Decision | None:
        """Pick the target and record the undo/redo in one transaction, so two windows of
        the same reviewer cannot both undo the same decision."""
        reviewer = self.store.reviewer

        def record(conn: sqlite3.Connection) -> Decision | None:
            self._check_shown(conn)
            log = [_decision(row, self.store.location.path)
                   for row in conn.execute(_LOG_SQL, (self.id,))]
            target = choose(log, reviewer)
            if target is None:
                return None
            before, after = (target.after, target.before) if action == "undo" else (
                target.before, target.after)
            return _insert(conn, self.id,
                           Decision(0, action, reviewer, _now(), before, after, target.id))

        return self._commit(record)


def _check_label(label: str) -> None:
    if label not in ENTITY_TYPES:
        raise ReviewError(f"unknown type {label!r}; choose one of {', '.join(ENTITY_TYPES)}")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def _insert(conn: sqlite3.Connection, doc_id: int, unsaved: Decision) -> Decision:
    cursor = conn.execute(
        "INSERT INTO decisions (document_id, reviewer, at, action, before, after, ref) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (doc_id, unsaved.reviewer, unsaved.at, unsaved.action, _states_json(unsaved.before),
         _states_json(unsaved.after), unsaved.ref),
    )
    return replace(unsaved, id=cursor.lastrowid)


def _states_json(states: Iterable[MentionState]) -> str:
    return json.dumps([s.to_dict() for s in states], ensure_ascii=False)


def _decision(row: tuple, path: Path) -> Decision:
    """A log row as a Decision; a row this code cannot read (hand-edited, or damaged)
    makes the whole store unusable rather than be skipped, so nothing is lost by a write."""
    decision_id, action, reviewer, at, before, after, ref = row
    try:
        if not all(isinstance(v, str) for v in (action, reviewer, at, before, after)):
            raise ValueError("a text column holds something else")
        if ref is not None and not isinstance(ref, int):
            raise ValueError("ref is not a decision id")
        return Decision(decision_id, action, reviewer, at, _states(before), _states(after), ref)
    except (ValueError, TypeError, RecursionError) as exc:
        raise StoreCorruptError(
            f"review database {path}: decision {decision_id} cannot be read ({exc}); "
            "the file was left untouched"
        ) from None


def _states(raw: str) -> tuple[MentionState, ...]:
    data = json.loads(raw)
    if not isinstance(data, list):
        raise ValueError("mention states are not a list")
    return tuple(MentionState.from_dict(s) for s in data)

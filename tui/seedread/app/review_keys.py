"""The reader's review keys: decide on the marked mention (accept, reject, retype, resize,
delete), on all mentions of its entity, add a missed one, undo and redo.

`ReaderScreen` derives from `ReviewKeys`, which expects it to provide `document`,
`analysis`, `analysis_problem`, `options`, `current`, `article`, `status`, `jump()` and `show_entities()`.

Every decision goes to the store thread (see `review_service`) and is committed before the
article, the Entities pane and the progress show it. Decisions run one at a time, in key
order: each reads the marked mention only when its turn comes, so pressing `a` three times
quickly accepts three mentions, not one three times.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.screen import Screen
from textual.worker import Worker, WorkerCancelled, WorkerFailed

from seedread.app.entities_pane import EntitiesPane
from seedread.app.navigation import Target
from seedread.app.review_menu import TypeMenu, YesNo
from seedread.app.selection import WordSelection
from seedread.app.selection_bar import SelectionBar
from seedread.app.shaped import shaped
from seedread.review import (
    Decision,
    DocumentReview,
    ReviewedAnalysis,
    ReviewConflict,
    ReviewedMention,
    ReviewError,
    ReviewStoreError,
    StoreLockedError,
    apply_decisions,
    unlinked_occurrences,
)

Work = Callable[[DocumentReview], Decision | None]
RETRY_FIRST, RETRY_MOST = 1.0, 30.0  # seconds between tries of a locked store (doubling)
# Resize keys by the side of the span they act on as seen on screen: "<" and "," the left
# end, ">" and "." the right end. Which logical end that is depends on the paragraph.
VISUAL_EDGES = {"left": ("end", "start"), "right": ("start", "end")}  # (in RTL, in LTR)


class ReviewKeys(Screen):
    BINDINGS = [
        Binding("a", "accept", "Accept mention", id="review.accept", show=False),
        Binding("x", "reject", "Reject mention", id="review.reject", show=False),
        Binding("A", "accept_all", "Accept all of entity", id="review.accept_all", show=False),
        Binding("X", "reject_all", "Reject all of entity", id="review.reject_all", show=False),
        Binding("t", "retype", "Change type (1-5)", id="review.retype", show=False),
        Binding("less_than_sign", "resize('left', 1)",
                "Grow span on the left (logical end in RTL, start in LTR)",
                id="review.grow_left", show=False),
        Binding("greater_than_sign", "resize('right', 1)",
                "Grow span on the right (logical start in RTL, end in LTR)",
                id="review.grow_right", show=False),
        Binding("comma", "resize('left', -1)",
                "Shrink span on the left (logical end in RTL, start in LTR)",
                id="review.shrink_left", show=False),
        Binding("full_stop", "resize('right', -1)",
                "Shrink span on the right (logical start in RTL, end in LTR)",
                id="review.shrink_right", show=False),
        Binding("d", "delete", "Delete mention", id="review.delete", show=False),
        Binding("u", "undo", "Undo decision", id="review.undo", show=False),
        Binding("ctrl+r", "redo", "Redo decision", id="review.redo", show=False),
        Binding("v", "select", "Select words for a missed entity", id="review.select", show=False),
        Binding("U", "only_unreviewed", "Entities: only unreviewed / all",
                id="review.only_unreviewed", show=False),
    ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.review: DocumentReview | None = None
        self.reviewed: ReviewedAnalysis | None = None
        self.review_problem: str | None = None  # why review is off (the store is unusable)
        self._review_lock = asyncio.Lock()
        self._review_started = False
        self._decisions: list[Worker] = []  # decisions asked for by a key, maybe not stored yet
        self._retry_delay = RETRY_FIRST  # seconds until the next try of a locked store
        self._seen = 0  # the newest decision id the screen shows (0: none, no store yet)

    # Opening

    def start_review(self) -> None:
        """Read the decisions already made (without creating a store); once per screen."""
        if self._review_started or self.analysis is None:
            return
        self._review_started = True
        self.reviewed = apply_decisions(self.analysis, self.document.text, [])
        self._show_progress()
        self.run_worker(self._open_review(), group="review", exclusive=False)

    async def _open_review(self) -> None:
        async with self._review_lock:
            service = self.app.review
            try:
                review = await service.call(service.review_of, self.document, False)
                if review is None:
                    self.review_problem = None
                    self._show_progress()
                    return
                self.review = review
                view = await service.call(review.reviewed, self.analysis)
                self._seen = view.newest
            except StoreLockedError as exc:
                self._review_locked(str(exc))
                return
            except ReviewStoreError as exc:
                self._review_failed(str(exc))
                return
            if self.review_problem:
                self.review_problem = None
                self._retry_delay = RETRY_FIRST
                self.notify("The review database is free again: review is back on.", markup=False)
            else:
                self._announce_location()
            self._show_review(view)

    def _announce_location(self) -> None:
        location = self.review.store.location
        if not location.in_folder:
            self.notify(location.reason, title="Review store", timeout=10, markup=False)

    def _review_failed(self, message: str) -> None:
        """The store cannot be used: reading goes on, review keys say why they do nothing."""
        self.review = None
        self.review_problem = message
        self.notify(f"{message}. Review is off; reading works as usual.",
                    title="Review store", severity="error", timeout=15, markup=False)
        self._show_progress()

    def _review_locked(self, message: str) -> None:
        """Another process holds the database: review pauses and is tried again, less and
        less often, until the lock clears."""
        first = self.review_problem is None
        self.review = None
        self.review_problem = message
        if first:
            self.notify(f"{message}. Review is paused and will be retried; the last key was "
                        "not stored.", title="Review store", severity="warning", timeout=10,
                        markup=False)
        self._show_progress()
        self.set_timer(self._retry_delay, self._retry_review)
        self._retry_delay = min(RETRY_MOST, self._retry_delay * 2)

    def _retry_review(self) -> None:
        self.run_worker(self._open_review(), group="review", exclusive=False)

    # Showing

    def _show_review(self, view: ReviewedAnalysis) -> None:
        self.reviewed = view
        self.show_entities(view.entities)
        self._show_progress()
        if view.changed and view.stale:
            self.notify(f"The article changed since its review began: {len(view.stale)} "
                        "decisions no longer match and are marked stale.", severity="warning", markup=False)

    def _show_progress(self) -> None:
        if self.review_problem and "locked" in self.review_problem:
            self.status.review = "review paused (database locked)"
        elif self.review_problem:
            self.status.review = "review off (store error)"
        elif self.reviewed is not None:
            where = "" if self.review is None or self.review.store.location.in_folder else " · in data dir"
            self.status.review = f"{self.reviewed.progress}{where}"

    def current_mention(self) -> ReviewedMention | None:
        current, view = self.current, self.reviewed
        if current is None or view is None:
            return None
        return next((m for m in view.mentions if (m.start, m.end) == (current.start, current.end)), None)

    def _mark(self, mention: ReviewedMention) -> None:
        self.jump(Target(mention.start, mention.end, mention.entity_id), record=False)

    def _go_to_next_unreviewed(self, after: int) -> None:
        found = self.reviewed.next_unreviewed(after) if self.reviewed else None
        if found is None:
            self.notify(f"All {self.reviewed.progress.total} mentions reviewed.", markup=False)
            return
        self._mark(found)

    # Deciding

    def _ready(self) -> bool:
        if self.review_problem:
            self.notify(f"Review is off: {self.review_problem}", severity="error", markup=False)
            return False
        if self.analysis_problem:
            self.notify(f"Review is off: the analysis failed ({self.analysis_problem})",
                        severity="error", markup=False)
            return False
        if self.reviewed is None:
            self.notify("The article is still being analysed.", markup=False)
            return False
        return True

    def _on_mention(self, make: Callable[[ReviewedMention], Work], then: str = "next") -> None:
        """Decide on the marked mention when this decision's turn comes. `then`: "next" moves
        to the next unreviewed mention, "stay" keeps the (resized) mention marked."""
        if not self._ready():
            return

        def plan() -> tuple[Work, int, str] | None:
            mention = self.current_mention()
            if mention is None:
                self._mark_something()
                return None
            return make(mention), mention.start, mention.key if then == "stay" else ""

        self._run_decision(self._decide(plan))

    def _run_decision(self, work: Coroutine[Any, Any, object]) -> None:
        """Run a decision in key order, remembered until stored (see `finish_decisions`)."""
        self._decisions = [w for w in self._decisions if not w.is_finished]
        self._decisions.append(self.run_worker(work, group="review", exclusive=False))

    async def finish_decisions(self) -> None:
        """Wait until every decision a key asked for is stored (or has failed and said so):
        called before the reader closes, so `a q` typed in one burst keeps the `a`."""
        for worker in list(self._decisions):
            try:
                await worker.wait()
            except (WorkerCancelled, WorkerFailed):
                pass
        self._decisions.clear()

    def _mark_something(self) -> None:
        """A review key with no mention marked marks the next unreviewed one to decide on."""
        self._go_to_next_unreviewed(self.article.top_offset - 1)
        if self.current_mention() is not None:
            self.notify("Marked the next unreviewed mention; press the key again to decide.", markup=False)

    async def _decide(self, plan: Callable[[], tuple[Work, int, str] | None]) -> Decision | None:
        async with self._review_lock:
            planned = plan()
            if planned is None:
                return None
            work, start, keep = planned
            service = self.app.review
            try:
                if self.review is None:
                    self.review = await service.call(service.review_of, self.document, True)
                    self._announce_location()
                self.review.shown = self._seen
                decision = await service.call(work, self.review)
                view = await service.call(self.review.reviewed, self.analysis)
                self._seen = view.newest
            except ReviewConflict:
                await self._show_other_decisions()
                return None
            except ReviewError as exc:
                self.notify(str(exc), severity="warning", markup=False)
                return None
            except StoreLockedError as exc:
                self._review_locked(str(exc))
                return None
            except ReviewStoreError as exc:
                self._review_failed(str(exc))
                return None
            self._show_review(view)
            if keep and view.mention(keep) is not None:
                self._mark(view.mention(keep))
            elif decision is not None and decision.action in ("undo", "redo"):
                self._show_undone(decision, view)
            else:
                self._go_to_next_unreviewed(start)
            return decision

    async def _show_other_decisions(self) -> None:
        """Someone else (another window or reviewer) decided since this screen was drawn:
        the key was meant for a state that is gone, so show the stored one instead."""
        service = self.app.review
        view = await service.call(self.review.reviewed, self.analysis)
        log = await service.call(self.review.log)
        before, self._seen = self._seen, view.newest
        others = sorted({d.reviewer for d in log if d.id > before})
        self._show_review(view)
        self.status.review = f"{view.progress} · changed by {', '.join(others)}"
        self.notify(f"The review was changed elsewhere (by {', '.join(others)}); their "
                    "decisions are shown now and your key was not applied.",
                    severity="warning", timeout=10, markup=False)

    def _show_undone(self, decision: Decision, view: ReviewedAnalysis) -> None:
        states = decision.after or decision.before
        target = next((view.mention(s.key) for s in states if view.mention(s.key)), None)
        if target is not None:
            self._mark(target)
        done = "Undone" if decision.action == "undo" else "Redone"
        self.notify(f"{done}: {len(states)} mention{'s' if len(states) != 1 else ''}", markup=False)

    def action_accept(self) -> None:
        self._on_mention(lambda m: lambda review: review.accept(m))

    def action_reject(self) -> None:
        self._on_mention(lambda m: lambda review: review.reject(m))

    def action_delete(self) -> None:
        self._on_mention(lambda m: lambda review: review.delete(m))

    def _entity_mentions(self, mention: ReviewedMention) -> list[ReviewedMention]:
        entity = self.reviewed.entity(mention.entity_id)
        return entity.mentions if entity else [mention]

    def _on_entity(self, decide: Callable[[DocumentReview, list[ReviewedMention]], Decision]) -> None:
        """Decide on every mention of the marked mention's entity, as one undo step."""

        def make(mention: ReviewedMention) -> Work:
            mentions = self._entity_mentions(mention)
            return lambda review: decide(review, mentions)

        self._on_mention(make)

    def action_accept_all(self) -> None:
        self._on_entity(DocumentReview.accept)

    def action_reject_all(self) -> None:
        self._on_entity(DocumentReview.reject)

    def action_resize(self, side: str, step: int) -> None:
        def make(mention: ReviewedMention) -> Work:
            selection = WordSelection.at(self.document, mention.start, self.options.base)
            edge = VISUAL_EDGES[side][0 if selection is None or selection.rtl else 1]
            return lambda review: review.resize(mention, edge, step)

        self._on_mention(make, then="stay")

    def action_retype(self) -> None:
        if not self._ready():
            return
        mention = self.current_mention()
        if mention is None:
            self._mark_something()
            return

        def chosen(label: str | None) -> None:
            if label and label != mention.label:
                self._on_mention(lambda m: lambda review: review.retype(m, label))

        self.app.push_screen(TypeMenu(self._question("Type of", mention.text), mention.label), chosen)

    def _question(self, prefix: str, text: str) -> Text:
        return Text.assemble(f"{prefix} ", shaped(text, self.options, 40), "?")

    def action_undo(self) -> None:
        self._history(lambda review: review.undo(), "Nothing to undo.")

    def action_redo(self) -> None:
        self._history(lambda review: review.redo(), "Nothing to redo.")

    def _history(self, work: Work, nothing: str) -> None:
        if not self._ready():
            return

        def plan() -> tuple[Work, int, str] | None:
            if self.review is None:
                self.notify(nothing, markup=False)
                return None
            return work, self._where(), ""

        async def run() -> None:
            if await self._decide(plan) is None and self.review is not None:
                self.notify(nothing, markup=False)

        self._run_decision(run())

    def _where(self) -> int:
        return self.current.start if self.current else self.article.top_offset - 1

    # Adding a missed entity

    def action_select(self) -> None:
        if not self._ready():
            return
        selection = WordSelection.at(self.document, max(0, self._where()), self.options.base)
        if selection is None:
            self.notify("No words here to select.", severity="warning", markup=False)
            return
        self.query_one(SelectionBar).start(selection, self.document.text, self.options)

    @on(SelectionBar.Changed)
    def _selection_changed(self, message: SelectionBar.Changed) -> None:
        self.article.set_marks(current=message.span)
        self.article.show_offset(message.span[0])

    @on(SelectionBar.Finished)
    def _selection_finished(self, message: SelectionBar.Finished) -> None:
        span = message.span
        if span is None:
            self.article.set_marks(current=(self.current.start, self.current.end) if self.current else None)
            return
        text = self.document.text[span[0]:span[1]]

        def typed(label: str | None) -> None:
            if not label:
                self.article.set_marks(current=None)
                self.current = None
                return
            taken = [(m.start, m.end) for m in self.reviewed.mentions]
            others = unlinked_occurrences(self.document.text, *span, taken)
            if not others:
                self._add(span, label, [])
                return
            question = self._question(f"Also mark the {len(others)} other places", text)
            self.app.push_screen(YesNo(question), lambda yes: self._add(span, label, others if yes else []))

        self.app.push_screen(TypeMenu(self._question("Type of", text)), typed)

    def _add(self, span: tuple[int, int], label: str, others: list[tuple[int, int]]) -> None:
        work: Work = lambda review: review.add(*span, label, others=others)  # noqa: E731
        self._run_decision(self._decide(lambda: (work, span[0], "")))
        if others:
            self.notify(f"Added, with {len(others)} more mentions linked.", markup=False)

    # Filter

    def action_only_unreviewed(self) -> None:
        pane = self.query_one(EntitiesPane)
        pane.only_unreviewed = not pane.only_unreviewed
        if self.reviewed is not None:
            self.show_entities(self.reviewed.entities)
        self.notify("Entities: only unreviewed" if pane.only_unreviewed else "Entities: all", markup=False)

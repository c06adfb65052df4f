"""What the article marks: mentions by entity type, search hits and the current target,
as logical spans looked up per display line."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from seedread.analysis.model import Entity

ENTITY_CLASSES = {
    "PER": "article--per",
    "LOC": "article--loc",
    "ORG": "article--org",
    "EVENT": "article--event",
    "MISC": "article--misc",
}
# Review decisions layer over the type's look; an unreviewed mention keeps the type's look.
STATUS_CLASSES = {
    "accepted": "article--accepted",
    "rejected": "article--rejected",
    "stale": "article--stale",
}
HIT_CLASS = "article--hit"
CURRENT_CLASS = "article--current"


@dataclass
class Highlights:
    """Spans as (start, end, component class), sorted by start, ready for per-line lookup."""

    spans: list[tuple[int, int, str]] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)
    _longest: int = 0

    @classmethod
    def build(
        cls,
        entities: list[Entity],
        hits: list[tuple[int, int]],
        current: tuple[int, int] | None,
    ) -> Highlights:
        spans = []
        for entity in entities:
            for mention in entity.mentions:
                # A reviewed mention (ReviewedMention) carries its own label and status.
                label = getattr(mention, "label", entity.type)
                spans.append((mention.start, mention.end, ENTITY_CLASSES.get(label, "article--misc")))
                status = STATUS_CLASSES.get(getattr(mention, "status", ""))
                if status:
                    spans.append((mention.start, mention.end, status))
        spans += [(start, end, HIT_CLASS) for start, end in hits]
        if current is not None:
            spans.append((current[0], current[1], CURRENT_CLASS))
        # The current mark goes last so that it is drawn over the others.
        spans.sort(key=lambda span: (span[0], span[2] == CURRENT_CLASS))
        highlights = cls(spans)
        highlights._starts = [span[0] for span in spans]
        highlights._longest = max((end - start for start, end, _ in spans), default=0)
        return highlights

    def within(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The spans overlapping [start, end), the current mark last."""
        first = bisect_left(self._starts, start - self._longest)
        last = bisect_left(self._starts, end)
        found = [span for span in self.spans[first:last] if span[1] > start]
        found.sort(key=lambda span: span[2] == CURRENT_CLASS)
        return found

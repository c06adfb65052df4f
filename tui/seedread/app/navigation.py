"""Where the reader can jump: mentions in reading order, mentions of one entity, and the
vim-like jump history (ctrl+o back, ctrl+i forward)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from seedread.analysis.model import Entity


@dataclass(frozen=True, slots=True)
class Target:
    """A span of the article to bring into view and mark; `entity_id` when it is a mention."""

    start: int
    end: int
    entity_id: str | None = None


class MentionIndex:
    """All mentions sorted by position, and each entity's mentions in reading order."""

    def __init__(self, entities: list[Entity]) -> None:
        found = (
            Target(mention.start, mention.end, entity.id)
            for entity in entities
            for mention in entity.mentions
        )
        self.mentions = sorted(found, key=lambda target: (target.start, target.end))
        self._starts = [target.start for target in self.mentions]
        self.by_entity: dict[str, list[Target]] = {}
        for target in self.mentions:
            self.by_entity.setdefault(target.entity_id, []).append(target)

    def __bool__(self) -> bool:
        return bool(self.mentions)

    def after(self, offset: int) -> Target | None:
        """The first mention starting after `offset`, wrapping to the first."""
        if not self.mentions:
            return None
        index = bisect_right(self._starts, offset)
        return self.mentions[index % len(self.mentions)]

    def before(self, offset: int) -> Target | None:
        """The last mention starting before `offset`, wrapping to the last."""
        if not self.mentions:
            return None
        index = bisect_left(self._starts, offset) - 1
        return self.mentions[index % len(self.mentions)]

    def at(self, offset: int) -> Target | None:
        """The mention covering `offset`, if any."""
        index = bisect_right(self._starts, offset) - 1
        while index >= 0 and self.mentions[index].start <= offset:
            if offset < self.mentions[index].end:
                return self.mentions[index]
            index -= 1
        return None

    def same_entity(self, current: Target, step: int) -> Target | None:
        """The next (`step`=1) or previous (-1) mention of `current`'s entity, wrapping."""
        siblings = self.by_entity.get(current.entity_id or "", [])
        if not siblings:
            return None
        index = self.position(current)
        if index is None:
            starts = [target.start for target in siblings]
            index = bisect_right(starts, current.start) - (1 if step > 0 else 0)
        return siblings[(index + step) % len(siblings)]

    def position(self, target: Target) -> int | None:
        """0-based place of `target` among its entity's mentions."""
        siblings = self.by_entity.get(target.entity_id or "", [])
        try:
            return siblings.index(target)
        except ValueError:
            return None


@dataclass(frozen=True, slots=True)
class Place:
    """Where the reader was: the top line's offset and the marked span."""

    top: int
    target: Target | None


class JumpHistory:
    """Places left by jumps; going back and forth moves between them like vim's jump list."""

    def __init__(self) -> None:
        self._back: list[Place] = []
        self._forward: list[Place] = []

    def record(self, place: Place) -> None:
        """Remember where a jump started; a new jump forgets the places ahead."""
        if not self._back or self._back[-1] != place:
            self._back.append(place)
        self._forward.clear()

    def back(self, current: Place) -> Place | None:
        if not self._back:
            return None
        self._forward.append(current)
        return self._back.pop()

    def forward(self, current: Place) -> Place | None:
        if not self._forward:
            return None
        self._back.append(current)
        return self._forward.pop()

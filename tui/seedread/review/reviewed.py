"""The reviewed view of an analysis: the extractor's entities with the decisions in force
applied, as the reader shows them and the exporters write them.

Decisions are replayed in order as changes (a retype changes only the label, an accept only
the status), so decisions from two reviewers on the same mention combine instead of the
later one undoing the earlier. A retype is a decision too: the mention counts as accepted,
and an entity takes the type its decided mentions carry. After an edit each decision is first
re-anchored by its quote and context (`anchors`); only one whose quote is really gone is not
applied: it is reported in `stale` and the mention it was about, if the extractor still finds
it, is marked "stale" for another look. Nothing is dropped from the log either way.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, fields, replace

from seedread.analysis.model import Analysis
from seedread.review.anchors import relocate
from seedread.review.decisions import DELETED, Decision, MentionState, in_force


REVIEWED = ("accepted", "rejected")


@dataclass(frozen=True, slots=True)
class ReviewedMention(MentionState):
    """A mention as shown: `status` is accepted, rejected, unreviewed or stale; `label` is
    the type after any retyping; `key` is what the store's operations take."""

    reviewer: str | None = None  # who made the last decision on it
    decided_at: str | None = None

    @property
    def state(self) -> MentionState:
        """Just the decidable fields, as a decision records them."""
        return MentionState(*(getattr(self, f.name) for f in fields(MentionState)))

    @property
    def reviewed(self) -> bool:
        return self.status in REVIEWED


@dataclass
class ReviewedEntity:
    id: str
    name: str
    type: str  # the label most of its mentions carry after retyping
    english: str | None
    mentions: list[ReviewedMention]
    user_added: bool = False


@dataclass(frozen=True, slots=True)
class Progress:
    reviewed: int
    total: int

    def __str__(self) -> str:
        return f"{self.reviewed}/{self.total} reviewed"


@dataclass
class ReviewedAnalysis:
    analysis: Analysis
    entities: list[ReviewedEntity]
    mentions: list[ReviewedMention]  # every visible mention, in text order
    stale: list[Decision] = field(default_factory=list)  # decisions that no longer match
    changed: bool = False  # the file changed since its review began
    newest: int = 0  # the id of the newest decision this view was built from (0: none)

    @property
    def progress(self) -> Progress:
        return Progress(sum(m.reviewed for m in self.mentions), len(self.mentions))

    def mention(self, key: str) -> ReviewedMention | None:
        return next((m for m in self.mentions if m.key == key), None)

    def entity(self, entity_id: str) -> ReviewedEntity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def next_unreviewed(self, after: int = -1) -> ReviewedMention | None:
        """The first unreviewed or stale mention starting after offset `after`, wrapping
        round to the top; None when everything is reviewed."""
        waiting = [m for m in self.mentions if not m.reviewed]
        return next((m for m in waiting if m.start > after), waiting[0] if waiting else None)


def mention_key(start: int, end: int, user: bool = False) -> str:
    return f"u:{start}:{end}" if user else f"{start}:{end}"


def apply_decisions(analysis: Analysis, text: str, log: list[Decision]) -> ReviewedAnalysis:
    """Apply the decisions in force from `log` to `analysis` of the document `text`."""
    mentions: dict[str, ReviewedMention] = {}
    for entity in analysis.entities:
        for m in entity.mentions:
            key = mention_key(m.start, m.end)
            mentions.setdefault(key, ReviewedMention(
                key, m.start, m.end, m.text, entity.type, entity.id, entity.name,
                "unreviewed", m.source,
            ))
    stale = []
    seen: dict[str, list[int]] = {}
    for recorded in in_force(log):
        decision = relocate(recorded, text, seen)
        if decision is None:
            decision = recorded
            stale.append(decision)
            for key in decision.keys:
                if key in mentions and mentions[key].status != DELETED:
                    mentions[key] = replace(mentions[key], status="stale")
            continue
        before = {s.key: s for s in decision.before}
        for state in decision.after:
            current = mentions.get(state.key)
            if current is None or state.key not in before:
                changes = state.to_dict()
            else:
                changes = state.changes_from(before[state.key])
            base = current or ReviewedMention(**state.to_dict())
            if decision.action == "retype" and changes.get("status", base.status) not in REVIEWED:
                changes["status"] = "accepted"  # choosing a type is deciding it is an entity
            mentions[state.key] = replace(
                base, **changes, reviewer=decision.reviewer, decided_at=decision.at
            )
    visible = sorted(
        (m for m in mentions.values() if m.status != DELETED), key=lambda m: (m.start, m.end)
    )
    return ReviewedAnalysis(analysis, _entities(analysis, visible), visible, stale)


def _entities(analysis: Analysis, visible: list[ReviewedMention]) -> list[ReviewedEntity]:
    by_entity: dict[str, list[ReviewedMention]] = {}
    for m in visible:
        by_entity.setdefault(m.entity_id, []).append(m)
    known = {e.id: e for e in analysis.entities}
    order = [e.id for e in analysis.entities] + [i for i in by_entity if i not in known]
    entities = []
    for entity_id in order:
        members = by_entity.get(entity_id)
        if not members:
            continue
        original = known.get(entity_id)
        # What a reviewer decided outweighs what the extractor guessed for the rest.
        decided = [m for m in members if m.reviewed] or members
        labels = Counter(m.label for m in decided).most_common()
        entities.append(ReviewedEntity(
            entity_id,
            original.name if original else members[0].entity_name,
            labels[0][0],
            original.english if original else None,
            members,
            user_added=original is None,
        ))
    return entities

"""Decisions as recorded, and which of them are in force after undo and redo.

The store keeps an append-only log: every change a reviewer makes is a row, and so is every
undo and redo (pointing at the row it reverts or restores). Nothing is deleted, so the log
survives restarts and two processes appending to it never overwrite each other; what is "in
force" is computed here by replaying the log.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields

ACTIONS = ("accept", "reject", "retype", "resize", "delete", "add")
DELETED = "deleted"
_NOT_CHANGES = ("key", "prefix", "suffix")  # identify the mention; no decision changes them


@dataclass(frozen=True, slots=True)
class MentionState:
    """Everything a decision can change about one mention, as it was before or after it.

    `key` names the mention for its whole life: "START:END" of the extractor's span (kept
    after a resize), or "u:START:END" for a mention the reviewer added.
    """

    key: str
    start: int
    end: int
    text: str
    label: str
    entity_id: str
    entity_name: str
    status: str = "unreviewed"
    source: str = "rules"
    # Text just before and after the span when the decision was made (see `anchors`); empty
    # in decisions recorded before seedread kept them.
    prefix: str = ""
    suffix: str = ""

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> MentionState:
        """The state a decision recorded; ValueError when the record is not one."""
        if not isinstance(data, dict):
            raise ValueError("a mention state is not an object")
        names = {f.name for f in fields(cls)}
        state = cls(**{k: v for k, v in data.items() if k in names})
        for name in names:
            expected = int if name in ("start", "end") else str
            value = getattr(state, name)
            if not isinstance(value, expected) or isinstance(value, bool):
                raise ValueError(f"{name} of a mention state is {type(value).__name__}")
        if not 0 <= state.start <= state.end:
            raise ValueError(f"span {state.start}..{state.end} is not a span")
        return state

    def changes_from(self, before: MentionState) -> dict:
        """The fields this state sets that differ from `before` (what the decision did)."""
        return {
            f.name: getattr(self, f.name)
            for f in fields(self)
            if f.name not in _NOT_CHANGES and getattr(self, f.name) != getattr(before, f.name)
        }


@dataclass(frozen=True, slots=True)
class Decision:
    """One row of the log: a change to some mentions, or an undo/redo of an earlier row."""

    id: int
    action: str
    reviewer: str
    at: str  # ISO 8601, UTC
    before: tuple[MentionState, ...] = ()
    after: tuple[MentionState, ...] = ()
    ref: int | None = None  # for undo/redo: the id of the decision reverted or restored
    keys: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "keys", tuple(s.key for s in (self.after or self.before)))


def in_force(log: list[Decision]) -> list[Decision]:
    """The changes not currently undone, in the order they were made."""
    changes = {d.id: d for d in log if d.action in ACTIONS}
    active = set(changes)
    for decision in log:
        if decision.action == "undo":
            active.discard(decision.ref)
        elif decision.action == "redo" and decision.ref in changes:
            active.add(decision.ref)
    return [changes[i] for i in sorted(active)]


def undo_target(log: list[Decision], reviewer: str) -> Decision | None:
    """The reviewer's latest change still in force: each reviewer undoes only their own."""
    own = [d for d in in_force(log) if d.reviewer == reviewer]
    return own[-1] if own else None


def redo_target(log: list[Decision], reviewer: str) -> Decision | None:
    """The change the reviewer undid last, unless they have made a new change since."""
    changes = {d.id: d for d in log if d.action in ACTIONS}
    undone: list[int] = []
    for decision in log:
        if decision.reviewer != reviewer:
            continue
        if decision.action in ACTIONS:
            undone.clear()
        elif decision.action == "undo":
            undone.append(decision.ref)
        elif decision.action == "redo" and decision.ref in undone:
            undone.remove(decision.ref)
    active = {d.id for d in in_force(log)}
    while undone and undone[-1] in active:
        undone.pop()
    return changes[undone[-1]] if undone else None

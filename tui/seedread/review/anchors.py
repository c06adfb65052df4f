"""Finding a decision's text again after the article was edited.

Each recorded mention state carries, besides its offsets, the text it covered and a little
of the text around it, as the W3C Web Annotation TextQuoteSelector does (exact, prefix,
suffix; the offsets are only a hint). After an edit the quote is looked for in the new
text: at the hint if it is still there with its context, else at the occurrence whose
context agrees best (nearest the hint on a tie). A decision goes stale only when its quote
is really gone, or when it occurs only in places that share (almost) none of its context.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import replace

from seedread.review.decisions import Decision, MentionState

CONTEXT_CHARS = 32  # of prefix and of suffix: enough to tell the occurrences of a name apart
MAX_CANDIDATES = 100_000  # occurrences of one quote compared in the whole text
NEAR = 20_000  # characters either side of the hint searched first for the quote in context
# Context characters an occurrence must share to be chosen among several: a space or a
# punctuation mark on either side is shared by nearly every occurrence of a name.
MIN_AGREEMENT = 4


def context(text: str, start: int, end: int) -> tuple[str, str]:
    """The prefix and suffix recorded with the span [start, end) of `text`."""
    return text[max(0, start - CONTEXT_CHARS) : start], text[end : end + CONTEXT_CHARS]


def anchored(state: MentionState, text: str) -> MentionState:
    """`state` with the context it has in `text` (where its offsets are current)."""
    prefix, suffix = context(text, state.start, state.end)
    return replace(state, prefix=prefix, suffix=suffix)


def locate(text: str, state: MentionState, seen: dict[str, list[int]] | None = None) -> int | None:
    """Where the quote of `state` starts in `text` now, or None when it is gone. `seen`
    keeps each quote's occurrences between calls on the same text (one scan per name)."""
    quote, hint = state.text, state.start
    if not quote:
        return hint if 0 <= hint <= len(text) else None
    has_context = bool(state.prefix or state.suffix)
    full = len(state.prefix) + len(state.suffix)
    if text.startswith(quote, hint) and (not has_context or _agreement(text, state, hint) == full):
        return hint
    if has_context:  # an edit usually moves text by a little: look near the hint first
        near = _occurrences(text, quote, max(0, hint - NEAR), hint + NEAR + len(quote))
        for at in _nearest_first(near, hint):
            if _agreement(text, state, at) == full:
                return at
    candidates = seen.get(quote) if seen is not None else None
    if candidates is None:
        candidates = _occurrences(text, quote)
        if seen is not None:
            seen[quote] = candidates
    if not candidates:
        return None
    if not has_context:
        return next(_nearest_first(candidates, hint))
    best, best_agreement = None, -1
    for at in _nearest_first(candidates, hint):
        agreement = _agreement(text, state, at)
        if agreement > best_agreement:
            best, best_agreement = at, agreement
            if agreement == full:
                break  # nothing farther can do better
    if len(candidates) > 1 and best_agreement < MIN_AGREEMENT:
        return None  # the name is still there, but nothing says which occurrence was meant
    return best


def stands_in(text: str, state: MentionState) -> bool:
    """Whether the quote of `state` is in `text` with at least half of its recorded context
    beside it: the test for "the same article", stricter than `locate`, since a name alone
    is shared by many articles."""
    found = locate(text, state)
    if found is None:
        return False
    full = len(state.prefix) + len(state.suffix)
    return _agreement(text, state, found) * 2 >= full


def relocate(decision: Decision, text: str,
             seen: dict[str, list[int]] | None = None) -> Decision | None:
    """The decision with its spans (and mention keys) moved to where their quotes are in
    `text`; itself when nothing moved; None when a quote cannot be found. Pass the same
    `seen` for every decision on one text."""
    shifts: dict[str, int] = {}
    for state in decision.after:
        found = locate(text, state, seen)
        if found is None:
            return None
        shifts[state.key] = found - state.start
    for state in decision.before:
        if state.key not in shifts:
            found = locate(text, state, seen)
            if found is None:
                return None
            shifts[state.key] = found - state.start
    if not any(shifts.values()):
        return decision
    return replace(
        decision,
        before=tuple(_moved(s, shifts[s.key], text) for s in decision.before),
        after=tuple(_moved(s, shifts[s.key], text) for s in decision.after),
    )


def _moved(state: MentionState, shift: int, text: str) -> MentionState:
    if not shift:
        return state
    return replace(state, key=shifted_key(state.key, shift), start=state.start + shift,
                   end=state.end + shift)


def shifted_key(key: str, shift: int) -> str:
    """A mention key ("START:END" or "u:START:END") for the same mention moved by `shift`."""
    *tag, start, end = key.split(":")
    try:
        return ":".join([*tag, str(int(start) + shift), str(int(end) + shift)])
    except ValueError:
        return key


def _nearest_first(candidates: list[int], hint: int) -> Iterator[int]:
    """The sorted `candidates` in order of distance from `hint` (the lower one on a tie)."""
    right = bisect_left(candidates, hint)
    left = right - 1
    while left >= 0 or right < len(candidates):
        if right >= len(candidates) or (left >= 0 and hint - candidates[left] <= candidates[right] - hint):
            yield candidates[left]
            left -= 1
        else:
            yield candidates[right]
            right += 1


def _occurrences(text: str, quote: str, start: int = 0, end: int | None = None) -> list[int]:
    found = []
    at = text.find(quote, start, end)
    while at >= 0 and len(found) < MAX_CANDIDATES:
        found.append(at)
        at = text.find(quote, at + 1, end)
    return found


def _agreement(text: str, state: MentionState, at: int) -> int:
    """How many characters of the recorded context stand next to the quote at `at`."""
    prefix, suffix = state.prefix, state.suffix
    before = text[max(0, at - len(prefix)) : at]
    after_start = at + len(state.text)
    after = text[after_start : after_start + len(suffix)]
    same_before = 0
    for a, b in zip(reversed(before), reversed(prefix)):
        if a != b:
            break
        same_before += 1
    same_after = 0
    for a, b in zip(after, suffix):
        if a != b:
            break
        same_after += 1
    return same_before + same_after

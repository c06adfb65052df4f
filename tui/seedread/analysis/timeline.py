"""The timeline: each temporal expression, its value, and the event it dates, in
chronological order.

The event is what the date is attached to in the prose: the named event or quotation
right before a parenthesised date («غزوة حلب» الأخيرة (انطلقت في 28 تشرين الأول)), else
the nearest named event in the same sentence, else the words just before the date.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from seedread.analysis.dates import find_dates
from seedread.analysis.model import Entity, Span, TimelineEntry
from seedread.analysis.tokens import Token

SENTENCE_END = re.compile(r"[.!?؟\n]")
CLAUSE_BREAK = re.compile(r"[.!?؟\n،,؛;:()«»]")
QUOTED = re.compile(r"«[^«»\n]{1,80}»")
LEAD_WORDS = {"في", "منذ", "قبل", "بعد", "يوم", "خلال", "حتى", "من", "الى", "إلى", "وفي", "حوالى"}
NEAR = 40
SAME_DATE = re.compile(r"\s*(?:[(/،,-]|الموافق|الموافق\s+لـ?|أي|اي)?\s*")


def build_timeline(
    text: str, tokens: list[Token], entities: list[Entity], reference: dt.date | None
) -> list[TimelineEntry]:
    events = sorted(
        (m.start, m.end) for e in entities if e.type == "EVENT" for m in e.mentions
    )
    quotes = [(m.start(), m.end()) for m in QUOTED.finditer(text)]
    entries: list[TimelineEntry] = []
    for found in find_dates(text, reference):
        if entries and SAME_DATE.fullmatch(text, entries[-1].end, found.start):
            event = entries[-1].event  # 2 أبريل 2022 الموافق 1 رمضان 1443 هـ
        else:
            event = _event_for(text, tokens, found.start, found.end, events, quotes)
        entries.append(
            TimelineEntry(
                start=found.start,
                end=found.end,
                text=text[found.start : found.end],
                value=found.value,
                year_certainty=found.year_certainty,
                event=event,
                sort_key=found.sort_key,
                reference=found.reference.isoformat() if found.reference else None,
            )
        )
    entries.sort(key=lambda e: (e.sort_key, e.start))
    return entries


def _within(spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    return spans[bisect.bisect_left(spans, (start, 0)) : bisect.bisect_right(spans, (end, 0))]


def _tokens_between(tokens: list[Token], start: int, end: int) -> list[Token]:
    low = bisect.bisect_left(tokens, start, key=lambda t: t.end)
    high = bisect.bisect_right(tokens, end, key=lambda t: t.start)
    return [t for t in tokens[low:high] if start <= t.start and t.end <= end]


def _span(text: str, start: int, end: int) -> Span:
    return Span(start, end, text[start:end])


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    left = max((m.end() for m in SENTENCE_END.finditer(text, max(0, start - 400), start)),
               default=max(0, start - 400))
    right = SENTENCE_END.search(text, end, end + 400)
    return left, right.start() if right else min(len(text), end + 400)


def _event_for(text, tokens, start, end, events, quotes) -> Span | None:
    opening = text.rfind("(", max(0, start - 60), start)
    if opening >= 0 and ")" not in text[opening:start]:
        window = _within(events, opening - 200, opening) + _within(quotes, opening - 200, opening)
        before = [s for s in window if s[1] <= opening and opening - s[1] <= 40]
        if before:
            best = max(before, key=lambda s: (s[1], s[1] - s[0]))
            inner = [s for s in _within(events, best[0], best[1]) if s[1] <= best[1]]
            best = max(inner, key=lambda s: s[1] - s[0]) if inner else best
            return _span(text, *best)
        return _words_before(text, tokens, opening)
    left, right = _sentence(text, start, end)
    low = bisect.bisect_left(events, (start - NEAR, 0))
    high = bisect.bisect_right(events, (end + NEAR, 0))
    near = [s for s in events[low:high] if left <= s[0] and s[1] <= right]
    if near:
        return _span(text, *min(near, key=lambda s: min(abs(s[1] - start), abs(s[0] - end))))
    return (
        _words_before(text, tokens, start)
        or _words_after(text, tokens, end)
        or _words_after(text, tokens, left)
    )


def _words_before(text: str, tokens: list[Token], offset: int) -> Span | None:
    """Up to three words before `offset` in the same clause, skipping «في، منذ …»."""
    chosen: list[Token] = []
    for token in reversed(_tokens_between(tokens, offset - 80, offset)):
        limit = chosen[0].start if chosen else offset
        if CLAUSE_BREAK.search(text, token.end, limit):
            break
        if token.text in LEAD_WORDS:
            if chosen:
                break
            offset = token.start
            continue
        chosen.insert(0, token)
        if len(chosen) == 3:
            break
    return _span(text, chosen[0].start, chosen[-1].end) if chosen else None


def _words_after(text: str, tokens: list[Token], offset: int) -> Span | None:
    chosen = []
    for token in _tokens_between(tokens, offset, offset + 80):
        if CLAUSE_BREAK.search(text, chosen[-1].end if chosen else offset, token.start):
            break
        chosen.append(token)
        if len(chosen) == 3:
            break
    return _span(text, chosen[0].start, chosen[-1].end) if chosen else None
